"""RuleSet.advise: the same advice as the command line, values converted exactly, bad facts raised."""
import json
import pickle

import pytest

import forbear
from conftest import RULES_DIR, example_case_names, read_case


def cli_advice(cli, case, *options):
    shown = cli("advise", "--rules", RULES_DIR, "--format", "json", *options, "-", input=json.dumps(case))
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


def test_xiaowang_gets_installment_first_as_from_the_cli(rules, cli):
    case = read_case("xiaowang")
    advice = rules.advise(case)
    assert advice["strategies"][0]["id"] == "installment"
    assert advice["strategies"][0]["rank"] == 1
    assert advice == cli_advice(cli, case)
    assert list(advice) == list(cli_advice(cli, case))  # the keys in the schema's order too
    assert len(advice["trace"]["rules"]) > 50


def test_without_trace_as_the_cli_with_no_trace(rules, cli):
    case = read_case("xiaowang")
    advice = rules.advise(case, trace=False)
    assert advice == cli_advice(cli, case, "--no-trace")
    assert advice["trace"] == {"values": [], "rules": []}


@pytest.mark.parametrize("name", example_case_names())
def test_every_example_case_as_from_the_cli(rules, cli, name):
    case = read_case(name)
    assert rules.advise(case) == cli_advice(cli, case)


def test_the_case_id_comes_back_exactly(rules):
    # JSON has no limit on integers, a double does: 2**62 + 1 must not come back as 2**62.
    case_id = {"account": 2**62 + 1, "low": -(2**63), "parts": [1, 2.5, None, True, "小王", []], "empty": {}}
    advice = rules.advise({"id": case_id, "days_overdue": 10})
    assert advice["id"] == case_id
    assert type(advice["id"]["account"]) is int
    assert type(advice["id"]["parts"][0]) is int and type(advice["id"]["parts"][1]) is float
    assert list(advice)[0] == "id"


def test_numbers_are_read_exactly(rules, cli):
    case = dict(read_case("xiaowang"), amount=24000.35, monthly_income=8000.1)
    advice = rules.advise(case)
    assert advice == cli_advice(cli, case)
    # A whole float is accepted for an int fact, as producers with only doubles send 20.0 for 20.
    assert rules.advise(dict(case, days_overdue=20.0)) == advice


def case_error(rules, case):
    with pytest.raises(forbear.CaseError) as raised:
        rules.advise(case)
    return raised.value


def test_bad_facts_raise_case_error_with_each_field(rules):
    error = case_error(rules, {"days_overdue": "abc", "hardshp": "illness", "product": "loan"})
    assert error.errors == [
        {"field": "days_overdue", "message": 'expected int, got a string "abc"'},
        {"field": "hardshp", "message": "unknown fact 'hardshp' (did you mean 'hardship'?)"},
        {"field": "product", "message": 'expected one of credit_card, online_loan, consumer_installment, bnpl, got "loan"'},
    ]
    assert str(error) == "\n".join(f"{e['field']}: {e['message']}" for e in error.errors)
    assert isinstance(error, ValueError)


def test_out_of_range_and_wrong_kind(rules):
    assert case_error(rules, {"days_overdue": -1}).errors == [
        {"field": "days_overdue", "message": "expected int >= 0, got -1"}]
    assert case_error(rules, {"days_overdue": 20.5}).errors == [
        {"field": "days_overdue", "message": "expected int, got 20.5, which is not a whole number"}]
    assert case_error(rules, {"has_proof": 1}).errors == [
        {"field": "has_proof", "message": "expected bool, got an integer 1"}]


def test_python_values_json_cannot_hold_are_case_errors(rules):
    limit = "(-9223372036854775808 to 9223372036854775807)"
    assert case_error(rules, {"days_overdue": 2**63}).errors == [
        {"field": "days_overdue", "message": f"expected an int within the signed 64-bit range {limit}, got 9223372036854775808"}]
    assert case_error(rules, {"id": [1, {"n": -(2**200)}]}).errors == [
        {"field": "id", "message": f"at [1]['n']: expected an int within the signed 64-bit range {limit}, got an int of 201 bits"}]
    assert case_error(rules, {"days_overdue": {1, 2}}).errors == [
        {"field": "days_overdue", "message": "expected None, bool, int, float, str, list, tuple or dict, got set"}]
    assert case_error(rules, {"id": {3: "x"}}).errors == [
        {"field": "id", "message": "expected str keys, got a key of type int"}]
    [bad_text] = case_error(rules, {"product": "\ud800"}).errors
    assert bad_text["field"] == "product"
    assert bad_text["message"].startswith("expected a str that is valid Unicode, got one that is not: ")
    assert case_error(rules, [("days_overdue", 3)]).errors == [
        {"field": "", "message": "expected a dict of facts, got list"}]
    assert str(case_error(rules, None)) == "expected a dict of facts, got NoneType"


def test_every_problem_of_a_case_is_reported_at_once(rules):
    error = case_error(rules, {"hardshp": "illness", "days_overdue": "abc", "amount": 2**70, "product": {1, 2}})
    assert error.errors == [
        {"field": "amount", "message": "expected an int within the signed 64-bit range "
                                       "(-9223372036854775808 to 9223372036854775807), got 1180591620717411303424"},
        {"field": "days_overdue", "message": 'expected int, got a string "abc"'},
        {"field": "hardshp", "message": "unknown fact 'hardshp' (did you mean 'hardship'?)"},
        {"field": "product", "message": "expected None, bool, int, float, str, list, tuple or dict, got set"},
    ]


def test_nesting_is_bounded_even_for_a_list_that_holds_itself(rules):
    deep = []
    deep.append(deep)
    assert case_error(rules, {"id": deep}).errors == [
        {"field": "id", "message": "at " + "[0]" * 31 + ": nested deeper than 32 levels (the limit)"}]
    # 31 levels below the case (32 with it) are within the limit.
    nested = "x"
    for _ in range(31):
        nested = [nested]
    assert rules.advise({"id": nested}, trace=False)["id"] == nested


def test_integer_types_with_index_are_ints(rules):
    class Days:
        def __index__(self):
            return 20

    assert rules.advise({"days_overdue": Days()}, trace=False) == rules.advise({"days_overdue": 20}, trace=False)


def test_case_error_pickles_with_its_errors(rules):
    error = case_error(rules, {"days_overdue": "abc"})
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is forbear.CaseError
    assert (str(copy), copy.errors) == (str(error), error.errors)
