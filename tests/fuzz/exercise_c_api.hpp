#pragma once

// What the C API fuzz target (fuzz_c_api.cpp) does with one input, shared with the test that
// replays its corpus and regressions (fuzz_replay_test.cpp). The input is used both as a rule file
// and as a case for the shipped rules, through the C entry points only; every call must end in a
// status and a message, never a crash, a leak or an exception.

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include "forbear.h"

namespace forbear::fuzz {

/// Reads everything a diagnostics handle offers (and one index past the end).
inline std::size_t read_diagnostics(const forbear_diagnostics* diagnostics) {
  std::size_t touched = std::string_view(forbear_diagnostics_json(diagnostics)).size() +
                        std::string_view(forbear_diagnostics_text(diagnostics)).size();
  const std::size_t count = forbear_diagnostics_count(diagnostics);
  for (std::size_t i = 0; i <= count; ++i) {
    const char* file = forbear_diagnostic_file(diagnostics, i);
    const char* message = forbear_diagnostic_message(diagnostics, i);
    if ((file == nullptr) != (i == count) || (message == nullptr) != (i == count)) {
      throw std::logic_error("a diagnostic accessor answered wrongly for index " + std::to_string(i));
    }
    touched += forbear_diagnostic_line(diagnostics, i) + forbear_diagnostic_column(diagnostics, i) +
               static_cast<std::size_t>(forbear_diagnostic_severity(diagnostics, i));
  }
  return touched;
}

/// Reads everything an advice handle offers.
inline void read_advice(const forbear_advice* advice) {
  if (std::string_view(forbear_advice_json(advice)).size() != forbear_advice_json_length(advice)) {
    throw std::logic_error("forbear_advice_json_length disagrees with the text");
  }
  (void)forbear_advice_top_strategy(advice);
  if (!forbear_advice_text(advice, "en") || !forbear_advice_text(advice, "zh")) {
    throw std::logic_error("forbear_advice_text gave no text");
  }
}

/// Any status but these is a bug for an input: a rule or case error is the input's fault.
inline void expect_input_status(forbear_status status, forbear_status input_error) {
  if (status != FORBEAR_OK && status != input_error) {
    throw std::logic_error(std::string("unexpected status: ") + forbear_status_name(status) + ": " +
                           forbear_last_error_message());
  }
}

/// Uses `text` as a rule file through the C API (unless it mentions `include`, which would read
/// other files), and as a case for `shipped`.
inline void exercise_c_api(const forbear_ruleset* shipped, std::string_view input) {
  const std::string_view text(input.empty() ? "" : input.data(), input.size());  // never a NULL pointer
  if (text.find("include") == std::string_view::npos) {
    forbear_ruleset* rules = nullptr;
    forbear_diagnostics* diagnostics = nullptr;
    const forbear_status loaded =
        forbear_ruleset_load_string(text.data(), text.size(), "fuzz.rules", &rules, &diagnostics);
    expect_input_status(loaded, FORBEAR_ERROR_RULES);
    read_diagnostics(diagnostics);
    if (rules) {
      (void)forbear_ruleset_sha256(rules);
      forbear_advice* advice = nullptr;
      expect_input_status(forbear_advise(rules, "{}", 2, FORBEAR_ADVISE_TRACE, &advice), FORBEAR_ERROR_CASE);
      if (advice) read_advice(advice);
      forbear_advice_free(&advice);
    }
    forbear_diagnostics_free(&diagnostics);
    forbear_ruleset_free(&rules);
  }
  for (const unsigned flags : {0u, unsigned{FORBEAR_ADVISE_TRACE}}) {
    forbear_advice* advice = nullptr;
    expect_input_status(forbear_advise(shipped, text.data(), text.size(), flags, &advice), FORBEAR_ERROR_CASE);
    if (advice) read_advice(advice);
    forbear_advice_free(&advice);
  }
}

/// The shipped rules through the C API, loaded once (never freed: the process ends with them).
inline const forbear_ruleset* shipped_rules_c(const std::filesystem::path& source_dir) {
  static const forbear_ruleset* rules = [&] {
    const std::string path = (source_dir / "rules").string();
    const char* paths[] = {path.c_str()};
    forbear_ruleset* loaded = nullptr;
    if (forbear_ruleset_load_paths(paths, 1, &loaded, nullptr) != FORBEAR_OK) {
      throw std::runtime_error(std::string("the shipped rules do not load:\n") + forbear_last_error_message());
    }
    return loaded;
  }();
  return rules;
}

}  // namespace forbear::fuzz
