// Reads rule files (following directories and includes), parses each, then checks and compiles
// them together into one rule set.

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "check/checker.hpp"
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
    if (has_errors(result_.diagnostics)) {
      result_.sources = sources_;
      return std::move(result_);
    }
    auto program = detail::check(sources_, trees_, result_.diagnostics);
    result_.sources = sources_;
    if (program) {
      program->sha256 = digest();
      result_.rules.emplace(std::move(program));
    }
    return std::move(result_);
  }

 private:
  void load_file(const fs::path& path, std::optional<SourceSpan> included_from) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(path, ec);
    if (!seen_.insert(ec ? path.string() : canonical.string()).second) return;
    std::ifstream in(path, std::ios::binary);
    if (!in || fs::is_directory(path, ec)) {
      const std::string reason = fs::exists(path, ec) ? "cannot be read" : "does not exist";
      result_.diagnostics.push_back({Severity::error, included_from.value_or(SourceSpan{}),
                                     "rule file '" + path.string() + "' " + reason, {}});
      return;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    add_source(path.string(), bytes.str(), path.parent_path());
  }

  void add_source(std::string name, std::string text, const fs::path& directory) {
    const auto index = static_cast<std::uint32_t>(sources_.size());
    sources_.push_back({std::move(name), std::move(text)});
    const std::string& content = sources_.back().text;
    const std::size_t bad = detail::find_invalid_utf8(content);
    if (bad != std::string::npos) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(content[bad])));
      result_.diagnostics.push_back({Severity::error, {index, static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)},
                                     std::string("invalid UTF-8: byte ") + hex + " (rule files must be UTF-8)", {}});
      trees_.emplace_back();
      return;
    }
    trees_.push_back(dsl::parse(content, index, result_.diagnostics));
    const std::vector<dsl::pt::IncludeDecl> includes = trees_.back().includes;
    for (const auto& include : includes) {
      load_file(directory / include.path.raw, SourceSpan{index, include.path.span.begin, include.path.span.end});
    }
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

  LoadResult result_;
  std::vector<SourceFile> sources_;
  std::vector<dsl::pt::File> trees_;
  std::set<std::string> seen_;
};

}  // namespace

LoadResult load_rules(const std::vector<std::filesystem::path>& paths) {
  Loader loader;
  for (const auto& path : paths) loader.load_path(path);
  return loader.finish();
}

LoadResult load_rules_from_string(std::string_view text, std::string name) {
  Loader loader;
  loader.load_text(std::string(text), std::move(name));
  return loader.finish();
}

std::string LoadResult::rendered_diagnostics() const { return render(diagnostics, sources); }

}  // namespace forbear
