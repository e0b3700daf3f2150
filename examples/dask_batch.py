"""Advice for a partitioned JSON Lines data set, scored on a Dask cluster through the forbear module.

    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/dask_batch.py \
        --rules rules/ --output advice.jsonl accounts-*.jsonl
    ... --scheduler tcp://scheduler.example:8786    # a running cluster instead of a local one

Each input file is cut into blocks of --blocksize bytes; each block is one Dask task, which advises
on the lines that start in it. Every worker loads the rule set once, when it joins (a worker
plugin), and checks that it is the rule set the client loaded (same SHA-256). Every input line gives
exactly one output line, in input order (the files in the order given, then line by line), as
`forbear batch` does: the advice as JSON, or for a line that cannot be advised on
{"file": ..., "line": N, "errors": [{"field": ..., "message": ...}]}.

The input files and the rules must be readable under the same paths on every worker (a shared
file system), and the forbear module importable there. Exit status: 0 when every line was advised
on, 1 for errors in the rules, 2 when some line failed (its error record is in the output).
"""
import argparse
import json
import os
import pathlib
import sys
import time

import forbear

# A longer line is refused without being read whole, as `forbear batch` refuses it (the limit on
# one case's JSON text, forbear::Limits::max_case_bytes).
MAX_CASE_BYTES = 1024 * 1024
PLUGIN_NAME = "forbear-rules"


# ---- on the workers ----------------------------------------------------------------------------

class RulesPlugin:
    """Loads the rule set once on each worker (and on every worker that joins later).

    A plain class with the methods of distributed.WorkerPlugin: the plugin is pickled to the
    workers, and this module need not be importable there.
    """

    name = PLUGIN_NAME

    def __init__(self, paths, sha256):
        self.paths = paths
        self.sha256 = sha256
        self.rules = None
        self.loads = 0
        self.blocks = 0

    def setup(self, worker):
        import forbear  # noqa: F811 - imported in the worker's process

        rules = forbear.RuleSet.load(self.paths)  # a RuleError reaches the client with its diagnostics
        if rules.sha256 != self.sha256:
            raise RuntimeError(f"worker {worker.address} loaded other rules from {self.paths}: sha256 {rules.sha256}, "
                               f"the client's is {self.sha256}")
        self.rules = rules
        self.loads += 1


def read_rest_of_line(file, start):
    """The line that begins with `start` and goes on at the file's position, up to its "\n" or the
    end of the file: (its bytes without the "\n", up to MAX_CASE_BYTES + 1 of them; its length)."""
    kept = bytearray(start[:MAX_CASE_BYTES + 1])
    length = len(start)
    while True:
        chunk = file.readline(1 << 16)
        ended = chunk.endswith(b"\n")
        if ended:
            chunk = chunk[:-1]
        length += len(chunk)
        kept += chunk[:MAX_CASE_BYTES + 1 - len(kept)]
        if ended or not chunk:
            break
    return bytes(kept), length


def read_block(path, start, end):
    """The lines that start in bytes [start, end) of the file.

    Returns (newlines, skipped, lines): the number of b"\\n" in [start, end); 1 when the block
    begins inside a line (which belongs to the block before), else 0; and each line as
    (bytes without the line end, kept up to MAX_CASE_BYTES + 1 bytes; its length in bytes). A line
    is what `forbear batch` reads as one: ended by "\\n" or "\\r\\n", or the end of the file.
    """
    with open(path, "rb") as file:
        starts_line = True
        if start > 0:
            file.seek(start - 1)
            starts_line = file.read(1) == b"\n"
        data = file.read(end - start)
        newlines = data.count(b"\n")
        pieces = data.split(b"\n")
        last = pieces.pop()  # after the block's last "\n": a line going on past `end`, or b""
        skipped = 0
        if not starts_line:
            skipped = 1
            if pieces:
                pieces.pop(0)
            else:  # no line starts in this block
                last = b""
        lines = [(piece, len(piece)) for piece in pieces]
        if last:
            lines.append(read_rest_of_line(file, last))
    cleaned = []
    for text, length in lines:
        if text.endswith(b"\r") and length == len(text):  # a line kept whole; a longer one is refused anyway
            text, length = text[:-1], length - 1
        cleaned.append((text, length))
    return newlines, skipped, cleaned


def _object_without_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"key '{key}' given twice in one object")
        seen[key] = value
    return seen


def _refuse_constant(name):
    raise ValueError(f"{name} is not a JSON number")


def read_case(text, length):
    """A line's facts as a dict, or the error (a message) that keeps it from being a case."""
    if length > MAX_CASE_BYTES:
        return None, f"case of {length} bytes, larger than the limit of {MAX_CASE_BYTES} bytes"
    if not text.strip(b" \t\r"):
        return None, "blank line (expected a JSON object of facts)"
    try:
        decoded = text.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, f"not UTF-8: byte 0x{text[error.start]:02X} at offset {error.start}"
    try:
        return json.loads(decoded, object_pairs_hook=_object_without_duplicates, parse_constant=_refuse_constant), None
    except json.JSONDecodeError as error:
        return None, f"invalid JSON at column {error.colno}: {error.msg}"
    except ValueError as error:
        return None, f"invalid JSON: {error}"
    except RecursionError:
        return None, "invalid JSON: nested too deeply to be read"


def score_block(path, start, end, sha256, trace, threads):
    """Advises on the lines that start in bytes [start, end) of the file, with the worker's rules.

    Returns (newlines, skipped, outcomes): as read_block for the first two; outcomes holds one
    entry per line, in order: the advice as a JSON text, or (line's index in the block, errors).
    """
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN_NAME]
    if plugin.rules is None or plugin.rules.sha256 != sha256:
        raise RuntimeError(f"this worker has not loaded the rules with sha256 {sha256}")
    plugin.blocks += 1
    newlines, skipped, lines = read_block(path, start, end)
    outcomes = [None] * len(lines)
    cases, positions = [], []
    for index, (text, length) in enumerate(lines):
        case, problem = read_case(text, length)
        if problem is None:
            cases.append(case)
            positions.append(index)
        else:
            outcomes[index] = (index, [{"field": "", "message": problem}])
    # The whole block in one call: evaluated in C++ threads, without the GIL.
    for index, result in zip(positions, plugin.rules.advise_many(cases, threads=threads, trace=trace)):
        if "strategies" not in result:  # {"index": i, "errors": [...]}
            outcomes[index] = (index, result["errors"])
        else:
            outcomes[index] = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    return newlines, skipped, outcomes


def worker_report(dask_worker):
    """How often this worker loaded the rules, and how many blocks it scored."""
    plugin = dask_worker.plugins[PLUGIN_NAME]
    return {"loads": plugin.loads, "blocks": plugin.blocks}


# ---- on the client -----------------------------------------------------------------------------

def plan_blocks(paths, blocksize):
    """Each file's blocks as (path, start, end), files in the order given."""
    blocks = []
    for path in paths:
        size = os.path.getsize(path)
        starts = range(0, size, blocksize) if size > 0 else [0]
        blocks += [(path, start, min(start + blocksize, size)) for start in starts]
    return blocks


class LineNumbers:
    """The number of each block's first line, given the blocks of each file in order."""

    def __init__(self):
        self.newlines_before = {}  # per file: the "\n" in its blocks so far

    def first_line(self, path, newlines, skipped):
        """The 1-based number of the first line that starts in the next block of `path`, which holds
        `newlines` times "\n" and begins inside a line when `skipped` is 1 (see read_block)."""
        before = self.newlines_before.get(path, 0)
        self.newlines_before[path] = before + newlines
        return before + 1 + skipped


def run(client, rules, rule_paths, paths, out, blocksize, trace=True, threads=1, window=None):
    """Scores every line of the files on the cluster; writes one JSON line each to `out`, in order.

    `rules` is the rule set loaded on the client from `rule_paths`; each worker loads it from the
    same paths (relative ones from its working directory), as advice names the rule files by them.
    `window` bounds how many blocks are scored ahead of the one being written (default: four per
    worker thread), so that neither the cluster nor the client holds the whole data set.
    Returns (lines, failed, blocks).
    """
    from collections import deque

    client.register_worker_plugin(RulesPlugin([str(p) for p in rule_paths], rules.sha256), name=PLUGIN_NAME)
    if window is None:
        window = 4 * max(1, sum(client.nthreads().values()))
    blocks = plan_blocks(paths, blocksize)
    pending = deque()
    lines = failed = 0
    numbers = LineNumbers()

    def write_next():
        nonlocal lines, failed
        (path, _, _), future = pending.popleft()
        newlines, skipped, outcomes = future.result()
        first_line = numbers.first_line(path, newlines, skipped)
        for outcome in outcomes:
            if isinstance(outcome, str):
                out.write(outcome + "\n")
            else:
                index, errors = outcome
                record = {"file": str(path), "line": first_line + index, "errors": errors}
                out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
                failed += 1
        lines += len(outcomes)
        future.release()

    for block in blocks:
        pending.append((block, client.submit(score_block, *block, rules.sha256, trace, threads, pure=False)))
        if len(pending) >= window:
            write_next()
    while pending:
        write_next()
    return lines, failed, len(blocks)


def parse_arguments(argv):
    here = pathlib.Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSON Lines files of cases, one case per line")
    parser.add_argument("--rules", action="append", help="rule file or directory (repeatable; default: the shipped rules)")
    parser.add_argument("--output", "-o", help="where to write the advice (default: standard output)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 "
                                            "(default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the local cluster (default 2)")
    parser.add_argument("--threads", type=int, default=1, help="forbear threads per block (default 1)")
    parser.add_argument("--blocksize", type=int, default=32 * 1024 * 1024, help="bytes per block (default 32 MiB)")
    parser.add_argument("--no-trace", dest="trace", action="store_false", help="leave the rule trace out of the advice")
    arguments = parser.parse_args(argv)
    arguments.rules = arguments.rules or [str(here.parent / "rules")]
    if arguments.blocksize < 1 or arguments.threads < 1 or arguments.workers < 1:
        parser.error("--blocksize, --threads and --workers must be at least 1")
    return arguments


def main(argv=None):
    arguments = parse_arguments(argv)
    started = time.monotonic()
    try:
        rules = forbear.RuleSet.load(arguments.rules)  # here first: rule errors are shown before any cluster starts
    except forbear.RuleError as error:
        print(error, file=sys.stderr)
        return 1
    for path in arguments.inputs:
        if not os.path.isfile(path):
            print(f"dask_batch: error: cannot read {path}", file=sys.stderr)
            return 2

    from distributed import Client, LocalCluster

    if arguments.scheduler:
        cluster = None
        client = Client(arguments.scheduler)
    else:
        cluster = LocalCluster(n_workers=arguments.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    out = open(arguments.output, "w", encoding="utf-8") if arguments.output else sys.stdout
    try:
        lines, failed, blocks = run(client, rules, arguments.rules, arguments.inputs, out, arguments.blocksize,
                                    trace=arguments.trace, threads=arguments.threads)
        reports = client.run(worker_report)
    finally:
        if out is not sys.stdout:
            out.close()
        client.close()
        if cluster is not None:
            cluster.close()
    loads = sorted({report["loads"] for report in reports.values()})
    print(f"dask_batch: {lines} lines: {lines - failed} advised, {failed} failed, in {blocks} blocks on "
          f"{len(reports)} workers (rules loaded {'/'.join(map(str, loads))} time(s) per worker, "
          f"sha256 {rules.sha256[:12]}) in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
