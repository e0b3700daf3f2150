// The forbear command: advise on a case, check rules, export the decision graph.

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/arguments.hpp"
#include "forbear/forbear.hpp"

namespace {

constexpr int kExitRuleErrors = 1;
constexpr int kExitUsage = 2;

forbear::LoadResult load(const forbear::cli::Arguments& args) {
  std::vector<std::filesystem::path> paths(args.rules.begin(), args.rules.end());
  if (paths.empty()) {
    const char* from_environment = std::getenv("FORBEAR_RULES");
    std::filesystem::path shipped = from_environment && *from_environment ? from_environment : FORBEAR_DEFAULT_RULES_DIR;
    // Locations in the advice read "rules/x.rules:12" when run from the source tree.
    std::error_code ec;
    const auto relative = std::filesystem::proximate(shipped, ec);
    if (!ec && !relative.empty() && *relative.begin() != "..") shipped = relative;
    paths.push_back(std::move(shipped));
  }
  return forbear::load_rules(paths);
}

// Reads the case text from a file or standard input; false (with a message) when it cannot.
bool read_case(const std::optional<std::string>& input, std::string& text, std::string& name) {
  if (!input || *input == "-") {
    name = "<stdin>";
    std::ostringstream bytes;
    bytes << std::cin.rdbuf();
    text = bytes.str();
    return true;
  }
  name = *input;
  std::error_code ec;
  if (std::filesystem::is_directory(*input, ec)) {
    std::cerr << "forbear: error: case file '" << *input << "' is a directory\n";
    return false;
  }
  std::ifstream in(*input, std::ios::binary);
  if (!in) {
    std::cerr << "forbear: error: cannot read case file '" << *input << "'\n";
    return false;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  text = bytes.str();
  return true;
}

// "NAME:LINE:COLUMN: error: invalid JSON: ..." for a parse error at byte `at`.
void report_json_error(const std::string& name, const std::string& text, const nlohmann::json::parse_error& error) {
  const auto where = forbear::locate(text, static_cast<std::uint32_t>(error.byte == 0 ? 0 : error.byte - 1));
  std::string message = error.what();
  const auto detail = message.find(": ", message.find("column"));
  if (detail != std::string::npos) message = message.substr(detail + 2);
  std::cerr << name << ':' << where.line << ':' << where.column << ": error: invalid JSON: " << message << '\n';
}

int advise(const forbear::cli::Arguments& args) {
  const auto loaded = load(args);
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return kExitRuleErrors;
  }
  std::string text;
  std::string name;
  if (!read_case(args.input, text, name)) return kExitUsage;
  nlohmann::json facts;
  try {
    facts = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    report_json_error(name, text, error);
    return kExitUsage;
  } catch (const nlohmann::json::exception& error) {  // e.g. a number too large for a double (1e400)
    std::string message = error.what();
    const auto detail = message.find("] ");
    if (detail != std::string::npos) message = message.substr(detail + 2);
    std::cerr << name << ": error: invalid JSON: " << message << '\n';
    return kExitUsage;
  }
  const auto parsed = forbear::parse_case(*loaded.rules, facts);
  if (!parsed.ok()) {
    for (const auto& error : parsed.errors) {
      std::cerr << name << ": error: " << (error.field.empty() ? "" : "'" + error.field + "': ") << error.message << '\n';
    }
    return kExitUsage;
  }
  forbear::AdviseOptions options;
  options.trace = args.trace;
  const auto result = forbear::advise(*loaded.rules, *parsed.value, options);
  if (args.format == "json") {
    std::cout << forbear::to_json(result).dump(2) << '\n';
  } else {
    std::cout << forbear::render_text(result, args.lang);
  }
  return 0;
}

int check(const forbear::cli::Arguments& args) {
  const auto loaded = load(args);
  std::cerr << loaded.rendered_diagnostics();
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const auto& d : loaded.diagnostics) (d.severity == forbear::Severity::error ? errors : warnings) += d.severity != forbear::Severity::note;
  if (!loaded.ok()) {
    std::cerr << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning" << (warnings == 1 ? "" : "s") << '\n';
    return kExitRuleErrors;
  }
  const auto& rules = *loaded.rules;
  const std::size_t files = rules.sources().size();
  const std::size_t facts = rules.facts().size();
  std::cout << rules.name() << ' ' << rules.version() << ": " << files << " file" << (files == 1 ? "" : "s") << ", "
            << facts << " fact" << (facts == 1 ? "" : "s") << ", " << warnings << " warning" << (warnings == 1 ? "" : "s")
            << ", no errors\nsha256 " << rules.sha256() << '\n';
  return 0;
}

int graph(const forbear::cli::Arguments& args) {
  const auto loaded = load(args);
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return kExitRuleErrors;
  }
  if (!args.fact.empty()) {
    const auto dependents = loaded.rules->dependents(args.fact);
    if (dependents.empty()) std::cerr << "forbear: note: nothing depends on '" << args.fact << "', or it is not a fact or derived fact\n";
    for (const auto& name : dependents) std::cout << name << '\n';
    return 0;
  }
  loaded.rules->write_dot(std::cout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> raw(argv + 1, argv + argc);
  const auto parsed = forbear::cli::parse_arguments(raw);
  if (!parsed.arguments) {
    std::cerr << "forbear: error: " << parsed.error << "\n\n" << forbear::cli::usage();
    return kExitUsage;
  }
  const auto& args = *parsed.arguments;
  if (args.command == "help") {
    std::cout << forbear::cli::usage();
    return 0;
  }
  if (args.command == "version") {
    std::cout << "forbear " << FORBEAR_VERSION_STRING << '\n';
    return 0;
  }
  if (args.command == "advise") return advise(args);
  if (args.command == "check") return check(args);
  return graph(args);
}
