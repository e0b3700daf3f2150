// Checks one engine's output against the reference, as peer-workload.md §6 says: each line is parsed,
// `fired` sorted, `scores` put in the fixed order, re-serialised, and must equal the expected line byte
// for byte. The first mismatches are printed with their case.
//   peer_compare --engine NAME --cases cases.jsonl --expected expected.jsonl --got engine.jsonl

#include <iostream>

#include "driver.hpp"

namespace peers = forbear::peers;

int main(int argc, char** argv) try {
  const peers::DriverArguments arguments(argc, argv);
  const std::string engine = arguments.required("engine");
  const auto cases = peers::read_lines(arguments.required("cases"));
  const auto expected = peers::read_lines(arguments.required("expected"));
  const auto got = peers::read_lines(arguments.required("got"));
  if (expected.size() != cases.size()) throw std::runtime_error("cases and expected outputs differ in number");
  if (got.size() != expected.size()) {
    std::cerr << "MISMATCH " << engine << ": " << got.size() << " output lines for " << expected.size() << " cases\n";
    return 1;
  }
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    std::string canonical;
    try {
      canonical = peers::canonical_outcome_line(got[i]);
    } catch (const std::exception& error) {
      canonical = std::string("(unreadable: ") + error.what() + ")";
    }
    if (canonical == expected[i]) continue;
    if (++mismatches <= 5) {
      std::cerr << "MISMATCH " << engine << " on case " << cases[i] << "\n  expected " << expected[i]
                << "\n  got      " << canonical << '\n';
    }
  }
  if (mismatches > 0) {
    std::cerr << engine << ": " << mismatches << " of " << expected.size() << " cases differ from the reference\n";
    return 1;
  }
  std::cerr << engine << ": all " << expected.size() << " cases equal the reference\n";
  return 0;
} catch (const std::exception& error) {
  std::cerr << "peer_compare: " << error.what() << '\n';
  return 1;
}
