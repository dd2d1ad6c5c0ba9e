// Prints the mutation score of each mutated folder and of every file under 80 %, from Stryker's JSON
// reports (the parts scripts/mutate.mjs writes, or the paths given), and exits 1 when main/core or
// main/service is under 80 % or a file under 65 %.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FOLDER_TARGET = 80;
const FILE_FLOOR = 65;
const GATED = new Set(['main/core', 'main/service']);
/** Statuses a test noticed (a timeout counts: the mutant made the code hang). */
const DETECTED = new Set(['Killed', 'Timeout']);
/** Statuses no test noticed. Compile errors, ignored (static) mutants and runtime errors do not count. */
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function reportPaths() {
  if (process.argv.length > 2) return process.argv.slice(2);
  const root = 'reports/mutation';
  if (!existsSync(root)) return [];
  return readdirSync(root).map((part) => join(root, part, 'mutation.json'));
}

function tally(mutants) {
  const counts = { detected: 0, undetected: 0 };
  for (const { status } of mutants) {
    if (DETECTED.has(status)) counts.detected++;
    else if (UNDETECTED.has(status)) counts.undetected++;
  }
  return counts;
}

const score = ({ detected, undetected }) =>
  detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
const percent = (value) => `${value.toFixed(1)} %`;

const files = new Map();
for (const path of reportPaths()) {
  if (!existsSync(path)) {
    console.log(`No report at ${path}: that part has not run yet.`);
    continue;
  }
  console.log(`${path}: ${statSync(path).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [name, file] of Object.entries(report.files)) files.set(name, tally(file.mutants));
}

const folders = new Map();
for (const [name, counts] of files) {
  const folder = name.split('/').slice(0, 2).join('/');
  const sum = folders.get(folder) ?? { detected: 0, undetected: 0, files: 0 };
  folders.set(folder, {
    detected: sum.detected + counts.detected,
    undetected: sum.undetected + counts.undetected,
    files: sum.files + 1,
  });
}

let failed = false;
console.log('\nMutation score per folder (detected / (detected + undetected)):');
for (const [folder, counts] of [...folders].sort()) {
  const value = score(counts);
  if (value < FOLDER_TARGET && GATED.has(folder)) failed = true;
  const total = counts.detected + counts.undetected;
  console.log(
    `  ${folder.padEnd(14)} ${percent(value).padStart(8)}  ${counts.detected}/${total} in ${counts.files} files`,
  );
}
const low = [...files]
  .filter(([, counts]) => score(counts) < FOLDER_TARGET)
  .sort((a, b) => score(a[1]) - score(b[1]));
console.log(low.length === 0 ? '\nNo file under 80 %.' : '\nFiles under 80 %:');
for (const [name, counts] of low) {
  if (score(counts) < FILE_FLOOR) failed = true;
  console.log(`  ${percent(score(counts)).padStart(8)}  ${name} (${counts.undetected} undetected)`);
}
process.exitCode = failed ? 1 : 0;
