#include "cli/arguments.hpp"

namespace forbear::cli {

std::string usage() {
  return "usage: forbear <command> [options]\n"
         "\n"
         "commands:\n"
         "  advise [--rules PATH]... [--lang zh|en] [--format text|json] [--no-trace] [CASE.json|-]\n"
         "      advise on one case (JSON facts; '-' or nothing reads standard input)\n"
         "  check [--rules PATH]...\n"
         "      check rule files and report every error and warning\n"
         "  graph [--rules PATH]... [--format dot] [--dependents-of NAME]\n"
         "      print the decision graph as Graphviz DOT, or list what a fact influences\n"
         "\n"
         "options:\n"
         "  --rules PATH   a .rules file or a directory of them (repeatable; default: the shipped rules)\n"
         "  --lang LANG    language of the text report: zh (default) or en\n"
         "  --format FMT   advise: text (default) or json; graph: dot\n"
         "  --no-trace     leave the rule trace out of the advice\n"
         "  -h, --help     show this help\n"
         "  --version      show the version\n"
         "\n"
         "exit status: 0 success, 1 errors in the rules, 2 bad case input or usage\n";
}

ParsedArguments parse_arguments(const std::vector<std::string>& args) {
  ParsedArguments parsed;
  Arguments out;
  if (args.empty()) {
    parsed.error = "missing command (advise, check or graph)";
    return parsed;
  }
  std::size_t i = 0;
  const std::string& first = args[0];
  if (first == "-h" || first == "--help" || first == "help") {
    out.command = "help";
    parsed.arguments = out;
    return parsed;
  }
  if (first == "--version" || first == "version") {
    out.command = "version";
    parsed.arguments = out;
    return parsed;
  }
  if (first != "advise" && first != "check" && first != "graph") {
    parsed.error = "unknown command '" + first + "' (expected advise, check or graph)";
    return parsed;
  }
  out.command = first;
  ++i;

  // The value of an option given as `--name VALUE` or `--name=VALUE`.
  const auto value_of = [&](const std::string& arg, const std::string& name, std::string& value) -> int {
    if (arg == name) {
      if (i + 1 >= args.size()) return -1;
      value = args[++i];
      return 1;
    }
    if (arg.rfind(name + "=", 0) == 0) {
      value = arg.substr(name.size() + 1);
      return 1;
    }
    return 0;
  };

  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::string value;
    if (arg == "-h" || arg == "--help") {
      out.command = "help";
      parsed.arguments = out;
      return parsed;
    }
    int matched = 0;
    for (const char* name : {"--rules", "--lang", "--format", "--dependents-of"}) {
      matched = value_of(arg, name, value);
      if (matched == -1) {
        parsed.error = std::string("option ") + name + " needs a value";
        return parsed;
      }
      if (matched == 1) {
        const std::string option = name;
        if (option == "--rules") {
          out.rules.push_back(value);
        } else if (option == "--lang") {
          if (value != "zh" && value != "en") {
            parsed.error = "--lang must be zh or en, not '" + value + "'";
            return parsed;
          }
          out.lang = value;
        } else if (option == "--format") {
          const bool graph = out.command == "graph";
          if (graph ? value != "dot" : (value != "text" && value != "json")) {
            parsed.error = std::string("--format of '") + out.command + "' must be " + (graph ? "dot" : "text or json") +
                           ", not '" + value + "'";
            return parsed;
          }
          out.format = value;
        } else {
          if (out.command != "graph") {
            parsed.error = "--dependents-of is an option of 'graph'";
            return parsed;
          }
          out.fact = value;
        }
        break;
      }
    }
    if (matched == 1) continue;
    if (arg == "--no-trace") {
      out.trace = false;
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-') {
      parsed.error = "unknown option '" + arg + "'";
      return parsed;
    }
    if (out.command != "advise") {
      parsed.error = "'" + out.command + "' takes no file argument ('" + arg + "'); use --rules PATH";
      return parsed;
    }
    if (out.input) {
      parsed.error = "advise takes one case file; got '" + *out.input + "' and '" + arg + "'";
      return parsed;
    }
    out.input = arg;
  }
  parsed.arguments = out;
  return parsed;
}

}  // namespace forbear::cli
