#pragma once

#include <vector>

#include <pybind11/pybind11.h>

#include "forbear/case.hpp"
#include "forbear/diagnostic.hpp"
#include "forbear/ruleset.hpp"

namespace forbear::python {

/// Defines forbear.RuleError and forbear.CaseError in `module` (once, at import).
void define_errors(pybind11::module_& module);

/// One diagnostic as a dict: file, line, column, end_line, end_column, severity, message, notes
/// (each note a dict of file, line, column, message). file, line and column are None for a
/// diagnostic that belongs to no file (e.g. "no rule files given"). Needs the GIL.
pybind11::dict diagnostic_to_python(const Diagnostic& diagnostic, const std::vector<SourceFile>& sources);

/// Every diagnostic, in order, as diagnostic_to_python makes them. Needs the GIL.
pybind11::list diagnostics_to_python(const std::vector<Diagnostic>& diagnostics, const std::vector<SourceFile>& sources);

/// The case errors as a list of dicts {"field": ..., "message": ...} (plus line and column when the
/// error has them). Needs the GIL.
pybind11::list case_errors_to_python(const std::vector<CaseError>& errors);

/// The case errors as text, one "field: message" line each (the message alone when the error is
/// about the case as a whole).
std::string case_errors_text(const std::vector<CaseError>& errors);

/// Raises forbear.RuleError for a load that failed: str() is the rendered diagnostics, .diagnostics
/// the list of diagnostic dicts. Needs the GIL.
[[noreturn]] void raise_rule_error(const LoadResult& loaded);

/// Raises forbear.CaseError: str() is case_errors_text, .errors the list of error dicts. Needs the GIL.
[[noreturn]] void raise_case_error(const std::vector<CaseError>& errors);

}  // namespace forbear::python
