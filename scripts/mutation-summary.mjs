// Prints the mutation score of each mutated folder and of every file under 80 %, from Stryker's JSON
// reports (every part scripts/mutate.mjs wrote, folder parts and file parts, or the paths given; where
// two reports cover a file, the newer counts), and exits 1 when main/core or
// main/service is under 80 % or a file under 65 %. A part stopped before its end has no report; its
// events (each mutant's result as it was known) give the score of the mutants it tested, marked as
// partial, with how many were left.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const FOLDER_TARGET = 80;
const FILE_FLOOR = 65;
const GATED = new Set(['main/core', 'main/service']);
/** Statuses a test noticed (a timeout counts: the mutant made the code hang). */
const DETECTED = new Set(['Killed', 'Timeout']);
/** Statuses no test noticed. Compile errors, ignored (static) mutants and runtime errors do not count. */
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Each part's report path: a folder holding a report or the events of a part stopped midway. */
function reportPaths() {
  if (process.argv.length > 2) return process.argv.slice(2);
  const parts = [];
  const visit = (folder) => {
    const names = readdirSync(folder);
    if (names.includes('mutation.json') || names.includes('events')) {
      parts.push(join(folder, 'mutation.json'));
      return;
    }
    for (const name of names) if (statSync(join(folder, name)).isDirectory()) visit(join(folder, name));
  };
  if (existsSync('reports/mutation')) visit('reports/mutation');
  return parts;
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

/** Per file: detected, undetected, and mutants planned but not yet tested (a stopped part). */
const files = new Map();
const stamp = (path) => `${statSync(path).mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** A stopped part: its planned mutants, and the results of those it tested. */
function readEvents(folder) {
  const names = readdirSync(folder).sort();
  const planFile = names.find((name) => name.endsWith('-onMutationTestingPlanReady.json'));
  if (!planFile) return null;
  const plan = JSON.parse(readFileSync(join(folder, planFile), 'utf8'));
  const tested = names
    .filter((name) => name.endsWith('-onMutantTested.json'))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')));
  const done = new Set(tested.map((mutant) => mutant.id));
  const early = plan.mutantPlans.filter((entry) => entry.plan !== 'Run').map((entry) => entry.mutant);
  const left = plan.mutantPlans.filter((entry) => entry.plan === 'Run' && !done.has(entry.mutant.id));
  return { mutants: [...early, ...tested], left: left.map((entry) => entry.mutant) };
}

/** A file's figures from one report; a newer report of the same file replaces an older one. */
function add(name, time, mutants, left = []) {
  if ((files.get(name)?.time ?? 0) > time) return;
  const counts = tally(mutants);
  files.set(name, { ...counts, time, left: left.filter((mutant) => mutant.fileName === name).length });
}

let partial = false;
for (const path of reportPaths()) {
  const events = join(dirname(path), 'events');
  if (existsSync(path)) {
    console.log(`${path}: ${stamp(path)}`);
    const report = JSON.parse(readFileSync(path, 'utf8'));
    const time = statSync(path).mtimeMs;
    for (const [name, file] of Object.entries(report.files)) add(name, time, file.mutants);
    continue;
  }
  const stopped = existsSync(events) ? readEvents(events) : null;
  if (!stopped) {
    console.log(`No report at ${path}: that part has not run yet.`);
    continue;
  }
  partial = true;
  const named = (mutant) => ({ ...mutant, fileName: relative('.', mutant.fileName) });
  const mutants = stopped.mutants.map(named);
  const left = stopped.left.map(named);
  console.log(
    `${events}: running or stopped before its end, ${left.length} mutants not tested yet (${stamp(events)})`,
  );
  for (const name of new Set([...mutants, ...left].map((mutant) => mutant.fileName))) {
    add(
      name,
      statSync(events).mtimeMs,
      mutants.filter((mutant) => mutant.fileName === name),
      left,
    );
  }
}

const folders = new Map();
for (const [name, counts] of files) {
  const folder = name.split('/').slice(0, 2).join('/');
  const sum = folders.get(folder) ?? { detected: 0, undetected: 0, left: 0, files: 0 };
  folders.set(folder, {
    detected: sum.detected + counts.detected,
    undetected: sum.undetected + counts.undetected,
    left: sum.left + counts.left,
    files: sum.files + 1,
  });
}

let failed = false;
console.log('\nMutation score per folder (detected / (detected + undetected)):');
for (const [folder, counts] of [...folders].sort()) {
  const value = score(counts);
  if (value < FOLDER_TARGET && GATED.has(folder)) failed = true;
  const total = counts.detected + counts.undetected;
  const left = counts.left > 0 ? `, ${counts.left} not tested` : '';
  console.log(
    `  ${folder.padEnd(14)} ${percent(value).padStart(8)}  ${counts.detected}/${total} in ${counts.files} files${left}`,
  );
}
const low = [...files]
  .filter(([, counts]) => score(counts) < FOLDER_TARGET)
  .sort((a, b) => score(a[1]) - score(b[1]));
console.log(low.length === 0 ? '\nNo file under 80 %.' : '\nFiles under 80 %:');
for (const [name, counts] of low) {
  if (score(counts) < FILE_FLOOR) failed = true;
  const left = counts.left > 0 ? `, ${counts.left} not tested` : '';
  console.log(`  ${percent(score(counts)).padStart(8)}  ${name} (${counts.undetected} undetected${left})`);
}
if (partial) console.log('\nPartial: a part has not finished; its figures count only the mutants it tested.');
process.exitCode = failed || partial ? 1 : 0;
