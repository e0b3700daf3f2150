// libFuzzer target: any bytes as a case for the shipped rules (read, advised on, rendered). See
// scripts/fuzz.sh.

#include <cstddef>
#include <cstdint>

#include "fuzz/exercise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const forbear::RuleSet& rules = forbear::fuzz::shipped_rules(FORBEAR_SOURCE_DIR);
  forbear::fuzz::exercise_case(rules, {reinterpret_cast<const char*>(data), size});
  return 0;
}
