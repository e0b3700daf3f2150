'use strict';
// What both Node drivers share: the workload's fixed strategy order, the glue that turns points and
// vetoes into final scores and a top strategy (peer-workload.md §5), reading cases, timing one case at
// a time, memory, and the summary line run.sh reads.

const fs = require('node:fs');

const STRATEGIES = ['grace_period', 'extension', 'installment', 'fee_waiver',
  'stop_collection', 'written_application', 'escalate', 'third_party'];

/** Final scores (vetoed strategies at 0) and the top strategy ("none" when the best score is 0). */
function finish(raw, vetoed) {
  const scores = {};
  let top = 'none';
  let best = 0;
  for (const strategy of STRATEGIES) {
    const score = vetoed.has(strategy) ? 0 : (raw[strategy] || 0);
    scores[strategy] = score;
    if (score > best) {
      best = score;
      top = strategy;
    }
  }
  return { scores, top };
}

function readCases(path) {
  return fs.readFileSync(path, 'utf8').split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line));
}

function writeOutcomes(path, cases, outcomes) {
  const lines = outcomes.map((outcome, i) => JSON.stringify({
    id: cases[i].id, scores: outcome.scores, fired: outcome.fired, top: outcome.top,
  }));
  fs.writeFileSync(path, lines.join('\n') + '\n');
}

/** Median µs per case over `runs` timed passes, after one untimed pass. */
async function medianUsPerCase(count, runs, evaluate) {
  let sink = 0;
  for (let i = 0; i < count; i++) sink += (await evaluate(i)).top.length;
  const perCase = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) sink += (await evaluate(i)).top.length;
    perCase.push(Number(process.hrtime.bigint() - start) / 1000 / count);
  }
  if (sink < 0) console.error(sink);  // keeps the results alive
  perCase.sort((a, b) => a - b);
  const middle = Math.floor(perCase.length / 2);
  return perCase.length % 2 === 1 ? perCase[middle] : (perCase[middle - 1] + perCase[middle]) / 2;
}

function parseArguments(argv) {
  const values = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) throw new Error(`expected --NAME VALUE, got ${argv[i]}`);
    values[argv[i].slice(2)] = argv[i + 1];
  }
  return values;
}

function printSummary(summary, rssBeforeLoad) {
  const mib = (bytes) => bytes / (1024 * 1024);
  console.log(JSON.stringify({
    engine: summary.engine,
    detail: summary.detail,
    load_ms: summary.loadMs,
    us_per_case: summary.usPerCase,
    us_per_case_trace: summary.usPerCaseTrace ?? null,
    runs: summary.runs,
    cases: summary.cases,
    rss_mib: process.resourceUsage().maxRSS / 1024,
    rss_added_mib: mib(process.memoryUsage().rss - rssBeforeLoad),
  }));
}

module.exports = { STRATEGIES, finish, readCases, writeOutcomes, medianUsPerCase, parseArguments, printSummary };
