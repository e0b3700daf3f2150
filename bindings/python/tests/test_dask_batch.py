"""examples/dask_batch.py: every line of a partitioned JSON Lines data set scored on a Dask
LocalCluster, in input order, bad lines kept as error records with their file and line number."""
import importlib.util
import json
import subprocess
import sys

import pytest

from conftest import RULES_DIR, SOURCE_DIR, example_case_names, read_case

SCRIPT = SOURCE_DIR / "examples" / "dask_batch.py"


@pytest.fixture(scope="module")
def dask_batch():
    spec = importlib.util.spec_from_file_location("dask_batch", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_lines(data):
    """The lines of a file as `forbear batch` reads them: ended by \\n (or \\r\\n) or by the end."""
    pieces = data.split(b"\n")
    if pieces[-1] == b"":
        pieces.pop()
    return [piece[:-1] if piece.endswith(b"\r") else piece for piece in pieces]


TRICKY = (b'{"a": 1}\n\r\n\n{"b": "' + b"x" * 40 + b'"}\r\n' + b"short\n" + b"y" * 90 + b"\n" + b"last without end")


@pytest.mark.parametrize("data", [TRICKY, b"", b"\n", b"one", b"\n\nthree\n", TRICKY + b"\n"])
def test_blocks_of_any_size_give_every_line_once_with_its_number(dask_batch, tmp_path, data):
    path = tmp_path / "data.jsonl"
    path.write_bytes(data)
    expected = list(enumerate(reference_lines(data), start=1))
    for blocksize in list(range(1, len(data) + 2)) + [10**6]:
        numbers = dask_batch.LineNumbers()
        seen = []
        for block in dask_batch.plan_blocks([path], blocksize):
            newlines, skipped, lines = dask_batch.read_block(*block)
            first = numbers.first_line(path, newlines, skipped)
            seen += [(first + i, text) for i, (text, length) in enumerate(lines)]
        assert seen == expected, blocksize


def test_a_line_longer_than_a_case_may_be_is_refused_without_being_read_whole(dask_batch, tmp_path):
    path = tmp_path / "long.jsonl"
    limit = dask_batch.MAX_CASE_BYTES
    path.write_bytes(b"{}\n" + b" " * (3 * limit) + b"\r\n{}")
    lines = []
    for block in dask_batch.plan_blocks([path], limit // 2):
        lines += dask_batch.read_block(*block)[2]
    assert [(len(text) <= limit + 1, length) for text, length in lines] == [(True, 2), (True, 3 * limit + 1), (True, 2)]
    assert dask_batch.read_case(*lines[1]) == (None, f"case of {3 * limit + 1} bytes, larger than the limit of {limit} bytes")


def make_data_set(folder):
    """Three files mixing good and bad lines; returns their paths and, per output line in input
    order, (file, line, case dict) for a good line or (file, line, expected errors) for a bad one."""
    good = [dict(read_case(name), id=f"{name}-{i}") for i in range(3) for name in example_case_names()]
    lines_a = [json.dumps(case, ensure_ascii=False).encode() for case in good[:20]]
    lines_a.insert(3, b'{"days_overdue": "abc"}')
    lines_a.insert(7, b"   ")
    lines_a[10] = lines_a[10] + b"\r"  # CRLF
    lines_b = [json.dumps(case, ensure_ascii=False).encode() for case in good[20:]]
    lines_b.insert(0, b'{"days_overdue": 3, "amount": ')
    lines_b.insert(4, b'{"days_overdue": 1, "days_overdue": 2}')
    lines_b.insert(5, b'{"days_overdue": 18446744073709551616}')
    lines_b.insert(9, b'{"product": "\xff"}')
    lines_b.insert(12, b'{"amount": NaN}')
    lines_b.insert(14, b'{"id": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    lines_b.insert(15, b'[1, 2]')
    files = {"a.jsonl": b"\n".join(lines_a) + b"\n", "b.jsonl": b"\n".join(lines_b), "empty.jsonl": b""}
    bad = {
        ("a.jsonl", 4): [{"field": "days_overdue", "message": 'expected int, got a string "abc"'}],
        ("a.jsonl", 8): [{"field": "", "message": "blank line (expected a JSON object of facts)"}],
        ("b.jsonl", 1): [{"field": "", "message": "invalid JSON at column 31: Expecting value"}],
        ("b.jsonl", 5): [{"field": "", "message": "invalid JSON: key 'days_overdue' given twice in one object"}],
        ("b.jsonl", 6): [{"field": "days_overdue", "message": "expected an int within the signed 64-bit range "
                          "(-9223372036854775808 to 9223372036854775807), got 18446744073709551616"}],
        ("b.jsonl", 10): [{"field": "", "message": "not UTF-8: byte 0xFF at offset 13"}],
        ("b.jsonl", 13): [{"field": "", "message": "invalid JSON: NaN is not a JSON number"}],
        ("b.jsonl", 15): [{"field": "", "message": "invalid JSON: nested too deeply to be read"}],
        ("b.jsonl", 16): [{"field": "", "message": "expected a dict of facts, got list"}],
    }
    paths, expected = [], []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
        for number, text in enumerate(reference_lines(data), start=1):
            if (name, number) in bad:
                expected.append((str(path), number, bad[(name, number)]))
            else:
                expected.append((str(path), number, json.loads(text)))
    assert len(expected) == len(good) + len(bad)
    return paths, expected


def test_every_line_scored_on_a_local_cluster_in_order(rules, tmp_path):
    paths, expected = make_data_set(tmp_path)
    output = tmp_path / "advice.jsonl"
    finished = subprocess.run(
        [sys.executable, str(SCRIPT), "--rules", str(RULES_DIR), "--output", str(output), "--blocksize", "1500",
         *map(str, paths)],
        capture_output=True, text=True, timeout=240, check=False)
    assert finished.returncode == 2, finished.stderr  # some lines failed
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(expected)
    for record, (path, number, want) in zip(records, expected):
        if isinstance(want, list):
            assert record == {"file": path, "line": number, "errors": want}
        else:
            assert record == rules.advise(want), (path, number)
    summary = finished.stderr.strip().splitlines()[-1]
    good = sum(1 for _, _, want in expected if isinstance(want, dict))
    assert f"{len(expected)} lines: {good} advised, {len(expected) - good} failed, in " in summary
    assert "on 2 workers (rules loaded 1 time(s) per worker" in summary
    blocks = int(summary.split(" in ")[1].split()[0])
    assert blocks > 4  # the files were cut into blocks, more than there are workers


def test_rule_errors_stop_before_any_cluster_starts(tmp_path):
    broken = tmp_path / "broken.rules"
    broken.write_text('ruleset broken version "1"\nfact x: int\nlet y = z + 1\n', encoding="utf-8")
    data = tmp_path / "cases.jsonl"
    data.write_text("{}\n", encoding="utf-8")
    finished = subprocess.run([sys.executable, str(SCRIPT), "--rules", str(broken), str(data)],
                              capture_output=True, text=True, timeout=60, check=False)
    assert finished.returncode == 1
    assert finished.stderr.startswith(f"{broken}:3:9: error: unknown name 'z'")
