"""Shared fixtures: the source tree, the shipped rules, the example cases and the built CLI.

ctest runs these tests with PYTHONPATH pointing at the built module (build/bindings/python) and
FORBEAR_SOURCE_DIR / FORBEAR_CLI_PATH set; see bindings/python/CMakeLists.txt.
"""
import json
import os
import pathlib
import subprocess

import pytest

import forbear

SOURCE_DIR = pathlib.Path(os.environ.get("FORBEAR_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[3]))
RULES_DIR = SOURCE_DIR / "rules"
CASES_DIR = SOURCE_DIR / "examples" / "cases"
DIAGNOSTICS_DIR = SOURCE_DIR / "tests" / "data" / "diagnostics"


def read_case(name):
    """The example case NAME (examples/cases/NAME.json) as a dict."""
    return json.loads((CASES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def example_case_names():
    return sorted(path.stem for path in CASES_DIR.glob("*.json"))


@pytest.fixture(scope="session")
def rules():
    """The shipped rules, loaded once by their absolute path (as the CLI below is given them)."""
    return forbear.RuleSet.load(str(RULES_DIR))


@pytest.fixture(scope="session")
def cli():
    """Runs the built `forbear` command; returns its CompletedProcess (text mode)."""
    path = os.environ.get("FORBEAR_CLI_PATH")
    if not path:
        pytest.fail("FORBEAR_CLI_PATH is not set: run these tests through ctest")

    def run(*args, input=None):
        return subprocess.run([path, *map(str, args)], input=input, capture_output=True, text=True, check=False)

    return run
