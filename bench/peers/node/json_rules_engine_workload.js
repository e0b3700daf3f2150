'use strict';
// The workload on json-rules-engine: the rules and shared conditions of
// bench/peers/json-rules-engine/peer_workload.json, plus the two dynamic facts the engine cannot
// compute itself (it has no arithmetic). One evaluation = engine.run(case) + summing the events.

const fs = require('node:fs');
const { Engine } = require('json-rules-engine');
const { finish } = require('./workload');

function loadJsonRulesEngine(rulesPath) {
  const spec = JSON.parse(fs.readFileSync(rulesPath, 'utf8'));
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const [name, conditions] of Object.entries(spec.conditions)) engine.setCondition(name, conditions);
  engine.addFact('surplus', async (params, almanac) =>
    (await almanac.factValue('monthly_income')) - (await almanac.factValue('monthly_expenses')));
  engine.addFact('six_months_surplus', async (params, almanac) => (await almanac.factValue('surplus')) * 6);
  for (const rule of spec.rules) engine.addRule(rule);
  return engine;
}

async function evaluateJsonRulesEngine(engine, facts) {
  const { events } = await engine.run(facts);
  const raw = {};
  const vetoed = new Set();
  const fired = [];
  for (const event of events) {
    fired.push(event.type);
    if (event.params.veto) vetoed.add(event.params.veto);
    for (const [strategy, points] of Object.entries(event.params.points || {})) raw[strategy] = (raw[strategy] || 0) + points;
  }
  return { fired, ...finish(raw, vetoed) };
}

module.exports = { loadJsonRulesEngine, evaluateJsonRulesEngine };
