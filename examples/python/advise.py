"""A Python host's view of forbear: load the rules once, then advise on a case.

    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/advise.py RULES_DIR CASE.json

Prints the top strategy and the ids of the advice items; exits 1 on rule errors, 2 on bad case facts.
"""
import json
import sys

import forbear

rules_dir, case_file = sys.argv[1], sys.argv[2]
try:
    rules = forbear.RuleSet.load(rules_dir)
    with open(case_file, encoding="utf-8") as case:
        advice = rules.advise(json.load(case))
except forbear.RuleError as error:
    sys.exit(f"{error}")  # every diagnostic, with file:line:column (also in error.diagnostics)
except forbear.CaseError as error:
    print(error, file=sys.stderr)  # one "fact: problem" line each (also in error.errors)
    sys.exit(2)

print(f"rules: {rules.name} {rules.version}")
top = advice["strategies"][0] if advice["strategies"] else None
if top:
    print(f"top: {top['id']} ({top['score']} points) {top['label']['en']}")
print("advice:", ", ".join(item["id"] for item in advice["advice"]))
