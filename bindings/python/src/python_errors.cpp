// The module's two exceptions. They are plain Python classes (defined from Python source at import)
// so that they carry their details as attributes, print well, and pickle with those details: Dask
// sends an exception raised on a worker back to the client by pickling it.

#include "python_errors.hpp"

#include <string>

#include <pybind11/eval.h>

#include "json_conversion.hpp"

namespace py = pybind11;

namespace forbear::python {
namespace {

constexpr const char* kErrorClasses = R"PY(
class RuleError(Exception):
    """The rules did not load: a syntax, name, type or cycle error, or a file that cannot be read.

    str(error) is every diagnostic rendered as the command line prints them (file:line:column,
    the source line and a caret). error.diagnostics is the same as a list of dicts, each with
    file, line, column, end_line, end_column, severity ("error", "warning" or "note"), message
    and notes (a list of dicts with file, line, column and message).
    """

    def __init__(self, message, diagnostics=()):
        super().__init__(message)
        self.diagnostics = list(diagnostics)

    def __reduce__(self):
        return (type(self), (str(self), self.diagnostics))


class CaseError(ValueError):
    """A case's facts do not fit the rule set: an unknown fact, a value of the wrong type or out of
    range, or a Python value JSON cannot hold (e.g. an int beyond 64 bits, a set).

    str(error) has one line per problem, "field: message". error.errors is the same as a list of
    dicts, each with field (the fact's name, or "" for the case as a whole) and message.
    """

    def __init__(self, message, errors=()):
        super().__init__(message)
        self.errors = list(errors)

    def __reduce__(self):
        return (type(self), (str(self), self.errors))
)PY";

// The classes, created once at import and kept for the life of the process (as the module is).
PyObject* rule_error_class = nullptr;
PyObject* case_error_class = nullptr;

[[noreturn]] void raise(PyObject* error_class, const std::string& message, const py::list& details) {
  const py::object error = py::reinterpret_borrow<py::object>(error_class)(text_to_python(message), details);
  PyErr_SetObject(error_class, error.ptr());
  throw py::error_already_set();
}

// Sets the file, line and column (and the end's, when `with_end`) of `span` in `out`.
void place(const SourceSpan& span, const std::vector<SourceFile>& sources, py::dict& out, bool with_end) {
  if (span.file >= sources.size()) {
    out["file"] = py::none();
    out["line"] = py::none();
    out["column"] = py::none();
    if (with_end) {
      out["end_line"] = py::none();
      out["end_column"] = py::none();
    }
    return;
  }
  const SourceFile& file = sources[span.file];
  const auto size = static_cast<std::uint32_t>(file.text.size());
  const auto begin = locate(file.text, std::min(span.begin, size));
  out["file"] = path_to_python(file.path);
  out["line"] = begin.line;
  out["column"] = begin.column;
  if (with_end) {
    const auto end = locate(file.text, std::min(std::max(span.end, span.begin), size));
    out["end_line"] = end.line;
    out["end_column"] = end.column;
  }
}

constexpr const char* kSeverityNames[] = {"error", "warning", "note"};

}  // namespace

void define_errors(py::module_& module) {
  py::dict scope;
  scope["__name__"] = module.attr("__name__");
  scope["__builtins__"] = py::module_::import("builtins");
  py::exec(kErrorClasses, scope);
  rule_error_class = scope["RuleError"].ptr();
  case_error_class = scope["CaseError"].ptr();
  Py_INCREF(rule_error_class);
  Py_INCREF(case_error_class);
  module.attr("RuleError") = scope["RuleError"];
  module.attr("CaseError") = scope["CaseError"];
}

py::dict diagnostic_to_python(const Diagnostic& diagnostic, const std::vector<SourceFile>& sources) {
  py::dict out;
  place(diagnostic.span, sources, out, true);
  out["severity"] = kSeverityNames[static_cast<int>(diagnostic.severity)];
  out["message"] = text_to_python(diagnostic.message);
  py::list notes;
  for (const auto& note : diagnostic.notes) {
    py::dict entry;
    place(note.span, sources, entry, false);
    entry["message"] = text_to_python(note.message);
    notes.append(std::move(entry));
  }
  out["notes"] = std::move(notes);
  return out;
}

py::list diagnostics_to_python(const std::vector<Diagnostic>& diagnostics, const std::vector<SourceFile>& sources) {
  py::list out;
  for (const auto& diagnostic : diagnostics) out.append(diagnostic_to_python(diagnostic, sources));
  return out;
}

py::list case_errors_to_python(const std::vector<CaseError>& errors) {
  py::list out;
  for (const auto& error : errors) {
    py::dict entry;
    entry["field"] = text_to_python(error.field);
    entry["message"] = text_to_python(error.message);
    if (error.line > 0) {
      entry["line"] = error.line;
      entry["column"] = error.column;
    }
    out.append(std::move(entry));
  }
  return out;
}

std::string case_errors_text(const std::vector<CaseError>& errors) {
  std::string text;
  for (const auto& error : errors) {
    if (!text.empty()) text += '\n';
    text += error.field.empty() ? error.message : error.field + ": " + error.message;
  }
  return text;
}

void raise_rule_error(const LoadResult& loaded) {
  std::string text = loaded.rendered_diagnostics();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  raise(rule_error_class, text, diagnostics_to_python(loaded.diagnostics, loaded.sources));
}

void raise_case_error(const std::vector<CaseError>& errors) {
  raise(case_error_class, case_errors_text(errors), case_errors_to_python(errors));
}

}  // namespace forbear::python
