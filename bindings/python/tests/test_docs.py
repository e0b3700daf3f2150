"""docs/en/python.md and docs/zh/python.md: every `>>>` example runs and prints what the page shows,
and both languages show the same Python examples."""
import doctest
import re

import pytest

from conftest import SOURCE_DIR

PAGES = {lang: SOURCE_DIR / "docs" / lang / "python.md" for lang in ("en", "zh")}


def python_blocks(lang):
    return re.findall(r"```python\n(.*?)```", PAGES[lang].read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_every_example_prints_what_the_page_shows(monkeypatch, lang):
    monkeypatch.chdir(SOURCE_DIR)  # the examples load "rules"
    # The blocks in order, as one session: later examples use the names earlier ones defined.
    session = "\n".join(python_blocks(lang))
    test = doctest.DocTestParser().get_doctest(session, {}, f"python.md ({lang})", str(PAGES[lang]), 0)
    assert len(test.examples) >= 8
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_both_languages_show_the_same_examples():
    assert python_blocks("en") == python_blocks("zh")
