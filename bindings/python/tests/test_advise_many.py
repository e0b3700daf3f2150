"""RuleSet.advise_many: results in input order, one error entry per bad case, any number of threads."""
import pytest

from conftest import example_case_names, read_case


def mixed_cases():
    """Every example case, with bad cases of each kind in between."""
    cases = []
    for name in example_case_names():
        cases.append(read_case(name))
        cases.append({"days_overdue": "abc", "id": name})  # wrong type
        cases.append(dict(read_case(name), days_overdue=2**64))  # beyond 64 bits
    cases.insert(1, ["not", "a", "dict"])
    cases.insert(5, {"hardshp": "illness"})
    return cases


def test_results_are_in_input_order_with_an_error_entry_for_each_bad_case(rules):
    cases = mixed_cases()
    results = rules.advise_many(cases, threads=4)
    assert len(results) == len(cases)
    for index, (case, result) in enumerate(zip(cases, results)):
        try:
            expected = rules.advise(case, trace=False)
        except Exception as error:  # noqa: BLE001 - the entry must say what advise would have raised
            assert result == {"index": index, "errors": error.errors}, index
        else:
            assert result == expected, index
    assert results[1] == {"index": 1, "errors": [{"field": "", "message": "expected a dict of facts, got list"}]}
    assert results[5] == {"index": 5, "errors": [
        {"field": "hardshp", "message": "unknown fact 'hardshp' (did you mean 'hardship'?)"}]}
    assert results[0]["strategies"][0]["id"] == rules.advise(read_case(example_case_names()[0]))["strategies"][0]["id"]
    errors = [r for r in results if "errors" in r]
    assert len(errors) == 2 * len(example_case_names()) + 2


def test_one_thread_and_four_threads_give_identical_results(rules):
    cases = mixed_cases() * 2
    assert rules.advise_many(cases, threads=1) == rules.advise_many(cases, threads=4)
    assert rules.advise_many(cases[:20], threads=1, trace=True) == rules.advise_many(cases[:20], threads=4, trace=True)
    assert rules.advise_many(cases) == rules.advise_many(cases, threads=1)


def test_trace_when_asked(rules):
    [with_trace, without] = rules.advise_many([read_case("xiaowang")], trace=True) + rules.advise_many([read_case("xiaowang")])
    assert with_trace == rules.advise(read_case("xiaowang"))
    assert without == rules.advise(read_case("xiaowang"), trace=False)
    assert with_trace["trace"]["rules"] and without["trace"] == {"values": [], "rules": []}


def test_any_iterable_and_none(rules):
    names = example_case_names()
    assert rules.advise_many(read_case(name) for name in names) == [rules.advise(read_case(n), trace=False) for n in names]
    assert rules.advise_many([], threads=4) == []


def test_threads_must_be_positive(rules):
    with pytest.raises(ValueError, match="threads must be at least 1, got 0"):
        rules.advise_many([read_case("xiaowang")], threads=0)
