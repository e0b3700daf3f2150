// forbear.RuleSet. Python values are converted with the GIL held; reading, checking and evaluating
// run without it, so that other Python threads go on meanwhile and advise_many uses every core.

#include "python_ruleset.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "forbear/case.hpp"
#include "forbear/engine.hpp"
#include "json_conversion.hpp"
#include "python_errors.hpp"

namespace py = pybind11;

namespace forbear::python {
namespace {

std::filesystem::path to_path(const py::handle& value) {
  // os.fsencode takes str, bytes and os.PathLike alike, and gives back the bytes the OS sees.
  const py::bytes encoded = py::module_::import("os").attr("fsencode")(value);
  return std::filesystem::path(static_cast<std::string>(encoded));
}

std::vector<std::filesystem::path> to_paths(const py::object& paths) {
  std::vector<std::filesystem::path> out;
  if (py::isinstance<py::list>(paths) || py::isinstance<py::tuple>(paths)) {
    for (const auto& path : paths) out.push_back(to_path(path));
  } else if (py::isinstance<py::str>(paths) || py::isinstance<py::bytes>(paths) || PyObject_HasAttrString(paths.ptr(), "__fspath__")) {
    out.push_back(to_path(paths));
  } else {
    throw py::type_error(std::string("expected a path (str or os.PathLike) or a list of paths, got ") +
                         Py_TYPE(paths.ptr())->tp_name);
  }
  return out;
}

/// One case on its way through advise_many: its facts, then its result or its errors.
struct Job {
  bool is_object = false;  ///< the case was a dict: it is read against the rules
  nlohmann::json facts;    ///< its facts that could be converted
  std::vector<CaseError> errors;
  nlohmann::ordered_json result;
};

// The case's facts as JSON, and the errors of those that JSON cannot hold (the rest are still read
// against the rules, so that every problem of the case is reported at once).
void convert_case(const py::handle& facts, Job& job) {
  if (!PyDict_Check(facts.ptr())) {
    job.errors.push_back({"", std::string("expected a dict of facts, got ") + Py_TYPE(facts.ptr())->tp_name});
    return;
  }
  job.is_object = true;
  job.facts = nlohmann::json::object();
  const std::uint32_t max_depth = Limits{}.max_case_depth;
  for (const auto& [key, value] : py::reinterpret_borrow<py::dict>(facts)) {
    std::string name;
    try {
      name = key_from_python(key);
    } catch (const ConversionError& error) {
      job.errors.push_back({"", error.what()});
      continue;
    }
    try {
      job.facts[name] = from_python(value, 2, max_depth);
    } catch (const ConversionError& error) {
      job.errors.push_back({name, error.what()});
    }
  }
}

// Reads the case against the rules and advises on it; fills the result or the errors. Never throws.
void evaluate(const RuleSet& rules, Job& job, const AdviseOptions& options) noexcept {
  if (!job.is_object) return;
  try {
    CaseResult parsed = parse_case(rules, job.facts);
    if (!job.errors.empty()) {
      // Every error by field, the order in which parse_case reports its own (the facts' keys in order).
      job.errors.insert(job.errors.end(), parsed.errors.begin(), parsed.errors.end());
      std::stable_sort(job.errors.begin(), job.errors.end(),
                       [](const CaseError& a, const CaseError& b) { return a.field < b.field; });
    } else if (!parsed.ok()) {
      job.errors = std::move(parsed.errors);
    } else {
      job.result = to_json(forbear::advise(rules, *parsed.value, options));
    }
  } catch (const std::exception& error) {  // e.g. out of memory: this case fails, the others go on
    job.errors = {{"", std::string("internal error: ") + error.what()}};
  }
  job.facts = nullptr;
}

}  // namespace

PythonRuleSet PythonRuleSet::from_load(LoadResult&& loaded) {
  if (!loaded.ok()) raise_rule_error(loaded);
  return PythonRuleSet(std::move(*loaded.rules), std::move(loaded.diagnostics));
}

PythonRuleSet PythonRuleSet::load(const py::object& paths) {
  const auto files = to_paths(paths);
  LoadResult loaded;
  {
    py::gil_scoped_release released;
    loaded = load_rules(files, LoadOptions{.lint = true});  // the module's `warnings` include the lint pass
  }
  return from_load(std::move(loaded));
}

PythonRuleSet PythonRuleSet::from_string(const std::string& text, const std::string& name) {
  LoadResult loaded;
  {
    py::gil_scoped_release released;
    loaded = load_rules_from_string(text, name, LoadOptions{.lint = true});
  }
  return from_load(std::move(loaded));
}

py::list PythonRuleSet::facts() const {
  py::list out;
  for (const auto& fact : rules_.facts()) {
    py::dict description;
    description["zh"] = text_to_python(fact.description.zh);
    description["en"] = text_to_python(fact.description.en);
    py::dict entry;
    entry["name"] = text_to_python(fact.name);
    entry["type"] = text_to_python(fact.type);
    entry["accepts"] = text_to_python(fact.accepts);
    entry["description"] = std::move(description);
    entry["has_default"] = fact.has_default;
    out.append(std::move(entry));
  }
  return out;
}

py::list PythonRuleSet::sources() const {
  py::list out;
  for (const auto& source : rules_.sources()) out.append(path_to_python(source.path));
  return out;
}

py::list PythonRuleSet::warnings() const { return diagnostics_to_python(warnings_, rules_.sources()); }

py::object PythonRuleSet::advise(const py::object& facts, bool trace) const {
  Job job;
  convert_case(facts, job);
  {
    py::gil_scoped_release released;
    evaluate(rules_, job, AdviseOptions{trace});
  }
  if (!job.errors.empty()) raise_case_error(job.errors);
  return to_python(job.result);
}

py::list PythonRuleSet::advise_many(const py::iterable& cases, std::optional<int> threads, bool trace) const {
  if (threads && *threads < 1) throw py::value_error("threads must be at least 1, got " + std::to_string(*threads));
  std::vector<Job> jobs;
  for (const auto& facts : cases) {
    jobs.emplace_back();
    convert_case(facts, jobs.back());
  }
  {
    py::gil_scoped_release released;
    const AdviseOptions options{trace};
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      for (std::size_t i = next++; i < jobs.size(); i = next++) {
        evaluate(rules_, jobs[i], options);
      }
    };
    const auto wanted = std::min<std::size_t>(
        threads ? static_cast<std::size_t>(*threads) : std::max(1U, std::thread::hardware_concurrency()), jobs.size());
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < wanted; ++t) {
      try {
        helpers.emplace_back(work);
      } catch (const std::system_error&) {  // no more threads to be had: those started do the rest
        break;
      }
    }
    work();
    for (auto& helper : helpers) helper.join();
  }
  py::list out(jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (jobs[i].errors.empty()) {
      out[i] = to_python(jobs[i].result);
    } else {
      py::dict entry;
      entry["index"] = i;
      entry["errors"] = case_errors_to_python(jobs[i].errors);
      out[i] = std::move(entry);
    }
    jobs[i].result = nullptr;  // the JSON is not needed twice: keep the peak memory down
  }
  return out;
}

std::string PythonRuleSet::repr() const {
  return "<forbear.RuleSet " + rules_.name() + " " + rules_.version() + " sha256=" + rules_.sha256().substr(0, 12) + "...>";
}

}  // namespace forbear::python
