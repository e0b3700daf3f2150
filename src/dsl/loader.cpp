// Reads rule files (following directories and includes), parses each, then checks and compiles
// them together into one rule set.

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>

#include "check/checker.hpp"
#include "check/derived_depth.hpp"
#include "dsl/parser.hpp"
#include "forbear/ruleset.hpp"
#include "model/program.hpp"
#include "util/sha256.hpp"
#include "util/utf8.hpp"

namespace forbear {
namespace {

namespace fs = std::filesystem;

class Loader {
 public:
  explicit Loader(const LoadOptions& options) : limits_(options.limits), lint_(options.lint) {}

  void load_path(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (entry.path().extension() == ".rules" && entry.is_regular_file(ec)) files.push_back(entry.path());
      }
      if (ec) {
        result_.diagnostics.push_back({Severity::error, {}, "cannot read directory '" + path.string() + "': " + ec.message(), {}});
        return;
      }
      if (files.empty()) {
        result_.diagnostics.push_back({Severity::error, {}, "no .rules files in directory '" + path.string() + "'", {}});
        return;
      }
      std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
      for (const auto& file : files) load_file(file, std::nullopt);
      return;
    }
    load_file(path, std::nullopt);
  }

  void load_text(std::string text, std::string name) { add_source(std::move(name), std::move(text), fs::current_path()); }

  LoadResult finish() {
    if (sources_.empty() && !has_errors(result_.diagnostics)) {
      result_.diagnostics.push_back({Severity::error, {}, "no rule files given", {}});
    }
    refuse_beyond(&dsl::pt::File::facts, limits_.max_facts, "facts");
    refuse_beyond(&dsl::pt::File::rules, limits_.max_rules, "rules");
    if (!has_errors(result_.diagnostics)) {
      auto program = detail::check(sources_, trees_, result_.diagnostics, lint_);
      if (program && !detail::refuse_deep_derivations(*program, limits_.max_derived_depth, result_.diagnostics)) {
        program->sha256 = digest();
        result_.rules.emplace(std::move(program));
      }
    }
    result_.sources = sources_;
    keep_at_most(limits_.max_diagnostics);
    return std::move(result_);
  }

 private:
  void load_file(const fs::path& path, std::optional<SourceSpan> included_from) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(path, ec);
    if (!seen_.insert(ec ? path.string() : canonical.string()).second) return;
    const SourceSpan where = included_from.value_or(SourceSpan{});
    if (sources_.size() >= limits_.max_rule_files) {
      if (!too_many_files_) {
        result_.diagnostics.push_back({Severity::error, where,
                                       "more than " + std::to_string(limits_.max_rule_files) + " rule files (the limit); '" +
                                           path.string() + "' and any after it are not read",
                                       {}});
      }
      too_many_files_ = true;
      return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in || fs::is_directory(path, ec)) {
      const std::string reason = fs::exists(path, ec) ? "cannot be read" : "does not exist";
      result_.diagnostics.push_back({Severity::error, where, "rule file '" + path.string() + "' " + reason, {}});
      return;
    }
    // Reading stops one byte beyond the limit, which is enough to tell: a device or a pipe may never end.
    std::string bytes;
    char chunk[65536];
    while (bytes.size() <= limits_.max_rule_file_bytes && in.read(chunk, sizeof chunk).gcount() > 0) {
      bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
      result_.diagnostics.push_back({Severity::error, where, "rule file '" + path.string() + "' cannot be read", {}});
      return;
    }
    add_source(path.string(), std::move(bytes), path.parent_path(), where);
  }

  void add_source(std::string name, std::string text, const fs::path& directory, SourceSpan where = {}) {
    if (text.size() > limits_.max_rule_file_bytes) {
      result_.diagnostics.push_back({Severity::error, where,
                                     "rule file '" + name + "' is larger than the limit of " +
                                         std::to_string(limits_.max_rule_file_bytes) + " bytes",
                                     {}});
      return;
    }
    total_bytes_ += text.size();
    if (total_bytes_ > limits_.max_rule_set_bytes) {
      result_.diagnostics.push_back({Severity::error, where,
                                     "the rule files together are larger than the limit of " +
                                         std::to_string(limits_.max_rule_set_bytes) + " bytes ('" + name + "' passes it)",
                                     {}});
      return;
    }
    const auto index = static_cast<std::uint32_t>(sources_.size());
    sources_.push_back({std::move(name), std::move(text)});
    const std::string& content = sources_.back().text;
    if (const auto problem = overlong_line(content)) {
      result_.diagnostics.push_back({Severity::error, {}, "rule file '" + sources_.back().path + "', " + *problem, {}});
      trees_.emplace_back();
      return;
    }
    const std::size_t bad = detail::find_invalid_utf8(content);
    if (bad != std::string::npos) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(content[bad])));
      result_.diagnostics.push_back({Severity::error, {index, static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)},
                                     std::string("invalid UTF-8: byte ") + hex + " (rule files must be UTF-8)", {}});
      trees_.emplace_back();
      return;
    }
    trees_.push_back(dsl::parse(content, index, result_.diagnostics, limits_));
    const std::vector<dsl::pt::IncludeDecl> includes = trees_.back().includes;
    for (const auto& include : includes) {
      load_file(directory / include.path.raw, SourceSpan{index, include.path.span.begin, include.path.span.end});
    }
  }

  // "line N is M bytes long, ..." for the first line longer than the limit, else nothing. The line
  // itself is not shown: the diagnostic has no span, so that rendering does not print it.
  std::optional<std::string> overlong_line(std::string_view text) const {
    std::size_t line_start = 0;
    for (std::size_t line = 1; line_start <= text.size(); ++line) {
      std::size_t line_end = text.find('\n', line_start);
      if (line_end == std::string_view::npos) line_end = text.size();
      std::size_t length = line_end - line_start;
      if (length > 0 && text[line_end - 1] == '\r') --length;
      if (length > limits_.max_line_bytes) {
        return "line " + std::to_string(line) + " is " + std::to_string(length) + " bytes long, longer than the limit of " +
               std::to_string(limits_.max_line_bytes) + " bytes";
      }
      line_start = line_end + 1;
    }
    return std::nullopt;
  }

  // Refuses the declaration of kind `List` that goes beyond `limit` in the whole rule set.
  template <typename Decl>
  void refuse_beyond(std::vector<Decl> dsl::pt::File::*list, std::size_t limit, const char* what) {
    std::size_t count = 0;
    for (std::uint32_t file = 0; file < trees_.size(); ++file) {
      const auto& declarations = trees_[file].*list;
      if (count + declarations.size() > limit) {
        const auto& first_beyond = declarations[limit - count];
        result_.diagnostics.push_back({Severity::error, {file, first_beyond.span.begin, first_beyond.span.begin},
                                       "more than " + std::to_string(limit) + " " + what + " in the rule set (the limit)", {}});
        return;
      }
      count += declarations.size();
    }
  }

  // Keeps the first `limit` diagnostics and says how many more there were: a file of nothing but
  // errors would otherwise take long to render (each diagnostic locates its line from the start).
  void keep_at_most(std::size_t limit) {
    auto& diagnostics = result_.diagnostics;
    if (diagnostics.size() <= limit) return;
    const std::size_t left_out = diagnostics.size() - limit;
    diagnostics.resize(limit);
    diagnostics.push_back({result_.rules ? Severity::warning : Severity::error, {},
                           std::to_string(left_out) + " more errors and warnings not shown (the limit is " +
                               std::to_string(limit) + ")",
                           {}});
  }

  // SHA-256 over every file in load order: its file name, a NUL, its size, a NUL, its bytes.
  std::string digest() const {
    detail::Sha256 hash;
    for (const auto& source : sources_) {
      const std::string name = fs::path(source.path).filename().string();
      const std::string size = std::to_string(source.text.size());
      hash.update(name);
      hash.update(std::string_view("\0", 1));
      hash.update(size);
      hash.update(std::string_view("\0", 1));
      hash.update(source.text);
    }
    return detail::to_hex(hash.finish());
  }

  const Limits& limits_;
  const bool lint_;
  LoadResult result_;
  std::vector<SourceFile> sources_;
  std::size_t total_bytes_ = 0;
  bool too_many_files_ = false;
  std::vector<dsl::pt::File> trees_;
  std::set<std::string> seen_;
};

}  // namespace

LoadResult load_rules(const std::vector<std::filesystem::path>& paths, const Limits& limits) {
  return load_rules(paths, LoadOptions{limits, false});
}

LoadResult load_rules(const std::vector<std::filesystem::path>& paths, const LoadOptions& options) {
  Loader loader(options);
  for (const auto& path : paths) loader.load_path(path);
  return loader.finish();
}

LoadResult load_rules_from_string(std::string_view text, std::string name, const Limits& limits) {
  return load_rules_from_string(text, std::move(name), LoadOptions{limits, false});
}

LoadResult load_rules_from_string(std::string_view text, std::string name, const LoadOptions& options) {
  Loader loader(options);
  loader.load_text(std::string(text), std::move(name));
  return loader.finish();
}

std::string LoadResult::rendered_diagnostics() const { return render(diagnostics, sources); }

}  // namespace forbear
