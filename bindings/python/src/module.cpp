// The Python module `forbear`: load rules, advise on cases given as dicts, get plain dicts back.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "forbear/version.hpp"
#include "python_errors.hpp"
#include "python_ruleset.hpp"

namespace py = pybind11;
using forbear::python::PythonRuleSet;

PYBIND11_MODULE(forbear, module) {
  module.doc() =
      "forbear: advice from rules written as plain text.\n\n"
      "    rs = forbear.RuleSet.load(\"rules/\")\n"
      "    advice = rs.advise({\"days_overdue\": 45, \"amount\": 3000})\n"
      "    advice[\"strategies\"][0][\"id\"]\n\n"
      "Results are plain dicts with the keys of forbear's JSON result (docs/result-schema.md).\n"
      "Rule errors raise forbear.RuleError, bad case facts forbear.CaseError.";
  module.attr("__version__") = FORBEAR_VERSION_STRING;
  forbear::python::define_errors(module);

  py::class_<PythonRuleSet>(module, "RuleSet",
                            "A checked and compiled rule set. Immutable and safe to share between threads;\n"
                            "get one with RuleSet.load or RuleSet.from_string.")
      .def_static("load", &PythonRuleSet::load, py::arg("paths"),
                  "load(paths) -> RuleSet\n\n"
                  "Loads, checks and compiles rule files. `paths` is a path (str or os.PathLike) or a list of\n"
                  "them; a directory stands for its *.rules files in name order. Raises forbear.RuleError\n"
                  "(with .diagnostics) when the rules have errors.")
      .def_static("from_string", &PythonRuleSet::from_string, py::arg("text"), py::arg("name") = "<string>",
                  "from_string(text, name=\"<string>\") -> RuleSet\n\n"
                  "Loads rules given as text; `name` stands for the file name in diagnostics. `include`\n"
                  "paths are resolved relative to the current directory. Raises forbear.RuleError.")
      .def_property_readonly("name", &PythonRuleSet::name, "The name given by `ruleset NAME version \"V\"`.")
      .def_property_readonly("version", &PythonRuleSet::version, "The version given by `ruleset NAME version \"V\"`.")
      .def_property_readonly("sha256", &PythonRuleSet::sha256,
                             "SHA-256 (lowercase hex) over the rule files in load order, as in every result.")
      .def_property_readonly("facts", &PythonRuleSet::facts,
                             "The facts a case may give, in declaration order: a list of dicts with name, type,\n"
                             "accepts, description ({\"zh\": ..., \"en\": ...}) and has_default.")
      .def_property_readonly("sources", &PythonRuleSet::sources, "The paths of the loaded rule files, in load order.")
      .def_property_readonly("warnings", &PythonRuleSet::warnings,
                             "The warnings of the load, as diagnostic dicts (see forbear.RuleError).")
      .def("advise", &PythonRuleSet::advise, py::arg("facts"), py::arg("trace") = true,
           "advise(facts, trace=True) -> dict\n\n"
           "The advice for one case. `facts` is a dict of fact name -> value (None, bool, int, float,\n"
           "str; an \"id\" key of any JSON value is passed through). Returns forbear's result JSON as a\n"
           "dict: id, ruleset, strategies, excluded, outputs, advice, missing, and with trace=True also\n"
           "trace and values. Raises forbear.CaseError (with .errors) when the facts do not fit the\n"
           "rules. The GIL is released during the evaluation.")
      .def("advise_many", &PythonRuleSet::advise_many, py::arg("cases"), py::arg("threads") = py::none(),
           py::arg("trace") = false,
           "advise_many(cases, threads=None, trace=False) -> list\n\n"
           "The advice for every case of an iterable of fact dicts, in input order, evaluated in\n"
           "`threads` C++ threads (default: one per core) without the GIL. A case that cannot be\n"
           "advised on does not raise: its place in the list holds {\"index\": i, \"errors\": [...]},\n"
           "the errors as forbear.CaseError.errors gives them; every other case is advised on.")
      .def("__repr__", &PythonRuleSet::repr);
}
