// Prints `ci: N passed, M failed` from Jest's JSON results files; a run that never reached Jest (lint, typecheck)
// counts as one failure. Usage: summarize-jest.js <status> <results.json>... (each file of a run that took place).
const fs = require('node:fs');
const [statusArg, ...files] = process.argv.slice(2);
const status = Number(statusArg);
let passed = 0;
let failed = 0;
for (const file of files) {
  if (!fs.existsSync(file)) continue;
  const results = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`ci: ${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
