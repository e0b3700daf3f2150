#pragma once

#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>

#include "forbear/diagnostic.hpp"
#include "forbear/ruleset.hpp"

namespace forbear::python {

/// forbear.RuleSet: a loaded rule set and the warnings its load gave. Immutable; every method may
/// be called from many Python threads at once (evaluation runs without the GIL).
class PythonRuleSet {
 public:
  /// Loads rule files and directories: `paths` is one path (str, bytes or os.PathLike) or a list
  /// or tuple of them. Raises forbear.RuleError when the rules have errors, TypeError for a
  /// value that is no path. The GIL is released while the files are read and checked.
  static PythonRuleSet load(const pybind11::object& paths);

  /// Loads rules given as text; `name` stands for the file in diagnostics. Raises forbear.RuleError.
  static PythonRuleSet from_string(const std::string& text, const std::string& name);

  /// The rule set's name, version and SHA-256.
  const std::string& name() const noexcept { return rules_.name(); }
  const std::string& version() const noexcept { return rules_.version(); }
  const std::string& sha256() const noexcept { return rules_.sha256(); }

  /// The declared facts as dicts: name, type, accepts, description ({"zh", "en"}), has_default.
  pybind11::list facts() const;
  /// The loaded files' paths, in load order.
  pybind11::list sources() const;
  /// The load's warnings, as diagnostic dicts (see forbear.RuleError).
  pybind11::list warnings() const;

  /// The advice for one case (a dict of facts) as the dict of forbear's result JSON. Raises
  /// forbear.CaseError when the facts do not fit the rules.
  pybind11::object advise(const pybind11::object& facts, bool trace) const;

  /// The advice for every case, in input order, evaluated in `threads` threads (default: one per
  /// core) without the GIL. A case that cannot be advised on gives {"index": i, "errors": [...]}
  /// in its place (errors as in forbear.CaseError.errors); the others are not affected.
  pybind11::list advise_many(const pybind11::iterable& cases, std::optional<int> threads, bool trace) const;

  /// "<forbear.RuleSet NAME VERSION sha256=...>".
  std::string repr() const;

 private:
  PythonRuleSet(RuleSet rules, std::vector<Diagnostic> warnings)
      : rules_(std::move(rules)), warnings_(std::move(warnings)) {}
  static PythonRuleSet from_load(LoadResult&& loaded);

  RuleSet rules_;
  std::vector<Diagnostic> warnings_;
};

}  // namespace forbear::python
