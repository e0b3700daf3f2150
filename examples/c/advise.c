/* A C host program: load the shipped rules, advise on one case, print the top strategy.
 *
 *   advise RULES_DIR CASE.json        exits 1 on rule errors, 2 on a bad case */

#include <stdio.h>
#include <stdlib.h>

#include <forbear.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: advise RULES_DIR CASE.json\n");
    return 2;
  }

  forbear_ruleset* rules = NULL;
  const char* paths[] = {argv[1]};
  if (forbear_ruleset_load_paths(paths, 1, &rules, NULL) != FORBEAR_OK) {
    fprintf(stderr, "%s", forbear_last_error_message());  /* the rule errors, file:line:column */
    return 1;
  }

  FILE* file = fopen(argv[2], "rb");
  char case_json[65536];
  size_t length = file ? fread(case_json, 1, sizeof case_json, file) : 0;
  if (file) fclose(file);

  forbear_advice* advice = NULL;
  if (forbear_advise(rules, case_json, length, 0, &advice) != FORBEAR_OK) {
    fprintf(stderr, "%s: %s\n", argv[2], forbear_last_error_message());
    forbear_ruleset_free(&rules);
    return 2;
  }
  const char* top = forbear_advice_top_strategy(advice);
  printf("rules: %s %s\n", forbear_ruleset_name(rules), forbear_ruleset_version(rules));
  printf("top: %s\n", top ? top : "(none)");
  printf("%s\n", forbear_advice_json(advice));

  forbear_advice_free(&advice);
  forbear_ruleset_free(&rules);
  return 0;
}
