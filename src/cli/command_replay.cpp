// forbear replay: advises again on every record of an audit log with the given rules and reports
// each record whose advice differs, with the rules that account for it. Like `git diff --exit-code`,
// the exit status says whether anything differs.

#include <fstream>
#include <iostream>

#include "audit/replay.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace forbear::cli {
namespace {

using detail::ReplayedRecord;
using Verdict = ReplayedRecord::Verdict;
using Json = nlohmann::ordered_json;

std::string compact(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// A logged or replayed value for people: ids without quotes, lists joined, null as "none".
std::string shown(const Json& value) {
  if (value.is_null()) return "none";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    if (value.empty()) return "none";
    std::string out;
    for (const auto& item : value) out += (out.empty() ? "" : ", ") + shown(item);
    return out;
  }
  return compact(value);
}

std::string change_text(const detail::DecisionChange& change) {
  if (change.what == "top") return "top strategy: " + shown(change.before) + " -> " + shown(change.after);
  if (change.what == "ranking") return "ranking: " + shown(change.before) + " -> " + shown(change.after);
  if (change.what == "score") return "score of " + change.subject + ": " + shown(change.before) + " -> " + shown(change.after);
  if (change.what == "vetoed_by") {
    return change.subject + " vetoed by: " + shown(change.before) + " -> " + shown(change.after);
  }
  if (change.what == "advice") return std::string(change.after.get<bool>() ? "advice added: " : "advice removed: ") + change.subject;
  return "output " + change.subject + ": " + compact(change.before) + " -> " + compact(change.after);
}

std::string heading(const ReplayedRecord& record) {
  std::string out = "line " + std::to_string(record.line);
  if (!record.id.is_null()) out += " (id " + compact(record.id) + ")";
  return out;
}

void write_text(const ReplayedRecord& record) {
  switch (record.verdict) {
    case Verdict::same:
      return;
    case Verdict::malformed:
      std::cout << heading(record) << ": malformed: " << record.reason << '\n';
      return;
    case Verdict::cannot_replay:
      std::cout << heading(record) << ": cannot replay: " << record.reason << '\n';
      return;
    case Verdict::different:
      std::cout << heading(record) << ": different\n";
      for (const auto& change : record.changes) std::cout << "  " << change_text(change) << '\n';
      for (const auto& rule : record.rules) {
        std::cout << "  rule " << rule.rule << ": " << rule.change;
        if (!rule.location.empty()) std::cout << " (" << rule.location << ")";
        std::cout << '\n';
      }
      return;
  }
}

Json record_json(const ReplayedRecord& record) {
  Json out = {{"line", record.line}, {"verdict", detail::verdict_name(record.verdict)}};
  if (!record.id.is_null()) out["id"] = record.id;
  if (!record.reason.empty()) out["reason"] = record.reason;
  if (record.verdict == Verdict::different) {
    Json changes = Json::array();
    for (const auto& c : record.changes) {
      Json entry = {{"what", c.what}};
      if (!c.subject.empty()) entry["subject"] = c.subject;
      entry["before"] = c.before;
      entry["after"] = c.after;
      changes.push_back(std::move(entry));
    }
    Json rules = Json::array();
    for (const auto& r : record.rules) rules.push_back({{"rule", r.rule}, {"change", r.change}, {"location", r.location}});
    out["changes"] = std::move(changes);
    out["rules"] = std::move(rules);
  }
  return out;
}

struct Tally {
  std::size_t records = 0;
  std::size_t same = 0;
  std::size_t different = 0;
  std::size_t cannot_replay = 0;
  std::vector<std::size_t> malformed_lines;

  void count(const ReplayedRecord& record) {
    ++records;
    switch (record.verdict) {
      case Verdict::same: ++same; break;
      case Verdict::different: ++different; break;
      case Verdict::cannot_replay: ++cannot_replay; break;
      case Verdict::malformed: malformed_lines.push_back(record.line); break;
    }
  }

  // "replay: 12 records: 9 same, 1 different, 1 cannot replay, 1 malformed (line 7)"
  std::string summary() const {
    std::string out = "replay: " + std::to_string(records) + (records == 1 ? " record: " : " records: ") +
                      std::to_string(same) + " same, " + std::to_string(different) + " different, " +
                      std::to_string(cannot_replay) + " cannot replay, " + std::to_string(malformed_lines.size()) + " malformed";
    if (!malformed_lines.empty()) {
      out += malformed_lines.size() == 1 ? " (line " : " (lines ";
      for (std::size_t i = 0; i < malformed_lines.size(); ++i) out += (i > 0 ? ", " : "") + std::to_string(malformed_lines[i]);
      out += ")";
    }
    return out;
  }

  int exit_status() const {
    if (!malformed_lines.empty()) return kExitUsage;
    return different + cannot_replay > 0 ? kExitRuleErrors : kExitOk;
  }
};

}  // namespace

int run_replay(const Arguments& args) {
  if (!args.input) {
    std::cerr << "forbear: error: replay needs an audit log: forbear replay [--rules PATH]... LOG\n";
    return kExitUsage;
  }
  const auto loaded = load(args);
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return kExitRuleErrors;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (*args.input != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(*args.input, ec)) {
      std::cerr << "forbear: error: audit log '" << *args.input << "' is a directory\n";
      return kExitUsage;
    }
    file.open(*args.input, std::ios::binary);
    if (!file) {
      std::cerr << "forbear: error: cannot read audit log '" << *args.input << "'\n";
      return kExitUsage;
    }
    in = &file;
  }

  Tally tally;
  Json records = Json::array();
  std::string line;
  for (std::size_t number = 1; std::getline(*in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto record = detail::replay_record(*loaded.rules, line, number);
    tally.count(record);
    if (args.format == "json") {
      if (record.verdict != Verdict::same) records.push_back(record_json(record));
    } else {
      write_text(record);
    }
  }
  if (args.format == "json") {
    const Json out = {{"ruleset", {{"name", loaded.rules->name()}, {"version", loaded.rules->version()}, {"sha256", loaded.rules->sha256()}}},
                      {"records", std::move(records)},
                      {"summary",
                       {{"records", tally.records},
                        {"same", tally.same},
                        {"different", tally.different},
                        {"cannot_replay", tally.cannot_replay},
                        {"malformed_lines", tally.malformed_lines}}}};
    std::cout << out.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  }
  (args.format == "json" ? std::cerr : std::cout) << tally.summary() << '\n';
  return tally.exit_status();
}

}  // namespace forbear::cli
