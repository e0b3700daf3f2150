/* The C API (forbear.h) from a program compiled as C: loading good and broken rules, advising on a
 * good and a bad case, NULL arguments, freeing, and one rule set shared by several threads.
 *
 *   forbear_c_api_test RULES_DIR CASES_DIR        (the shipped rules/ and examples/cases/)
 *
 * Prints each failed check and exits 1 when there is any. */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forbear.h"

static int failures = 0;

#define CHECK(condition)                                                        \
  do {                                                                          \
    if (!(condition)) {                                                         \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      ++failures;                                                               \
    }                                                                           \
  } while (0)

#define CHECK_STR(actual, expected)                                                                 \
  do {                                                                                              \
    const char* actual_ = (actual);                                                                 \
    if (actual_ == NULL || strcmp(actual_, (expected)) != 0) {                                      \
      fprintf(stderr, "%s:%d: %s\n  is:        %s\n  should be: %s\n", __FILE__, __LINE__, #actual, \
              actual_ ? actual_ : "(NULL)", (expected));                                            \
      ++failures;                                                                                   \
    }                                                                                               \
  } while (0)

static int starts_with(const char* text, const char* prefix) {
  return text != NULL && strncmp(text, prefix, strlen(prefix)) == 0;
}

/* The whole file, NUL-terminated (the caller frees it); NULL when it cannot be read. */
static char* read_file(const char* folder, const char* name, size_t* length) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", folder, name);
  FILE* file = fopen(path, "rb");
  if (!file) return NULL;
  char* text = malloc(1 << 16);
  *length = text ? fread(text, 1, (1 << 16) - 1, file) : 0;
  fclose(file);
  if (text) text[*length] = '\0';
  return text;
}

static const char* rules_dir;
static const char* cases_dir;

static void test_version(void) {
  CHECK(forbear_c_api_version() == FORBEAR_C_API_VERSION);
  CHECK(strlen(forbear_version()) >= 5);
  CHECK_STR(forbear_status_name(FORBEAR_ERROR_RULES), "rule errors");
  CHECK_STR(forbear_status_name((forbear_status)99), "unknown status");
}

static void test_load_shipped_rules(void) {
  forbear_ruleset* rules = NULL;
  forbear_diagnostics* diagnostics = NULL;
  const char* paths[] = {rules_dir};
  CHECK(forbear_ruleset_load_paths(paths, 1, &rules, &diagnostics) == FORBEAR_OK);
  CHECK(forbear_last_error() == FORBEAR_OK);
  CHECK_STR(forbear_last_error_message(), "");
  CHECK(rules != NULL);
  CHECK_STR(forbear_ruleset_name(rules), "overdue_advisor");
  CHECK_STR(forbear_ruleset_version(rules), "0.2.0");
  const char* sha256 = forbear_ruleset_sha256(rules);
  CHECK(sha256 != NULL && strlen(sha256) == 64 && strspn(sha256, "0123456789abcdef") == 64);
  /* The shipped rules have neither errors nor warnings (`forbear check --werror` passes). */
  CHECK(diagnostics != NULL);
  CHECK(forbear_diagnostics_count(diagnostics) == 0);
  CHECK_STR(forbear_diagnostics_json(diagnostics), "[]");
  CHECK_STR(forbear_diagnostics_text(diagnostics), "");
  forbear_diagnostics_free(&diagnostics);
  forbear_ruleset_free(&rules);
  CHECK(rules == NULL && diagnostics == NULL);
}

static const char kBrokenRules[] =
    "ruleset demo version \"1.0\"\n"
    "fact days_overdue: int\n"
    "strategy installment { zh: \"申请分期还款\", en: \"Ask for an installment plan\" }\n"
    "\n"
    "rule long_overdue\n"
    "  when days_overdue > 90\n"
    "  installment += 30\n"
    "  because \"long overdue\"\n"
    "  source \"s\"\n";

static void test_load_broken_rules(void) {
  forbear_ruleset* rules = (forbear_ruleset*)&failures; /* must be overwritten with NULL */
  forbear_diagnostics* diagnostics = NULL;
  CHECK(forbear_ruleset_load_string(kBrokenRules, strlen(kBrokenRules), "missing_then.rules", &rules, &diagnostics) ==
        FORBEAR_ERROR_RULES);
  CHECK(rules == NULL);
  CHECK(forbear_last_error() == FORBEAR_ERROR_RULES);
  const char* rendered =
      "missing_then.rules:7:3: error: expected 'then' after condition, got 'installment'\n"
      "    7 |   installment += 30\n"
      "      |   ^~~~~~~~~~~\n";
  CHECK_STR(forbear_last_error_message(), rendered);
  CHECK(forbear_diagnostics_count(diagnostics) == 1);
  CHECK(forbear_diagnostics_error_count(diagnostics) == 1);
  CHECK(forbear_diagnostic_severity(diagnostics, 0) == FORBEAR_SEVERITY_ERROR);
  CHECK_STR(forbear_diagnostic_file(diagnostics, 0), "missing_then.rules");
  CHECK(forbear_diagnostic_line(diagnostics, 0) == 7);
  CHECK(forbear_diagnostic_column(diagnostics, 0) == 3);
  CHECK_STR(forbear_diagnostic_message(diagnostics, 0), "expected 'then' after condition, got 'installment'");
  CHECK_STR(forbear_diagnostics_text(diagnostics), rendered);
  CHECK_STR(forbear_diagnostics_json(diagnostics),
            "[{\"severity\":\"error\",\"file\":\"missing_then.rules\",\"line\":7,\"column\":3,"
            "\"message\":\"expected 'then' after condition, got 'installment'\",\"notes\":[]}]");
  /* Out of range: the documented defaults. */
  CHECK(forbear_diagnostic_file(diagnostics, 1) == NULL);
  CHECK(forbear_diagnostic_message(diagnostics, 1) == NULL);
  CHECK(forbear_diagnostic_line(diagnostics, 1) == 0);
  forbear_diagnostics_free(&diagnostics);

  /* Without a diagnostics handle the message alone says it. */
  CHECK(forbear_ruleset_load_string(kBrokenRules, strlen(kBrokenRules), NULL, &rules, NULL) == FORBEAR_ERROR_RULES);
  CHECK(starts_with(forbear_last_error_message(), "<string>:7:3: error: expected 'then' after condition"));

  /* A path that does not exist is a rule error too, with a diagnostic. */
  const char* missing[] = {"/nonexistent/forbear.rules"};
  CHECK(forbear_ruleset_load_paths(missing, 1, &rules, &diagnostics) == FORBEAR_ERROR_RULES);
  CHECK(rules == NULL);
  CHECK(forbear_diagnostics_error_count(diagnostics) == 1);
  CHECK(strstr(forbear_last_error_message(), "/nonexistent/forbear.rules") != NULL);
  forbear_diagnostics_free(&diagnostics);
}

static forbear_ruleset* load_shipped(void) {
  forbear_ruleset* rules = NULL;
  const char* paths[] = {rules_dir};
  if (forbear_ruleset_load_paths(paths, 1, &rules, NULL) != FORBEAR_OK) {
    fprintf(stderr, "the shipped rules do not load:\n%s", forbear_last_error_message());
    exit(1);
  }
  return rules;
}

static void test_advise_good_case(forbear_ruleset* rules) {
  size_t length = 0;
  char* xiaowang = read_file(cases_dir, "xiaowang.json", &length);
  CHECK(xiaowang != NULL);
  if (!xiaowang) return;

  forbear_advice* advice = NULL;
  CHECK(forbear_advise(rules, xiaowang, length, FORBEAR_ADVISE_TRACE, &advice) == FORBEAR_OK);
  CHECK_STR(forbear_advice_top_strategy(advice), "installment");
  const char* json = forbear_advice_json(advice);
  CHECK(starts_with(json, "{\"id\":\"xiaowang\",\"ruleset\":{\"name\":\"overdue_advisor\",\"version\":\"0.2.0\""));
  CHECK(strstr(json, "\"strategies\":[{\"id\":\"installment\",\"rank\":1,") != NULL);
  CHECK(strlen(json) == forbear_advice_json_length(advice));
  CHECK(strstr(json, "\"trace\":{\"values\":[{\"name\":") != NULL);
  const char* english = forbear_advice_text(advice, "en");
  CHECK(starts_with(english, "# xiaowang\n"));
  CHECK(english != NULL && strstr(english, "  1. Ask for an installment plan (incl. a credit-card personalised installment plan) [installment] 16 points\n") != NULL);
  CHECK(forbear_advice_text(advice, "en") == english); /* made once */
  CHECK(forbear_advice_text(advice, "zh") != NULL);
  CHECK(forbear_advice_text(advice, "fr") == NULL);

  /* Without the trace: the same ranking, no rule traced. */
  forbear_advice* untraced = NULL;
  CHECK(forbear_advise(rules, xiaowang, length, 0, &untraced) == FORBEAR_OK);
  CHECK_STR(forbear_advice_top_strategy(untraced), "installment");
  CHECK(strstr(forbear_advice_json(untraced), "\"trace\":{\"values\":[],\"rules\":[]}") != NULL);
  CHECK(forbear_advice_json_length(untraced) < forbear_advice_json_length(advice));

  forbear_advice_free(&untraced);
  forbear_advice_free(&advice);
  forbear_advice_free(&advice); /* documented: a second free through the same variable does nothing */
  CHECK(advice == NULL);
  free(xiaowang);
}

static void test_advise_bad_cases(forbear_ruleset* rules) {
  forbear_advice* advice = NULL;
  const char* wrong_types = "{\"days_overdue\": \"abc\", \"unknown_fact\": 1}";
  CHECK(forbear_advise(rules, wrong_types, strlen(wrong_types), 0, &advice) == FORBEAR_ERROR_CASE);
  CHECK(advice == NULL);
  CHECK(forbear_last_error() == FORBEAR_ERROR_CASE);
  CHECK_STR(forbear_last_error_message(),
            "'days_overdue': expected int, got a string \"abc\"\n"
            "'unknown_fact': unknown fact 'unknown_fact'");

  const char* broken_json = "{\"days_overdue\": }";
  CHECK(forbear_advise(rules, broken_json, strlen(broken_json), 0, &advice) == FORBEAR_ERROR_CASE);
  CHECK_STR(forbear_last_error_message(),
            "1:18: invalid JSON: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal");

  /* The length is honoured: the text need not end with NUL, and a NUL inside it is an error. */
  const char with_nul[] = "{}\0{}";
  CHECK(forbear_advise(rules, with_nul, 2, 0, &advice) == FORBEAR_OK);
  forbear_advice_free(&advice);
  CHECK(forbear_advise(rules, with_nul, sizeof with_nul - 1, 0, &advice) == FORBEAR_ERROR_CASE);
  CHECK_STR(forbear_last_error_message(), "1:3: invalid JSON: NUL byte (JSON text has none)");

  /* An error is cleared by the next success. */
  CHECK(forbear_advise(rules, "{}", 2, 0, &advice) == FORBEAR_OK);
  CHECK(forbear_last_error() == FORBEAR_OK);
  CHECK_STR(forbear_last_error_message(), "");
  forbear_advice_free(&advice);
}

static void test_null_arguments(forbear_ruleset* rules) {
  forbear_ruleset* out_rules = NULL;
  forbear_advice* advice = NULL;
  const char* paths[] = {rules_dir, NULL};

  CHECK(forbear_ruleset_load_paths(NULL, 1, &out_rules, NULL) == FORBEAR_ERROR_INVALID_ARGUMENT);
  CHECK_STR(forbear_last_error_message(), "forbear_ruleset_load_paths: paths is NULL");
  CHECK(forbear_ruleset_load_paths(paths, 2, &out_rules, NULL) == FORBEAR_ERROR_INVALID_ARGUMENT);
  CHECK_STR(forbear_last_error_message(), "forbear_ruleset_load_paths: paths[1] is NULL");
  CHECK(forbear_ruleset_load_paths(paths, 1, NULL, NULL) == FORBEAR_ERROR_INVALID_ARGUMENT);
  CHECK_STR(forbear_last_error_message(), "forbear_ruleset_load_paths: out_rules is NULL");
  CHECK(forbear_ruleset_load_string(NULL, 0, "x.rules", &out_rules, NULL) == FORBEAR_ERROR_INVALID_ARGUMENT);
  CHECK_STR(forbear_last_error_message(), "forbear_ruleset_load_string: text is NULL");
  CHECK(out_rules == NULL);

  CHECK(forbear_advise(NULL, "{}", 2, 0, &advice) == FORBEAR_ERROR_INVALID_ARGUMENT);
  CHECK_STR(forbear_last_error_message(), "forbear_advise: rules is NULL");
  CHECK(forbear_advise(rules, NULL, 2, 0, &advice) == FORBEAR_ERROR_INVALID_ARGUMENT);
  CHECK_STR(forbear_last_error_message(), "forbear_advise: case_json is NULL");
  CHECK(forbear_advise(rules, "{}", 2, 0, NULL) == FORBEAR_ERROR_INVALID_ARGUMENT);
  CHECK_STR(forbear_last_error_message(), "forbear_advise: out_advice is NULL");
  CHECK(forbear_advise(rules, "{}", 2, 6u, &advice) == FORBEAR_ERROR_INVALID_ARGUMENT);
  CHECK_STR(forbear_last_error_message(), "forbear_advise: unknown flags 6");
  CHECK(advice == NULL);

  CHECK(forbear_ruleset_name(NULL) == NULL);
  CHECK(forbear_ruleset_version(NULL) == NULL);
  CHECK(forbear_ruleset_sha256(NULL) == NULL);
  CHECK(forbear_diagnostics_count(NULL) == 0);
  CHECK(forbear_diagnostics_error_count(NULL) == 0);
  CHECK(forbear_diagnostic_severity(NULL, 0) == FORBEAR_SEVERITY_ERROR);
  CHECK(forbear_diagnostic_file(NULL, 0) == NULL);
  CHECK(forbear_diagnostic_column(NULL, 0) == 0);
  CHECK(forbear_diagnostics_text(NULL) == NULL);
  CHECK(forbear_diagnostics_json(NULL) == NULL);
  CHECK(forbear_advice_json(NULL) == NULL);
  CHECK(forbear_advice_json_length(NULL) == 0);
  CHECK(forbear_advice_top_strategy(NULL) == NULL);
  CHECK(forbear_advice_text(NULL, "en") == NULL);

  /* Freeing NULL, or through a NULL variable, does nothing. */
  forbear_ruleset_free(NULL);
  forbear_ruleset_free(&out_rules);
  forbear_diagnostics_free(NULL);
  forbear_advice_free(NULL);
  forbear_advice_free(&advice);
}

/* One rule set, several threads advising at once; each thread's errors stay its own. */
struct Worker {
  const forbear_ruleset* rules;
  const char* case_json;
  size_t length;
  const char* expected_json;
  int mismatches;
};

static void* advise_many_times(void* argument) {
  struct Worker* worker = argument;
  for (int i = 0; i < 20; ++i) {
    forbear_advice* advice = NULL;
    if (forbear_advise(worker->rules, worker->case_json, worker->length, FORBEAR_ADVISE_TRACE, &advice) != FORBEAR_OK ||
        strcmp(forbear_advice_json(advice), worker->expected_json) != 0) {
      ++worker->mismatches;
    }
    forbear_advice_free(&advice);
    if (forbear_advise(worker->rules, "[", 1, 0, &advice) != FORBEAR_ERROR_CASE) ++worker->mismatches;
  }
  return NULL;
}

static void test_threads(forbear_ruleset* rules) {
  size_t length = 0;
  char* xiaowang = read_file(cases_dir, "xiaowang.json", &length);
  forbear_advice* expected = NULL;
  CHECK(xiaowang != NULL && forbear_advise(rules, xiaowang, length, FORBEAR_ADVISE_TRACE, &expected) == FORBEAR_OK);
  if (!expected) return;
  CHECK(forbear_last_error() == FORBEAR_OK);

  enum { kThreads = 4 };
  pthread_t threads[kThreads];
  struct Worker workers[kThreads];
  for (int t = 0; t < kThreads; ++t) {
    workers[t] = (struct Worker){rules, xiaowang, length, forbear_advice_json(expected), 0};
    CHECK(pthread_create(&threads[t], NULL, advise_many_times, &workers[t]) == 0);
  }
  for (int t = 0; t < kThreads; ++t) {
    pthread_join(threads[t], NULL);
    CHECK(workers[t].mismatches == 0);
  }
  /* The workers' case errors did not touch this thread's last error. */
  CHECK(forbear_last_error() == FORBEAR_OK);
  CHECK_STR(forbear_last_error_message(), "");
  forbear_advice_free(&expected);
  free(xiaowang);
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: forbear_c_api_test RULES_DIR CASES_DIR\n");
    return 2;
  }
  rules_dir = argv[1];
  cases_dir = argv[2];

  test_version();
  test_load_shipped_rules();
  test_load_broken_rules();
  forbear_ruleset* rules = load_shipped();
  test_advise_good_case(rules);
  test_advise_bad_cases(rules);
  test_null_arguments(rules);
  test_threads(rules);
  forbear_ruleset_free(&rules);
  forbear_ruleset_free(&rules);
  CHECK(rules == NULL);

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  else printf("c_api: all checks passed\n");
  return failures ? 1 : 0;
}
