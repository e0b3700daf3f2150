"""forbear.RuleSet.load / from_string: what loads, what it reports, and how rule errors are raised."""
import ast
import json
import pathlib
import pickle
import sysconfig

import pytest

import forbear
from conftest import DIAGNOSTICS_DIR, RULES_DIR, read_case

TINY_RULES = """ruleset tiny version "2.1"
fact days_overdue: int in 0.. "days past due"
strategy wait { en: "Wait" }

rule late
  when days_overdue > 30
  then wait += 1
  because "Late."
  source "guide"
"""


def test_module_has_a_version_and_documented_functions():
    assert forbear.__version__.count(".") == 2
    for function in (forbear.RuleSet.load, forbear.RuleSet.from_string, forbear.RuleSet.advise, forbear.RuleSet.advise_many):
        assert function.__doc__ and len(function.__doc__) > 80
    assert issubclass(forbear.RuleError, Exception)
    assert issubclass(forbear.CaseError, Exception)


def test_the_module_is_built_for_this_interpreter_and_its_stubs_list_its_api():
    module = pathlib.Path(forbear.__file__)
    assert module.name == "forbear" + sysconfig.get_config_var("EXT_SUFFIX")
    stubs = ast.parse((module.parent / "forbear.pyi").read_text(encoding="utf-8"))
    declared = {node.name: node for node in stubs.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
    assert set(declared) == {name for name in dir(forbear) if not name.startswith("_")}
    methods = {item.name for item in declared["RuleSet"].body if isinstance(item, ast.FunctionDef)}
    assert methods == {name for name in dir(forbear.RuleSet) if not name.startswith("_")}


def test_the_shipped_rules_load_with_the_name_version_and_hash_the_cli_reports(rules, cli):
    shown = cli("advise", "--rules", RULES_DIR, "--format", "json", "--no-trace", "-",
                input=json.dumps(read_case("xiaowang")))
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["ruleset"] == {"name": rules.name, "version": rules.version, "sha256": rules.sha256}
    assert len(rules.sha256) == 64
    assert rules.warnings == []
    assert rules.sources == [str(path) for path in sorted(RULES_DIR.glob("*.rules"))]
    assert repr(rules) == f"<forbear.RuleSet {rules.name} {rules.version} sha256={rules.sha256[:12]}...>"


def test_paths_may_be_str_pathlike_or_a_list_of_them(rules):
    files = sorted(RULES_DIR.glob("*.rules"))
    assert forbear.RuleSet.load(RULES_DIR).sha256 == rules.sha256
    assert forbear.RuleSet.load([str(path) for path in files]).sha256 == rules.sha256
    assert forbear.RuleSet.load(tuple(files)).sha256 == rules.sha256
    # Another order of the same files is another rule set.
    assert forbear.RuleSet.load(list(reversed(files))).sha256 != rules.sha256
    with pytest.raises(TypeError, match="expected a path .str or os.PathLike. or a list of paths, got int"):
        forbear.RuleSet.load(42)


def test_facts_describe_what_a_case_may_give(rules):
    facts = {fact["name"]: fact for fact in rules.facts}
    assert "days_overdue" in facts and "has_proof" in facts
    assert set(facts["days_overdue"]) == {"name", "type", "accepts", "description", "has_default"}
    assert facts["days_overdue"]["type"] == "int"
    assert facts["has_proof"]["type"] == "bool"
    assert set(facts["days_overdue"]["description"]) == {"zh", "en"}


def test_from_string():
    tiny = forbear.RuleSet.from_string(TINY_RULES, name="tiny.rules")
    assert (tiny.name, tiny.version, tiny.sources) == ("tiny", "2.1", ["tiny.rules"])
    assert tiny.facts == [{"name": "days_overdue", "type": "int", "accepts": "int >= 0",
                           "description": {"zh": "days past due", "en": "days past due"}, "has_default": False}]
    advice = tiny.advise({"days_overdue": 31})
    assert [(s["id"], s["score"]) for s in advice["strategies"]] == [("wait", 1)]
    assert forbear.RuleSet.from_string(TINY_RULES).sources == ["<string>"]


def golden(name):
    """The rules and the expected rendered diagnostics of tests/data/diagnostics/NAME."""
    return DIAGNOSTICS_DIR / f"{name}.rules", (DIAGNOSTICS_DIR / f"{name}.expected").read_text(encoding="utf-8")


def test_rule_errors_raise_with_the_rendered_text_and_each_diagnostic(monkeypatch):
    # Loaded by the file's name from its folder, as the golden file names it.
    monkeypatch.chdir(DIAGNOSTICS_DIR)
    path, expected = golden("duplicate_names")
    with pytest.raises(forbear.RuleError) as raised:
        forbear.RuleSet.load(path.name)
    assert str(raised.value) + "\n" == expected
    assert raised.value.diagnostics == [
        {"file": "duplicate_names.rules", "line": 4, "column": 6, "end_line": 4, "end_column": 12,
         "severity": "error", "message": "fact 'amount' is declared twice",
         "notes": [{"file": "duplicate_names.rules", "line": 2, "column": 6, "message": "first declared here"}]},
        {"file": "duplicate_names.rules", "line": 5, "column": 10, "end_line": 5, "end_column": 21,
         "severity": "error", "message": "strategy 'installment' is declared twice",
         "notes": [{"file": "duplicate_names.rules", "line": 3, "column": 10, "message": "first declared here"}]},
    ]


@pytest.mark.parametrize("name", ["bom_crlf", "chinese_before_error", "cycle", "missing_then", "several_syntax_errors"])
def test_rule_errors_render_as_the_golden_files(monkeypatch, name):
    monkeypatch.chdir(DIAGNOSTICS_DIR)
    path, expected = golden(name)
    with pytest.raises(forbear.RuleError) as raised:
        forbear.RuleSet.load(path.name)
    assert str(raised.value) + "\n" == expected
    errors = [d for d in raised.value.diagnostics if d["severity"] == "error"]
    assert errors and all(d["file"] == path.name for d in errors)
    # Every header line of the rendered text is one diagnostic or note, in the same order.
    headers = [line for line in expected.splitlines() if line.startswith(path.name + ":")]
    flattened = []
    for d in raised.value.diagnostics:
        flattened.append(f"{d['file']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']}")
        flattened += [f"{n['file']}:{n['line']}:{n['column']}: note: {n['message']}" for n in d["notes"]]
    assert flattened == headers


def test_warnings_are_kept_on_a_rule_set_that_loads(monkeypatch):
    monkeypatch.chdir(DIAGNOSTICS_DIR)
    path, expected = golden("lint_unused")
    loaded = forbear.RuleSet.load(path.name)
    assert [(w["line"], w["column"], w["severity"], w["message"]) for w in loaded.warnings] == [
        (4, 6, "warning", "fact 'has_proof' is not used: no rule, derived fact or text reads it; use it in a rule or remove it"),
        (6, 5, "warning", "derived fact 'very_long_overdue' is not used: no rule, derived fact or text reads it; "
                          "use it, remove it, or make it an 'output' to publish it"),
    ]
    assert [w["message"] for w in loaded.warnings] == [
        line.split(": warning: ", 1)[1] for line in expected.splitlines() if ": warning: " in line]


def test_a_missing_file_is_a_rule_error(tmp_path):
    missing = tmp_path / "nowhere.rules"
    with pytest.raises(forbear.RuleError) as raised:
        forbear.RuleSet.load(missing)
    [diagnostic] = raised.value.diagnostics
    assert diagnostic["severity"] == "error"
    assert str(missing) in diagnostic["message"]
    assert (diagnostic["file"], diagnostic["line"], diagnostic["column"]) == (None, None, None)
    assert str(raised.value) == f"forbear: error: {diagnostic['message']}"


def test_rule_error_pickles_with_its_diagnostics():
    with pytest.raises(forbear.RuleError) as raised:
        forbear.RuleSet.from_string("ruleset broken version \"1\"\nfact x: int\nlet y = z + 1\n", name="broken.rules")
    copy = pickle.loads(pickle.dumps(raised.value))
    assert type(copy) is forbear.RuleError
    assert str(copy) == str(raised.value)
    assert copy.diagnostics == raised.value.diagnostics
    assert copy.diagnostics[0]["file"] == "broken.rules" and copy.diagnostics[0]["line"] == 3
