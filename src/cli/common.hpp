#pragma once

// What the commands share: loading the rules named on the command line, reading a case.

#include <optional>
#include <string>

#include "cli/arguments.hpp"
#include "forbear/forbear.hpp"

namespace forbear::cli {

constexpr int kExitOk = 0;
constexpr int kExitRuleErrors = 1;  ///< errors in the rules, a failed rule test, an unformatted file
constexpr int kExitUsage = 2;       ///< bad case input or command line

/// The rule paths to load: --rules as given, else $FORBEAR_RULES, else the shipped rules
/// (relative to the current directory when that is shorter, so locations read "rules/x.rules:12").
std::vector<std::filesystem::path> rule_paths(const Arguments& args);

/// Loads the rules of rule_paths(args).
LoadResult load(const Arguments& args);

/// Reads a file, or standard input for "-" or no name. On failure prints
/// "forbear: error: ..." to stderr and returns nothing. `name` receives the name for messages.
std::optional<std::string> read_input(const std::optional<std::string>& input, std::string& name, std::string_view what);

/// Parses JSON text. A syntax error is printed to stderr as "NAME:LINE:COLUMN: error: invalid
/// JSON: ..."; then nothing is returned.
std::optional<nlohmann::json> parse_json(const std::string& text, const std::string& name);

/// Binds JSON facts to `rules`; each error is printed as "NAME: error: 'field': ...".
std::optional<Case> bind_case(const RuleSet& rules, const nlohmann::json& facts, const std::string& name);

/// Parses case JSON text and binds it to `rules` (see parse_case_json). Every problem is printed to
/// stderr as described by describe(); then nothing is returned.
std::optional<Case> read_case(const RuleSet& rules, const std::string& text, const std::string& name);

/// A case error for people: "NAME:LINE:COLUMN: error: ..." for invalid JSON, else
/// "NAME: error: 'field': ..." (or "NAME: error: ..." for the case as a whole).
std::string describe(const CaseError& error, const std::string& name);

/// Reads and binds the case named by args.input (a file, or standard input); see read_case.
std::optional<Case> read_case(const RuleSet& rules, const Arguments& args);

}  // namespace forbear::cli
