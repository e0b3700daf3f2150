'use strict';
// Turns the summary lines of one run (one JSON object per engine, from the drivers) into the markdown
// table of the peer comparison:
//   node report.js SUMMARY.jsonl
// The ratio column is each engine's time per case divided by forbear's (the row named "forbear").

const fs = require('node:fs');

const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));
const forbear = rows.find((row) => row.engine === 'forbear');

const number = (value, digits) => (value === null || value === undefined ? '–' : value.toFixed(digits));
const micros = (value) => (value === null || value === undefined ? '–' : value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(1) : value.toFixed(0));
const ratio = (row) => {
  if (!forbear) return '–';
  const r = row.us_per_case / forbear.us_per_case;
  return r >= 10 ? `${r.toFixed(0)}x` : `${r.toFixed(r < 0.1 ? 3 : 2)}x`;
};

console.log('| engine | one evaluation | load (ms) | µs/case, no trace | µs/case, with trace | vs forbear | peak RSS (MiB) | RSS added (MiB) |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  console.log(`| ${row.engine} | ${row.detail} | ${number(row.load_ms, 2)} | ${micros(row.us_per_case)} | ` +
    `${micros(row.us_per_case_trace)} | ${ratio(row)} | ${number(row.rss_mib, 1)} | ${number(row.rss_added_mib, 1)} |`);
}
const first = rows[0] ?? { cases: 0, runs: 0 };
console.log('');
console.log(`${first.cases} cases, one at a time with the result read back; medians of ${first.runs} timed passes ` +
  `after one warm-up pass; Node ${process.version}.`);
