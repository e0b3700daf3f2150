#include "cli/common.hpp"
#include "cli/shipped_rules.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace forbear::cli {

std::vector<std::filesystem::path> rule_paths(const Arguments& args) {
  std::vector<std::filesystem::path> paths(args.rules.begin(), args.rules.end());
  if (paths.empty()) {
    const char* from_environment = std::getenv("FORBEAR_RULES");
    std::filesystem::path shipped = from_environment && *from_environment ? from_environment : shipped_rules_dir();
    std::error_code ec;
    const auto relative = std::filesystem::proximate(shipped, ec);
    if (!ec && !relative.empty() && *relative.begin() != "..") shipped = relative;
    paths.push_back(std::move(shipped));
  }
  return paths;
}

// Every command shows the lint warnings: the command line is where rule authors look at their rules.
LoadResult load(const Arguments& args) { return load_rules(rule_paths(args), LoadOptions{.lint = true}); }

std::optional<std::string> read_input(const std::optional<std::string>& input, std::string& name, std::string_view what) {
  std::ostringstream bytes;
  if (!input || *input == "-") {
    name = "<stdin>";
    bytes << std::cin.rdbuf();
    return bytes.str();
  }
  name = *input;
  std::error_code ec;
  if (std::filesystem::is_directory(*input, ec)) {
    std::cerr << "forbear: error: " << what << " '" << *input << "' is a directory\n";
    return std::nullopt;
  }
  std::ifstream in(*input, std::ios::binary);
  if (!in) {
    std::cerr << "forbear: error: cannot read " << what << " '" << *input << "'\n";
    return std::nullopt;
  }
  bytes << in.rdbuf();
  return bytes.str();
}

namespace {

// "NAME:LINE:COLUMN: error: invalid JSON: ..." for a parse error at byte `at`.
void report_json_error(const std::string& name, const std::string& text, const nlohmann::json::parse_error& error) {
  const auto where = locate(text, static_cast<std::uint32_t>(error.byte == 0 ? 0 : error.byte - 1));
  std::string message = error.what();
  const auto detail = message.find(": ", message.find("column"));
  if (detail != std::string::npos) message = message.substr(detail + 2);
  std::cerr << name << ':' << where.line << ':' << where.column << ": error: invalid JSON: " << message << '\n';
}

}  // namespace

std::optional<nlohmann::json> parse_json(const std::string& text, const std::string& name) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    report_json_error(name, text, error);
    return std::nullopt;
  } catch (const nlohmann::json::exception& error) {  // e.g. a number too large for a double (1e400)
    std::string message = error.what();
    const auto detail = message.find("] ");
    if (detail != std::string::npos) message = message.substr(detail + 2);
    std::cerr << name << ": error: invalid JSON: " << message << '\n';
    return std::nullopt;
  }
}

std::optional<Case> bind_case(const RuleSet& rules, const nlohmann::json& facts, const std::string& name) {
  auto parsed = parse_case(rules, facts);
  if (!parsed.ok()) {
    for (const auto& error : parsed.errors) {
      std::cerr << name << ": error: " << (error.field.empty() ? "" : "'" + error.field + "': ") << error.message << '\n';
    }
    return std::nullopt;
  }
  return std::move(*parsed.value);
}

std::optional<Case> read_case(const RuleSet& rules, const std::string& text, const std::string& name) {
  auto parsed = parse_case_json(rules, text);
  if (!parsed.ok()) {
    for (const auto& error : parsed.errors) std::cerr << describe(error, name) << '\n';
    return std::nullopt;
  }
  return std::move(*parsed.value);
}

std::string describe(const CaseError& error, const std::string& name) {
  std::string out = name;
  if (error.line > 0) out += ':' + std::to_string(error.line) + ':' + std::to_string(error.column);
  out += ": error: ";
  if (!error.field.empty()) out += "'" + error.field + "': ";
  return out + error.message;
}

std::optional<Case> read_case(const RuleSet& rules, const Arguments& args) {
  std::string name;
  const auto text = read_input(args.input, name, "case file");
  if (!text) return std::nullopt;
  return read_case(rules, *text, name);
}

}  // namespace forbear::cli
