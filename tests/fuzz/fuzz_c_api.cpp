// libFuzzer target: any bytes through the C API (forbear.h), as a rule file and as a case for the
// shipped rules. See scripts/fuzz.sh.

#include <cstddef>
#include <cstdint>

#include "fuzz/exercise_c_api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const forbear_ruleset* rules = forbear::fuzz::shipped_rules_c(FORBEAR_SOURCE_DIR);
  forbear::fuzz::exercise_c_api(rules, {reinterpret_cast<const char*>(data), size});
  return 0;
}
