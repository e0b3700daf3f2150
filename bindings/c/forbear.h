/*
 * forbear's C API: load a rule set, advise on cases given as JSON, read the result as JSON.
 *
 * - Opaque handles: forbear_ruleset, forbear_diagnostics, forbear_advice. Each is created by one
 *   function of this API and released by its forbear_*_free function, which takes the address of
 *   the caller's pointer and sets it to NULL: freeing twice through the same variable, or freeing
 *   NULL, does nothing.
 * - Text is UTF-8, in and out. Strings returned by the API are NUL-terminated and owned by the
 *   handle they came from: valid until that handle is freed.
 * - Every function that can fail returns a forbear_status. FORBEAR_OK is 0; on any other status the
 *   out-parameters are set to NULL and forbear_last_error_message() says what went wrong. The last
 *   error is kept per thread (a failed call on one thread never clobbers another thread's message)
 *   and is cleared by every call that returns a status.
 * - No C++ exception ever leaves this API; running out of memory is FORBEAR_ERROR_OUT_OF_MEMORY.
 *   A NULL argument where a value is required is FORBEAR_ERROR_INVALID_ARGUMENT, never a crash.
 * - Threads: a forbear_ruleset is immutable once loaded and may be shared by any number of threads
 *   advising at once (forbear_advise takes it as const). A forbear_advice or forbear_diagnostics
 *   is read-only after creation: reading it from several threads is safe; freeing it while another
 *   thread reads it is not.
 *
 * Guide with a complete example: docs/en/c-api.md.
 */
#ifndef FORBEAR_H
#define FORBEAR_H

#include <stddef.h>
#include <stdint.h>

/* The version of this API. It changes only when a declaration here changes incompatibly; compare
 * it with forbear_c_api_version() to detect a header and library that do not match. */
#define FORBEAR_C_API_VERSION 1

#if defined(_WIN32)
#  if defined(FORBEAR_C_BUILDING)
#    define FORBEAR_C_EXPORT __declspec(dllexport)
#  else
#    define FORBEAR_C_EXPORT __declspec(dllimport)
#  endif
#else
#  define FORBEAR_C_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* What a call came to. Values never change meaning; new ones may be added. */
typedef enum forbear_status {
  FORBEAR_OK = 0,
  FORBEAR_ERROR_INVALID_ARGUMENT = 1, /* a required pointer was NULL, or an index out of range */
  FORBEAR_ERROR_RULES = 2,            /* the rules have errors; see the diagnostics */
  FORBEAR_ERROR_CASE = 3,             /* the case is not valid JSON or does not fit the facts */
  FORBEAR_ERROR_OUT_OF_MEMORY = 4,
  FORBEAR_ERROR_INTERNAL = 5          /* a bug in forbear: please report the message */
} forbear_status;

/* How serious a diagnostic is: errors stop the rules from loading, warnings and notes do not. */
typedef enum forbear_severity {
  FORBEAR_SEVERITY_ERROR = 0,
  FORBEAR_SEVERITY_WARNING = 1,
  FORBEAR_SEVERITY_NOTE = 2
} forbear_severity;

/* forbear_advise flags. */
#define FORBEAR_ADVISE_TRACE 1u /* include "trace" and "values" (every rule, every derived value) */

/* A checked and compiled rule set. */
typedef struct forbear_ruleset forbear_ruleset;
/* The diagnostics (errors and warnings) of one load. */
typedef struct forbear_diagnostics forbear_diagnostics;
/* The result of one advise. */
typedef struct forbear_advice forbear_advice;

/* ---- Version and errors ---------------------------------------------------------------------- */

/* FORBEAR_C_API_VERSION as the library was built. */
FORBEAR_C_EXPORT int forbear_c_api_version(void);
/* The library's release, e.g. "0.1.0". */
FORBEAR_C_EXPORT const char* forbear_version(void);
/* The status of the calling thread's last call that returns a status (FORBEAR_OK after a success). */
FORBEAR_C_EXPORT forbear_status forbear_last_error(void);
/* What went wrong in the calling thread's last call that returns a status: for rule errors, the
 * rendered diagnostics; for case errors, one line per problem. "" after a success. Never NULL;
 * valid until the thread's next call to this API. */
FORBEAR_C_EXPORT const char* forbear_last_error_message(void);
/* A fixed English name for a status, e.g. "rule errors". Never NULL. */
FORBEAR_C_EXPORT const char* forbear_status_name(forbear_status status);

/* ---- Loading rules ----------------------------------------------------------------------------- */

/* Loads, checks and compiles rules from `path_count` paths, each a .rules file or a directory (its
 * *.rules files, in byte order of their names). On success *out_rules is the rule set. When the
 * rules have errors the status is FORBEAR_ERROR_RULES and *out_rules is NULL. `out_diagnostics`
 * may be NULL; otherwise it receives every diagnostic, errors and warnings, in both cases (the
 * caller frees it), and the rules also go through the lint pass (the warnings of `forbear check`
 * about unused facts, rules that never fire, ...). Without it they do not, and load faster. */
FORBEAR_C_EXPORT forbear_status forbear_ruleset_load_paths(const char* const* paths, size_t path_count,
                                                           forbear_ruleset** out_rules,
                                                           forbear_diagnostics** out_diagnostics);

/* As forbear_ruleset_load_paths, for rules given as `length` bytes of text; `name` (may be NULL:
 * "<string>") is the file name used in diagnostics. `include` resolves from the current directory. */
FORBEAR_C_EXPORT forbear_status forbear_ruleset_load_string(const char* text, size_t length, const char* name,
                                                            forbear_ruleset** out_rules,
                                                            forbear_diagnostics** out_diagnostics);

/* Releases a rule set and sets *rules to NULL. Advice already made from it stays valid. */
FORBEAR_C_EXPORT void forbear_ruleset_free(forbear_ruleset** rules);

/* The rule set's name, version ("ruleset NAME version "V"") and SHA-256 over its sources (lowercase
 * hex). NULL when `rules` is NULL. */
FORBEAR_C_EXPORT const char* forbear_ruleset_name(const forbear_ruleset* rules);
FORBEAR_C_EXPORT const char* forbear_ruleset_version(const forbear_ruleset* rules);
FORBEAR_C_EXPORT const char* forbear_ruleset_sha256(const forbear_ruleset* rules);

/* ---- Diagnostics ------------------------------------------------------------------------------- */

/* How many diagnostics there are (0 for NULL). */
FORBEAR_C_EXPORT size_t forbear_diagnostics_count(const forbear_diagnostics* diagnostics);
/* The number of errors among them (0 for NULL). */
FORBEAR_C_EXPORT size_t forbear_diagnostics_error_count(const forbear_diagnostics* diagnostics);
/* Diagnostic `index` (0-based): its severity, the file it points into ("" when none), its 1-based
 * line and column in code points (0 when it has no file), and its message. For NULL or an index out
 * of range: FORBEAR_SEVERITY_ERROR, NULL and 0. */
FORBEAR_C_EXPORT forbear_severity forbear_diagnostic_severity(const forbear_diagnostics* diagnostics, size_t index);
FORBEAR_C_EXPORT const char* forbear_diagnostic_file(const forbear_diagnostics* diagnostics, size_t index);
FORBEAR_C_EXPORT uint32_t forbear_diagnostic_line(const forbear_diagnostics* diagnostics, size_t index);
FORBEAR_C_EXPORT uint32_t forbear_diagnostic_column(const forbear_diagnostics* diagnostics, size_t index);
FORBEAR_C_EXPORT const char* forbear_diagnostic_message(const forbear_diagnostics* diagnostics, size_t index);
/* Every diagnostic rendered for people, gcc-style with source line and caret (as `forbear check`
 * prints them). NULL for NULL. */
FORBEAR_C_EXPORT const char* forbear_diagnostics_text(const forbear_diagnostics* diagnostics);
/* Every diagnostic as a JSON array of {"severity", "file", "line", "column", "message", "notes":
 * [{"file", "line", "column", "message"}]}. NULL for NULL. */
FORBEAR_C_EXPORT const char* forbear_diagnostics_json(const forbear_diagnostics* diagnostics);
/* Releases the diagnostics and sets *diagnostics to NULL. */
FORBEAR_C_EXPORT void forbear_diagnostics_free(forbear_diagnostics** diagnostics);

/* ---- Advice ------------------------------------------------------------------------------------ */

/* Advises on a case: `length` bytes of UTF-8 JSON, an object of facts (see the rules' `fact`
 * declarations; numbers are read exactly as written). `flags` is 0 or FORBEAR_ADVISE_TRACE. When
 * the case is invalid the status is FORBEAR_ERROR_CASE and the message lists every problem, e.g.
 * "1:18: invalid JSON: syntax error while parsing value - ..." or
 * "'days_overdue': expected int, got a string \"abc\"". */
FORBEAR_C_EXPORT forbear_status forbear_advise(const forbear_ruleset* rules, const char* case_json, size_t length,
                                               unsigned flags, forbear_advice** out_advice);
/* The result as JSON text (schema: docs/result-schema.md), keys in a fixed order. NULL for NULL. */
FORBEAR_C_EXPORT const char* forbear_advice_json(const forbear_advice* advice);
/* The length in bytes of forbear_advice_json's text (0 for NULL). */
FORBEAR_C_EXPORT size_t forbear_advice_json_length(const forbear_advice* advice);
/* The id of the strategy ranked first, or NULL when none ranked (all vetoed) or for NULL. */
FORBEAR_C_EXPORT const char* forbear_advice_top_strategy(const forbear_advice* advice);
/* The result as text for people in `lang`, "zh" or "en" (as `forbear advise` prints it), made on
 * first use (safe from several threads). NULL for NULL arguments or another language. */
FORBEAR_C_EXPORT const char* forbear_advice_text(const forbear_advice* advice, const char* lang);
/* Releases the advice and sets *advice to NULL. */
FORBEAR_C_EXPORT void forbear_advice_free(forbear_advice** advice);

#ifdef __cplusplus
}
#endif

#endif /* FORBEAR_H */
