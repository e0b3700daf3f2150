#include "driver.hpp"

#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace forbear::peers {

DriverArguments::DriverArguments(int argc, char** argv) {
  for (int i = 1; i < argc; i += 2) {
    const std::string name = argv[i];
    if (name.rfind("--", 0) != 0 || i + 1 >= argc) throw std::runtime_error("expected --NAME VALUE, got " + name);
    values_[name.substr(2)] = argv[i + 1];
  }
}

const std::string& DriverArguments::required(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw std::runtime_error("missing --" + name);
  return it->second;
}

std::string DriverArguments::optional(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

CaseFile read_case_file(const std::string& path) {
  CaseFile file;
  for (const auto& line : read_lines(path)) {
    file.cases.push_back(case_from_json(line));
    file.ids.push_back(file.cases.back().id);
  }
  return file;
}

void write_outcomes(const std::string& path, const std::vector<std::int64_t>& ids, const std::vector<PeerOutcome>& outcomes) {
  std::ofstream out(path);
  if (!out) throw std::runtime_error("cannot write " + path);
  for (std::size_t i = 0; i < outcomes.size(); ++i) out << outcome_to_json(ids[i], outcomes[i]) << '\n';
}

Memory current_memory() {
  Memory memory;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    std::istringstream fields(line);
    std::string key;
    std::int64_t kib = 0;
    fields >> key >> kib;
    if (key == "VmRSS:") memory.rss_kib = kib;
    if (key == "VmHWM:") memory.peak_kib = kib;
  }
  return memory;
}

double median_us_per_case(std::size_t count, int runs, const std::function<std::int64_t(std::size_t)>& evaluate) {
  volatile std::int64_t sink = 0;
  for (std::size_t i = 0; i < count; ++i) sink = sink + evaluate(i);
  std::vector<double> per_case;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    std::int64_t folded = 0;
    for (std::size_t i = 0; i < count; ++i) folded += evaluate(i);
    const auto stop = std::chrono::steady_clock::now();
    sink = sink + folded;
    per_case.push_back(std::chrono::duration<double, std::micro>(stop - start).count() / static_cast<double>(count));
  }
  std::sort(per_case.begin(), per_case.end());
  const std::size_t middle = per_case.size() / 2;
  return per_case.size() % 2 == 1 ? per_case[middle] : (per_case[middle - 1] + per_case[middle]) / 2;
}

double elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void print_summary(const Summary& summary) {
  nlohmann::ordered_json line;
  line["engine"] = summary.engine;
  line["detail"] = summary.detail;
  line["load_ms"] = summary.load_ms ? nlohmann::ordered_json(*summary.load_ms) : nlohmann::ordered_json();
  line["us_per_case"] = summary.us_per_case;
  line["us_per_case_trace"] =
      summary.us_per_case_trace ? nlohmann::ordered_json(*summary.us_per_case_trace) : nlohmann::ordered_json();
  line["runs"] = summary.runs;
  line["cases"] = summary.cases;
  line["rss_mib"] = static_cast<double>(summary.after.peak_kib) / 1024.0;
  line["rss_added_mib"] = static_cast<double>(summary.after.rss_kib - summary.before_load.rss_kib) / 1024.0;
  std::cout << line.dump() << std::endl;
}

}  // namespace forbear::peers
