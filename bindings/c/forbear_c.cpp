// The C API (forbear.h) over the C++ library. Every entry point catches every exception: none may
// cross into C. Failures are reported through the calling thread's last error.

#include "forbear.h"

#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "forbear/version.hpp"

struct forbear_ruleset {
  forbear::RuleSet rules;
};

struct forbear_diagnostics {
  /// One diagnostic, located (file, line and column worked out once, at load).
  struct Entry {
    forbear_severity severity = FORBEAR_SEVERITY_ERROR;
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
  };
  std::vector<Entry> entries;
  std::size_t errors = 0;
  std::string text;  ///< rendered gcc-style
  std::string json;  ///< a JSON array
};

struct forbear_advice {
  forbear::AdviceResult result;
  std::string json;
  /// The text renderings, made on first request (forbear_advice_text), once each.
  struct Rendering {
    std::once_flag once;
    std::string text;
  };
  mutable Rendering zh;
  mutable Rendering en;
};

namespace {

namespace fs = std::filesystem;

// The calling thread's last error. A fixed message (static storage) is used when the message could
// not even be allocated.
struct LastError {
  forbear_status status = FORBEAR_OK;
  std::string message;
  const char* fixed = nullptr;
};
thread_local LastError last_error;

forbear_status succeed() noexcept {
  last_error.status = FORBEAR_OK;
  last_error.message.clear();  // keeps its capacity: no allocation, no exception
  last_error.fixed = nullptr;
  return FORBEAR_OK;
}

forbear_status fail_fixed(forbear_status status, const char* message) noexcept {
  last_error.status = status;
  last_error.message.clear();
  last_error.fixed = message;
  return status;
}

forbear_status fail(forbear_status status, std::string_view message) noexcept {
  try {
    last_error.message.assign(message);
    last_error.status = status;
    last_error.fixed = nullptr;
    return status;
  } catch (...) {
    return fail_fixed(status, "out of memory (while reporting an error)");
  }
}

// Runs `body` (which returns a status) with every exception turned into a status and a message.
template <class Body>
forbear_status guarded(Body&& body) noexcept {
  try {
    succeed();
    return body();
  } catch (const std::bad_alloc&) {
    return fail_fixed(FORBEAR_ERROR_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& error) {
    return fail(FORBEAR_ERROR_INTERNAL, std::string("internal error: ") + error.what());
  } catch (...) {
    return fail_fixed(FORBEAR_ERROR_INTERNAL, "internal error: an unknown exception");
  }
}

forbear_severity to_c(forbear::Severity severity) noexcept {
  switch (severity) {
    case forbear::Severity::warning: return FORBEAR_SEVERITY_WARNING;
    case forbear::Severity::note: return FORBEAR_SEVERITY_NOTE;
    case forbear::Severity::error: break;
  }
  return FORBEAR_SEVERITY_ERROR;
}

const char* severity_word(forbear_severity severity) noexcept {
  switch (severity) {
    case FORBEAR_SEVERITY_WARNING: return "warning";
    case FORBEAR_SEVERITY_NOTE: return "note";
    case FORBEAR_SEVERITY_ERROR: break;
  }
  return "error";
}

// A span's file, line and column (none, 0 and 0 for a span in no file).
struct Place {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

Place place_of(const forbear::SourceSpan& span, const std::vector<forbear::SourceFile>& sources) {
  if (span.file == forbear::SourceSpan::kNoFile || span.file >= sources.size()) return {};
  const forbear::SourceFile& source = sources[span.file];
  const forbear::LineColumn where = forbear::locate(source.text, span.begin);
  return {source.path, where.line, where.column};
}

// Writes a place into a JSON object: "file", "line", "column" (null file for none).
void add_place(nlohmann::ordered_json& object, const Place& place) {
  object["file"] = place.file.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(place.file);
  object["line"] = place.line;
  object["column"] = place.column;
}

std::string dump(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

forbear_diagnostics* make_diagnostics(const forbear::LoadResult& loaded) {
  auto* made = new forbear_diagnostics;
  try {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const forbear::Diagnostic& diagnostic : loaded.diagnostics) {
      Place place = place_of(diagnostic.span, loaded.sources);
      const forbear_severity severity = to_c(diagnostic.severity);
      if (severity == FORBEAR_SEVERITY_ERROR) ++made->errors;
      nlohmann::ordered_json entry;
      entry["severity"] = severity_word(severity);
      add_place(entry, place);
      entry["message"] = diagnostic.message;
      nlohmann::ordered_json notes = nlohmann::ordered_json::array();
      for (const forbear::DiagnosticNote& note : diagnostic.notes) {
        nlohmann::ordered_json note_entry;
        add_place(note_entry, place_of(note.span, loaded.sources));
        note_entry["message"] = note.message;
        notes.push_back(std::move(note_entry));
      }
      entry["notes"] = std::move(notes);
      list.push_back(std::move(entry));
      made->entries.push_back({severity, std::move(place.file), place.line, place.column, diagnostic.message});
    }
    made->json = dump(list);
    made->text = loaded.rendered_diagnostics();
  } catch (...) {
    delete made;
    throw;
  }
  return made;
}

// Hands the outcome of a load to the caller.
forbear_status finish_load(forbear::LoadResult loaded, forbear_ruleset** out_rules, forbear_diagnostics** out_diagnostics) {
  // Both handles are made before either is handed out, so a failure leaks neither.
  std::unique_ptr<forbear_diagnostics> diagnostics;
  if (out_diagnostics) diagnostics.reset(make_diagnostics(loaded));
  if (!loaded.ok()) {
    const std::string rendered = loaded.rendered_diagnostics();
    if (out_diagnostics) *out_diagnostics = diagnostics.release();
    return fail(FORBEAR_ERROR_RULES, rendered);
  }
  *out_rules = new forbear_ruleset{std::move(*loaded.rules)};
  if (out_diagnostics) *out_diagnostics = diagnostics.release();
  return FORBEAR_OK;
}

// A case error as one line: "LINE:COLUMN: message" for invalid JSON, "'field': message" for a fact.
std::string describe(const forbear::CaseError& error) {
  std::string line;
  if (error.line > 0) line += std::to_string(error.line) + ':' + std::to_string(error.column) + ": ";
  if (!error.field.empty()) line += "'" + error.field + "': ";
  return line + error.message;
}

const forbear_diagnostics::Entry* entry_at(const forbear_diagnostics* diagnostics, std::size_t index) noexcept {
  if (!diagnostics || index >= diagnostics->entries.size()) return nullptr;
  return &diagnostics->entries[index];
}

}  // namespace

extern "C" {

int forbear_c_api_version(void) { return FORBEAR_C_API_VERSION; }

const char* forbear_version(void) { return FORBEAR_VERSION_STRING; }

forbear_status forbear_last_error(void) { return last_error.status; }

const char* forbear_last_error_message(void) {
  return last_error.fixed ? last_error.fixed : last_error.message.c_str();
}

const char* forbear_status_name(forbear_status status) {
  switch (status) {
    case FORBEAR_OK: return "ok";
    case FORBEAR_ERROR_INVALID_ARGUMENT: return "invalid argument";
    case FORBEAR_ERROR_RULES: return "rule errors";
    case FORBEAR_ERROR_CASE: return "case errors";
    case FORBEAR_ERROR_OUT_OF_MEMORY: return "out of memory";
    case FORBEAR_ERROR_INTERNAL: return "internal error";
  }
  return "unknown status";
}

forbear_status forbear_ruleset_load_paths(const char* const* paths, size_t path_count, forbear_ruleset** out_rules,
                                          forbear_diagnostics** out_diagnostics) {
  if (out_rules) *out_rules = nullptr;
  if (out_diagnostics) *out_diagnostics = nullptr;
  return guarded([&] {
    if (!out_rules) return fail(FORBEAR_ERROR_INVALID_ARGUMENT, "forbear_ruleset_load_paths: out_rules is NULL");
    if (!paths && path_count > 0) return fail(FORBEAR_ERROR_INVALID_ARGUMENT, "forbear_ruleset_load_paths: paths is NULL");
    std::vector<fs::path> list;
    list.reserve(path_count);
    for (std::size_t i = 0; i < path_count; ++i) {
      if (!paths[i]) {
        return fail(FORBEAR_ERROR_INVALID_ARGUMENT,
                    "forbear_ruleset_load_paths: paths[" + std::to_string(i) + "] is NULL");
      }
      list.emplace_back(std::u8string(reinterpret_cast<const char8_t*>(paths[i])));
    }
    return finish_load(forbear::load_rules(list, forbear::LoadOptions{.lint = out_diagnostics != nullptr}), out_rules, out_diagnostics);
  });
}

forbear_status forbear_ruleset_load_string(const char* text, size_t length, const char* name, forbear_ruleset** out_rules,
                                           forbear_diagnostics** out_diagnostics) {
  if (out_rules) *out_rules = nullptr;
  if (out_diagnostics) *out_diagnostics = nullptr;
  return guarded([&] {
    if (!out_rules) return fail(FORBEAR_ERROR_INVALID_ARGUMENT, "forbear_ruleset_load_string: out_rules is NULL");
    if (!text) return fail(FORBEAR_ERROR_INVALID_ARGUMENT, "forbear_ruleset_load_string: text is NULL");
    return finish_load(forbear::load_rules_from_string({text, length}, name ? name : "<string>",
                                                       forbear::LoadOptions{.lint = out_diagnostics != nullptr}),
                       out_rules,
                       out_diagnostics);
  });
}

void forbear_ruleset_free(forbear_ruleset** rules) {
  if (!rules) return;
  delete *rules;
  *rules = nullptr;
}

const char* forbear_ruleset_name(const forbear_ruleset* rules) { return rules ? rules->rules.name().c_str() : nullptr; }

const char* forbear_ruleset_version(const forbear_ruleset* rules) {
  return rules ? rules->rules.version().c_str() : nullptr;
}

const char* forbear_ruleset_sha256(const forbear_ruleset* rules) {
  return rules ? rules->rules.sha256().c_str() : nullptr;
}

size_t forbear_diagnostics_count(const forbear_diagnostics* diagnostics) {
  return diagnostics ? diagnostics->entries.size() : 0;
}

size_t forbear_diagnostics_error_count(const forbear_diagnostics* diagnostics) {
  return diagnostics ? diagnostics->errors : 0;
}

forbear_severity forbear_diagnostic_severity(const forbear_diagnostics* diagnostics, size_t index) {
  const auto* entry = entry_at(diagnostics, index);
  return entry ? entry->severity : FORBEAR_SEVERITY_ERROR;
}

const char* forbear_diagnostic_file(const forbear_diagnostics* diagnostics, size_t index) {
  const auto* entry = entry_at(diagnostics, index);
  return entry ? entry->file.c_str() : nullptr;
}

uint32_t forbear_diagnostic_line(const forbear_diagnostics* diagnostics, size_t index) {
  const auto* entry = entry_at(diagnostics, index);
  return entry ? entry->line : 0;
}

uint32_t forbear_diagnostic_column(const forbear_diagnostics* diagnostics, size_t index) {
  const auto* entry = entry_at(diagnostics, index);
  return entry ? entry->column : 0;
}

const char* forbear_diagnostic_message(const forbear_diagnostics* diagnostics, size_t index) {
  const auto* entry = entry_at(diagnostics, index);
  return entry ? entry->message.c_str() : nullptr;
}

const char* forbear_diagnostics_text(const forbear_diagnostics* diagnostics) {
  return diagnostics ? diagnostics->text.c_str() : nullptr;
}

const char* forbear_diagnostics_json(const forbear_diagnostics* diagnostics) {
  return diagnostics ? diagnostics->json.c_str() : nullptr;
}

void forbear_diagnostics_free(forbear_diagnostics** diagnostics) {
  if (!diagnostics) return;
  delete *diagnostics;
  *diagnostics = nullptr;
}

forbear_status forbear_advise(const forbear_ruleset* rules, const char* case_json, size_t length, unsigned flags,
                              forbear_advice** out_advice) {
  if (out_advice) *out_advice = nullptr;
  return guarded([&] {
    if (!out_advice) return fail(FORBEAR_ERROR_INVALID_ARGUMENT, "forbear_advise: out_advice is NULL");
    if (!rules) return fail(FORBEAR_ERROR_INVALID_ARGUMENT, "forbear_advise: rules is NULL");
    if (!case_json) return fail(FORBEAR_ERROR_INVALID_ARGUMENT, "forbear_advise: case_json is NULL");
    if (flags & ~FORBEAR_ADVISE_TRACE) {
      return fail(FORBEAR_ERROR_INVALID_ARGUMENT, "forbear_advise: unknown flags " + std::to_string(flags));
    }
    const forbear::CaseResult parsed = forbear::parse_case_json(rules->rules, {case_json, length});
    if (!parsed.ok()) {
      std::string message;
      for (const forbear::CaseError& error : parsed.errors) message += (message.empty() ? "" : "\n") + describe(error);
      return fail(FORBEAR_ERROR_CASE, message);
    }
    auto made = std::make_unique<forbear_advice>();
    made->result = forbear::advise(rules->rules, *parsed.value, {.trace = (flags & FORBEAR_ADVISE_TRACE) != 0});
    made->json = dump(forbear::to_json(made->result));
    *out_advice = made.release();
    return FORBEAR_OK;
  });
}

const char* forbear_advice_json(const forbear_advice* advice) { return advice ? advice->json.c_str() : nullptr; }

size_t forbear_advice_json_length(const forbear_advice* advice) { return advice ? advice->json.size() : 0; }

const char* forbear_advice_top_strategy(const forbear_advice* advice) {
  if (!advice || advice->result.strategies.empty()) return nullptr;
  return advice->result.strategies.front().id.c_str();
}

const char* forbear_advice_text(const forbear_advice* advice, const char* lang) {
  if (!advice || !lang) return nullptr;
  const std::string_view language(lang);
  if (language != "zh" && language != "en") return nullptr;
  forbear_advice::Rendering& rendering = language == "zh" ? advice->zh : advice->en;
  try {
    // A failed rendering (out of memory) leaves the flag unset: the next call tries again.
    std::call_once(rendering.once, [&] { rendering.text = forbear::render_text(advice->result, language); });
    return rendering.text.c_str();
  } catch (...) {
    return nullptr;
  }
}

void forbear_advice_free(forbear_advice** advice) {
  if (!advice) return;
  delete *advice;
  *advice = nullptr;
}

}  // extern "C"
