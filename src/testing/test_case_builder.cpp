// TestCaseBuilder: reads a test's case file with parse_case, then sets its `given` values.

#include "testing/test_case_builder.hpp"

#include <fstream>
#include <sstream>

#include "check/suggest.hpp"
#include "model/program.hpp"
#include "testing/literal_value.hpp"
#include "util/case_access.hpp"

namespace forbear::detail {

namespace {

namespace fs = std::filesystem;

// The message of a nlohmann parse error without its "[json.exception...] ... at line L, column C:" prefix.
std::string json_error_detail(const nlohmann::json::exception& error) {
  std::string message = error.what();
  const auto column = message.find("column");
  const auto detail = message.find(": ", column == std::string::npos ? 0 : column);
  if (column != std::string::npos && detail != std::string::npos) return message.substr(detail + 2);
  const auto bracket = message.find("] ");
  return bracket == std::string::npos ? message : message.substr(bracket + 2);
}

}  // namespace

void TestCaseBuilder::error(SourceSpan span, std::string message, std::vector<DiagnosticNote> notes) {
  diagnostics_.push_back({Severity::error, span, std::move(message), std::move(notes)});
}

const TestCaseBuilder::CaseFile& TestCaseBuilder::case_file(const TestToken& path, std::uint32_t file,
                                                            const fs::path& folder) {
  const fs::path resolved = (folder / path.value).lexically_normal();
  const std::string shown = resolved.generic_string();
  const auto known = case_files_.find(shown);
  if (known != case_files_.end()) return known->second;
  CaseFile& entry = case_files_[shown];
  const SourceSpan at{file, path.begin, path.end};
  const std::string looked_for = shown == path.value ? "" : " (looked for '" + shown + "')";

  std::error_code ec;
  if (fs::is_directory(resolved, ec)) {
    error(at, "case file '" + path.value + "' is a directory" + looked_for);
    return entry;
  }
  std::ifstream in(resolved, std::ios::binary);
  if (!in) {
    error(at, "case file '" + path.value + "' " + (fs::exists(resolved, ec) ? "cannot be read" : "does not exist") +
                  looked_for);
    return entry;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();

  nlohmann::json facts;
  try {
    facts = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& problem) {
    const auto index = static_cast<std::uint32_t>(sources_.size());
    sources_.push_back({shown, text});
    const auto offset = static_cast<std::uint32_t>(problem.byte == 0 ? 0 : problem.byte - 1);
    error({index, offset, offset + 1}, "invalid JSON: " + json_error_detail(problem), {{at, "case file of this test"}});
    return entry;
  } catch (const nlohmann::json::exception& problem) {  // e.g. a number too large for a double (1e400)
    error(at, "case file '" + path.value + "' is not valid JSON: " + json_error_detail(problem));
    return entry;
  }
  auto parsed = parse_case(rules_, facts);
  for (const auto& problem : parsed.errors) {
    error(at, "in case file '" + path.value + "': " + (problem.field.empty() ? "" : "'" + problem.field + "': ") +
                  problem.message);
  }
  entry.facts = std::move(parsed.value);
  return entry;
}

std::optional<Case> TestCaseBuilder::build(const TestSyntax& test, std::uint32_t file, const fs::path& folder) {
  const Program& program = rules_.program();
  std::vector<Value> facts(program.fact_count);
  nlohmann::json id;
  bool ok = true;
  if (test.case_path) {
    const CaseFile& read = case_file(*test.case_path, file, folder);
    if (read.facts) {
      facts = read.facts->facts();
      id = read.facts->id();
    } else {
      ok = false;
    }
  }

  std::vector<std::string> fact_names;
  for (Slot slot = 0; slot < program.fact_count; ++slot) fact_names.push_back(program.values[slot].name);
  for (const auto& given : test.givens) {
    const std::string& name = given.name.text;
    const auto it =
        std::find_if(program.values.begin(), program.values.end(), [&](const auto& v) { return v.name == name; });
    const SourceSpan name_span{file, given.name.begin, given.name.end};
    if (it == program.values.end()) {
      error(name_span, "unknown fact '" + name + "'" + did_you_mean(name, fact_names));
      ok = false;
      continue;
    }
    if (it->kind != ValueKind::fact) {
      error(name_span, "'" + name + "' is derived by the rules and cannot be given in a case");
      ok = false;
      continue;
    }
    std::string problem;
    auto value = fact_value(program, *it, given.value, problem);
    if (!value) {
      error({file, given.value.begin, given.value.end}, "'" + name + "': " + problem);
      ok = false;
      continue;
    }
    facts[static_cast<std::size_t>(it - program.values.begin())] = std::move(*value);
  }
  if (!ok) return std::nullopt;
  return CaseAccess::make(rules_, std::move(facts), std::move(id));
}

}  // namespace forbear::detail
