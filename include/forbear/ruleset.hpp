#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "forbear/diagnostic.hpp"
#include "forbear/limits.hpp"

namespace forbear {

namespace detail {
struct Program;
}

/// A text in the rule set's two languages; either may be empty when the rules gave only one.
struct LocalizedText {
  std::string zh;
  std::string en;
  /// The text in `lang` ("zh" or "en"), falling back to the other language when it is empty.
  const std::string& in(std::string_view lang) const noexcept;
};

/// What a rule set expects as input: one declared fact.
struct FactInfo {
  std::string name;
  std::string type;     ///< "bool", "int", "number", "text" or "enum(a, b, c)"
  std::string accepts;  ///< the type with its declared range, e.g. "int >= 0" (as in case errors)
  LocalizedText description;
  bool has_default = false;
};

/// A checked and compiled rule set. Immutable: copies share the compiled program, and every
/// member function is safe to call from many threads at once.
class RuleSet {
 public:
  /// The name given by `ruleset NAME version "V"`.
  const std::string& name() const noexcept;
  /// The version given by `ruleset NAME version "V"`.
  const std::string& version() const noexcept;
  /// SHA-256 (lowercase hex) over the sources in load order; see docs/result-schema.md.
  const std::string& sha256() const noexcept;
  /// The loaded files in load order.
  const std::vector<SourceFile>& sources() const noexcept;
  /// The facts a case may supply, in declaration order.
  std::vector<FactInfo> facts() const;
  /// Writes the decision graph (facts -> derived facts -> rules -> strategies and advice) as
  /// Graphviz DOT.
  void write_dot(std::ostream& out) const;
  /// What a fact or derived fact can influence: every downstream derived fact, output, rule,
  /// strategy and advice item, as "kind:name" in a topological order (empty for an unknown name).
  std::vector<std::string> dependents(std::string_view value_name) const;

  /// The compiled program (internal).
  const detail::Program& program() const noexcept { return *program_; }
  /// The compiled program, shared (internal: a Case keeps the program it was read against).
  const std::shared_ptr<const detail::Program>& shared_program() const noexcept { return program_; }
  /// Wraps a compiled program (internal; use load_rules).
  explicit RuleSet(std::shared_ptr<const detail::Program> program) noexcept;

 private:
  std::shared_ptr<const detail::Program> program_;
};

/// The outcome of loading rules: the rule set when there was no error, and every diagnostic
/// (errors and warnings) with the sources they point into.
struct LoadResult {
  std::optional<RuleSet> rules;
  std::vector<Diagnostic> diagnostics;
  std::vector<SourceFile> sources;
  /// True when the rule set loaded (no error; warnings allowed).
  bool ok() const noexcept { return rules.has_value(); }
  /// All diagnostics rendered for people (see forbear::render).
  std::string rendered_diagnostics() const;
};

/// How load_rules reads rules: its bounds, and whether to analyse them for a rule author.
struct LoadOptions {
  /// Input beyond these bounds is an error (see Limits).
  Limits limits{};
  /// Also run the lint pass: the warnings for rules that are unused, never fire, duplicate or shadow
  /// another rule, or cannot be reached. They help whoever edits the rules (`forbear check`,
  /// `advise`, `test` and `graph` turn them on) and change nothing in how a rule set evaluates, so
  /// a host that loads rules to evaluate them leaves this off (a quarter of the shipped rules'
  /// load time, and a growing share of larger rule sets).
  /// The checker's own warnings are given either way.
  bool lint = false;
};

/// Loads, checks and compiles rule files. Each path is a `.rules` file or a directory, whose
/// `*.rules` files are loaded in byte order of their names; `include` is followed relative to
/// the including file, each file at most once. Input beyond `limits` is an error (see Limits).
LoadResult load_rules(const std::vector<std::filesystem::path>& paths, const Limits& limits = Limits{});
/// As load_rules above, with the bounds and the lint pass chosen by `options`.
LoadResult load_rules(const std::vector<std::filesystem::path>& paths, const LoadOptions& options);

/// Loads, checks and compiles rules given as text; `name` is used in diagnostics. `include`
/// paths are resolved relative to the current directory. Input beyond `limits` is an error.
LoadResult load_rules_from_string(std::string_view text, std::string name = "<string>", const Limits& limits = Limits{});
/// As load_rules_from_string above, with the bounds and the lint pass chosen by `options`.
LoadResult load_rules_from_string(std::string_view text, std::string name, const LoadOptions& options);

}  // namespace forbear
