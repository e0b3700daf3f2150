'use strict';
// One Node engine on the peer workload, one case at a time:
//   node bench.js --engine json-rules-engine|zen-engine --model FILE --cases cases.jsonl --out FILE [--runs N]
// Writes one output line per case (checked against the reference by run.sh) and prints one summary line.
// The cases are parsed into JS objects first. Load = reading the model file and building the engine.

const { readCases, writeOutcomes, medianUsPerCase, parseArguments, printSummary } = require('./workload');
const { loadJsonRulesEngine, evaluateJsonRulesEngine } = require('./json_rules_engine_workload');
const { loadZenEngine, evaluateZenEngine } = require('./zen_engine_workload');

const ENGINES = {
  'json-rules-engine': {
    name: `json-rules-engine ${require('json-rules-engine/package.json').version}`,
    detail: 'engine.run(case) + summing the success events',
    load: loadJsonRulesEngine,
    evaluate: (engine, facts) => evaluateJsonRulesEngine(engine, facts),
    traced: null,
  },
  'zen-engine': {
    name: `zen-engine ${require('@gorules/zen-engine/package.json').version}`,
    detail: 'decision.evaluate(case) + reading the result',
    load: loadZenEngine,
    evaluate: (loaded, facts) => evaluateZenEngine(loaded, facts, false),
    traced: (loaded, facts) => evaluateZenEngine(loaded, facts, true),
  },
};

async function main() {
  const args = parseArguments(process.argv.slice(2));
  const spec = ENGINES[args.engine];
  if (!spec) throw new Error(`unknown --engine ${args.engine}`);
  const runs = Number(args.runs || 7);
  const cases = readCases(args.cases);

  const rssBeforeLoad = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const engine = spec.load(args.model);
  const loadMs = Number(process.hrtime.bigint() - start) / 1e6;

  const outcomes = [];
  for (const facts of cases) outcomes.push(await spec.evaluate(engine, facts));
  writeOutcomes(args.out, cases, outcomes);

  const usPerCase = await medianUsPerCase(cases.length, runs, (i) => spec.evaluate(engine, cases[i]));
  const usPerCaseTrace = spec.traced
    ? await medianUsPerCase(cases.length, runs, (i) => spec.traced(engine, cases[i])) : null;
  printSummary({ engine: spec.name, detail: spec.detail, loadMs, usPerCase, usPerCaseTrace, runs, cases: cases.length },
    rssBeforeLoad);
}

main().catch((error) => {
  console.error(`bench.js: ${error.stack || error}`);
  process.exit(1);
});
