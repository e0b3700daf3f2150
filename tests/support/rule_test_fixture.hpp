#pragma once

// The fixture rule set of the rule test runner's tests (tests/data/rule_tests/rules) and helpers to
// load test files against it.

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <string_view>

#include "forbear/forbear.hpp"

namespace forbear::test {

/// tests/data/rule_tests, with a trailing '/': cut from rendered text so that it does not depend on the checkout.
inline std::string rule_test_data() {
  return (std::filesystem::path(FORBEAR_TEST_DATA_DIR) / "rule_tests").string() + "/";
}

/// The fixture rule set, loaded once by its full path.
inline const forbear::RuleSet& fixture_rules() {
  static const forbear::RuleSet rules = [] {
    auto loaded = forbear::load_rules({rule_test_data() + "rules/fixture.rules"});
    INFO(loaded.rendered_diagnostics());
    REQUIRE(loaded.ok());
    return *loaded.rules;
  }();
  return rules;
}

/// `text` with every occurrence of `prefix` removed.
inline std::string without_prefix(std::string text, const std::string& prefix) {
  for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at))
    text.erase(at, prefix.size());
  return text;
}

/// Rule tests given as text, loaded against the fixture rules; REQUIREs that they have no error.
inline forbear::RuleTestSuite load_tests(std::string_view text) {
  auto suite = forbear::load_rule_tests_from_string(fixture_rules(), text, "t.tests");
  INFO(suite.rendered_diagnostics());
  REQUIRE(suite.ok());
  return suite;
}

/// The rendered diagnostics of rule tests given as text (the file is named t.tests).
inline std::string test_errors(std::string_view text) {
  return forbear::load_rule_tests_from_string(fixture_rules(), text, "t.tests").rendered_diagnostics();
}

}  // namespace forbear::test
