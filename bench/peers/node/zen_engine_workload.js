'use strict';
// The workload on GoRules zen-engine: the decision graph of bench/peers/zen/peer_workload.json
// (expression node `derive`, decision table `rules` with hit policy collect, expression nodes `score`
// and `top`) computes everything; one evaluation = decision.evaluate(case) + reading the result.

const fs = require('node:fs');
const { ZenEngine } = require('@gorules/zen-engine');

function loadZenEngine(modelPath) {
  const model = JSON.parse(fs.readFileSync(modelPath, 'utf8'));
  const engine = new ZenEngine();
  return { engine, decision: engine.createDecision(model) };
}

async function evaluateZenEngine(loaded, facts, trace) {
  const { result } = await loaded.decision.evaluate(facts, trace ? { trace: true } : undefined);
  return { fired: result.fired, scores: result.scores, top: result.top };
}

module.exports = { loadZenEngine, evaluateZenEngine };
