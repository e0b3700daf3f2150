#include "cli/arguments.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace forbear::cli {

namespace {

// What a command accepts: its options, and what its bare arguments are.
enum class Positional { none, one_case, paths };

struct CommandSpec {
  std::string_view name;
  std::vector<std::string_view> options;  // options with a value and flags alike
  Positional positional;
  std::vector<std::string_view> formats;  // accepted --format values, the first is the default
};

const std::vector<CommandSpec>& commands() {
  static const std::vector<CommandSpec> specs = {
      {"advise",
       {"--rules", "--lang", "--format", "--no-trace", "--why-not", "--set", "--audit-log", "--audit-mask", "--audit-drop"},
       Positional::one_case,
       {"text", "json"}},
      {"check", {"--rules", "--werror"}, Positional::none, {}},
      {"graph", {"--rules", "--format", "--dependents-of", "--lang"}, Positional::one_case, {"dot", "svg"}},
      {"test", {"--rules", "--lang"}, Positional::paths, {}},
      {"fmt", {"--check"}, Positional::paths, {}},
      {"batch", {"--rules", "--threads", "--no-trace", "--audit-log", "--audit-mask", "--audit-drop"}, Positional::none, {}},
      {"replay", {"--rules", "--format"}, Positional::one_case, {"text", "json"}},
  };
  return specs;
}

constexpr std::array<std::string_view, 10> kValueOptions = {"--rules",   "--lang", "--format",    "--dependents-of",
                                                            "--why-not", "--set",  "--threads",   "--audit-log",
                                                            "--audit-mask", "--audit-drop"};

bool takes_value(std::string_view option) {
  return std::find(kValueOptions.begin(), kValueOptions.end(), option) != kValueOptions.end();
}

std::string command_list() {
  std::string out;
  const auto& specs = commands();
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (i > 0) out += i + 1 == specs.size() ? " or " : ", ";
    out += specs[i].name;
  }
  return out;
}

// The commands that take `option`, for "--x is an option of 'a' and 'b'".
std::string commands_taking(std::string_view option) {
  std::vector<std::string_view> names;
  for (const auto& spec : commands()) {
    if (std::find(spec.options.begin(), spec.options.end(), option) != spec.options.end()) names.push_back(spec.name);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += "'" + std::string(names[i]) + "'";
  }
  return out;
}

std::string join_formats(const std::vector<std::string_view>& formats) {
  std::string out;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) out += i + 1 == formats.size() ? " or " : ", ";
    out += formats[i];
  }
  return out;
}

// Applies one option (already known to belong to the command) to `out`; an error message or "".
std::string apply_option(const CommandSpec& spec, std::string_view option, const std::string& value, Arguments& out) {
  if (option == "--rules") {
    out.rules.push_back(value);
  } else if (option == "--lang") {
    if (value != "zh" && value != "en") return "--lang must be zh or en, not '" + value + "'";
    out.lang = value;
  } else if (option == "--format") {
    if (std::find(spec.formats.begin(), spec.formats.end(), value) == spec.formats.end()) {
      return "--format of '" + std::string(spec.name) + "' must be " + join_formats(spec.formats) + ", not '" + value + "'";
    }
    out.format = value;
  } else if (option == "--dependents-of") {
    out.fact = value;
  } else if (option == "--why-not") {
    out.why_not.push_back(value);
  } else if (option == "--set") {
    const auto equals = value.find('=');
    if (equals == std::string::npos || equals == 0) return "--set needs NAME=VALUE, not '" + value + "'";
    out.sets.push_back(value);
  } else if (option == "--threads") {
    const bool digits = !value.empty() && value.size() <= 3 && value.find_first_not_of("0123456789") == std::string::npos;
    const int threads = digits ? std::stoi(value) : 0;
    if (threads < 1 || threads > kMaxThreads) {
      return "--threads must be a whole number from 1 to " + std::to_string(kMaxThreads) + ", not '" + value + "'";
    }
    out.threads = threads;
  } else if (option == "--audit-log") {
    if (value.empty()) return "--audit-log needs a file name";
    out.audit_log = value;
  } else if (option == "--audit-mask") {
    out.audit_mask.push_back(value);
  } else if (option == "--audit-drop") {
    out.audit_drop.push_back(value);
  } else if (option == "--no-trace") {
    out.trace = false;
  } else if (option == "--check") {
    out.check_only = true;
  } else if (option == "--werror") {
    out.warnings_as_errors = true;
  }
  return "";
}

}  // namespace

std::string usage() {
  return "usage: forbear <command> [options]\n"
         "\n"
         "commands:\n"
         "  advise [--rules PATH]... [--lang zh|en] [--format text|json] [--no-trace] [CASE.json|-]\n"
         "         [--why-not STRATEGY]... [--set NAME=VALUE]...\n"
         "         [--audit-log PATH [--audit-mask FIELD]... [--audit-drop FIELD]...]\n"
         "      advise on one case (JSON facts; '-' or nothing reads standard input); --why-not explains\n"
         "      why a strategy did not rank higher; --set changes a fact and shows how the advice moves\n"
         "  check [--rules PATH]... [--werror]\n"
         "      check rule files and report every error and warning (--werror: warnings fail too)\n"
         "  graph [--rules PATH]... [--format dot|svg] [--lang zh|en] [--dependents-of NAME] [CASE.json]\n"
         "      print the decision graph (with a case: its fired path highlighted), or list what a fact\n"
         "      influences\n"
         "  test [--rules PATH]... [--lang zh|en] [TESTS]...\n"
         "      run rule tests (.tests files, or directories of them; default: the tests/ folder next to\n"
         "      the rules) and report failures and rule coverage\n"
         "  fmt [--check] [PATH]...\n"
         "      format rule files in place (default: the shipped rules; '-' formats standard input to\n"
         "      standard output); --check lists the files that are not formatted and changes nothing\n"
         "  batch [--rules PATH]... [--threads N] [--no-trace] [--audit-log PATH ...] < CASES.jsonl > ADVICE.jsonl\n"
         "      advise on every line of standard input (one JSON case a line); one line of JSON out for each\n"
         "      line in, in input order: the advice, or {\"line\": N, \"errors\": [...]} for a line that failed\n"
         "  replay [--rules PATH]... [--format text|json] LOG\n"
         "      advise again on every record of an audit log and report each advice that differs (what\n"
         "      changed, and which rules account for it); exit status 1 when one differs or cannot be replayed\n"
         "\n"
         "options:\n"
         "  --rules PATH   a .rules file or a directory of them (repeatable; default: the shipped rules)\n"
         "  --lang LANG    language of texts for people: zh (default) or en\n"
         "  --format FMT   advise, replay: text (default) or json; graph: dot (default) or svg\n"
         "  --no-trace     leave the rule trace out of the advice\n"
         "  --threads N    batch: advise on N cases at once (1 to 64, default 1); the order stays the input's\n"
         "  --audit-log PATH    advise, batch: append one JSON line per advice to PATH (docs/en/audit-log.md)\n"
         "  --audit-mask FIELD  write the fact or output FIELD as {\"masked\": true} in the log (repeatable)\n"
         "  --audit-drop FIELD  leave the fact or output FIELD out of the log (repeatable)\n"
         "  -h, --help     show this help\n"
         "  --version      show the version\n"
         "\n"
         "exit status: 0 success, 1 errors in the rules (check: also warnings with --werror; test: a\n"
         "failed test; fmt --check: a file not formatted; replay: an advice that differs or cannot be\n"
         "replayed), 2 bad case input or usage (replay: also a malformed line in the log)\n";
}

ParsedArguments parse_arguments(const std::vector<std::string>& args) {
  ParsedArguments parsed;
  Arguments out;
  if (args.empty()) {
    parsed.error = "missing command (" + command_list() + ")";
    return parsed;
  }
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
  const auto& specs = commands();
  const auto spec = std::find_if(specs.begin(), specs.end(), [&](const CommandSpec& s) { return s.name == first; });
  if (spec == specs.end()) {
    parsed.error = "unknown command '" + first + "' (expected " + command_list() + ")";
    return parsed;
  }
  out.command = first;
  if (!spec->formats.empty()) out.format = spec->formats.front();

  bool options_ended = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!options_ended && (arg == "-h" || arg == "--help")) {
      out.command = "help";
      parsed.arguments = out;
      return parsed;
    }
    if (!options_ended && arg == "--") {
      options_ended = true;
      continue;
    }
    if (!options_ended && arg.size() > 1 && arg[0] == '-') {
      const auto equals = arg.find('=');
      const std::string option = arg.substr(0, equals);
      const bool known = takes_value(option) || option == "--no-trace" || option == "--check" || option == "--werror";
      if (!known) {
        parsed.error = "unknown option '" + arg + "'";
        return parsed;
      }
      if (std::find(spec->options.begin(), spec->options.end(), option) == spec->options.end()) {
        parsed.error = option + " is an option of " + commands_taking(option);
        return parsed;
      }
      std::string value;
      if (takes_value(option)) {
        if (equals != std::string::npos) {
          value = arg.substr(equals + 1);
        } else if (i + 1 < args.size()) {
          value = args[++i];
        } else {
          parsed.error = "option " + option + " needs a value";
          return parsed;
        }
      } else if (equals != std::string::npos) {
        parsed.error = "option " + option + " takes no value ('" + arg + "')";
        return parsed;
      }
      parsed.error = apply_option(*spec, option, value, out);
      if (!parsed.error.empty()) return parsed;
      continue;
    }
    switch (spec->positional) {
      case Positional::none:
        parsed.error = "'" + out.command + "' takes no file argument ('" + arg + "'); use --rules PATH";
        return parsed;
      case Positional::one_case:
        if (out.input) {
          parsed.error = out.command + " takes one case file; got '" + *out.input + "' and '" + arg + "'";
          return parsed;
        }
        out.input = arg;
        break;
      case Positional::paths:
        out.paths.push_back(arg);
        break;
    }
  }
  if (!out.audit_log && (!out.audit_mask.empty() || !out.audit_drop.empty())) {
    parsed.error = std::string(out.audit_mask.empty() ? "--audit-drop" : "--audit-mask") + " needs --audit-log PATH";
    return parsed;
  }
  if (out.audit_log && !out.sets.empty()) {
    parsed.error = "--audit-log records advice on a case as given; it does not combine with --set";
    return parsed;
  }
  if (!out.fact.empty() && out.input) {
    parsed.error = "graph --dependents-of lists names and takes no case file ('" + *out.input + "')";
    return parsed;
  }
  parsed.arguments = out;
  return parsed;
}

}  // namespace forbear::cli
