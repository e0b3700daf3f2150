// libFuzzer target: any bytes as a rule file (loaded, checked, used, formatted). See scripts/fuzz.sh.

#include <cstddef>
#include <cstdint>

#include "fuzz/exercise.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  forbear::fuzz::exercise_rules({reinterpret_cast<const char*>(data), size});
  return 0;
}
