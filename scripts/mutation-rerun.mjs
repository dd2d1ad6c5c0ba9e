// node scripts/mutation-rerun.mjs [reports folder]: tests again, one at a time, every mutant a report
// counts as survived although its run completed no test. Stryker's vitest runner (9.6.1) sometimes
// loses a mutant's run, its tests collected but never run, and scores the mutant as a survivor
// (stryker-js#6073, #6213): here each such mutant is written into a scratch worktree of HEAD, the
// tests that cover it run under vitest.mutate.config.ts, and the verdict replaces the report's (and
// the incremental file's beside it, so that the next incremental run keeps it). A mutant whose file
// has changed since its run is left as it is: run its piece again instead.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve('.');
const folder = process.argv[2] ?? 'reports/mutation';
const TIME_LIMIT_MS = 180_000;

const reports = readdirSync(folder, { recursive: true })
  .map(String)
  .filter((path) => path.endsWith('mutation.json'))
  .map((path) => join(folder, path));

/** The mutants of a report that survived without a test run, with the names of their tests. */
function lostRuns(report) {
  const names = new Map();
  for (const [file, entry] of Object.entries(report.testFiles ?? {}))
    for (const test of entry.tests) names.set(test.id, { file, name: test.name });
  const lost = [];
  for (const [path, entry] of Object.entries(report.files))
    for (const mutant of entry.mutants)
      if (mutant.status === 'Survived' && mutant.testsCompleted === 0 && mutant.coveredBy?.length > 0)
        lost.push({ path, source: entry.source, mutant, tests: mutant.coveredBy.map((id) => names.get(id)) });
  return lost;
}

/** `source` with the mutant's replacement at its place (lines and columns count from 1). */
function mutated(source, { location, replacement }) {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const offset = ({ line, column }) => lineStarts[line - 1] + column - 1;
  return source.slice(0, offset(location.start)) + replacement + source.slice(offset(location.end));
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs the tests on the mutated scratch copy: Killed, Survived or Timeout, with what ran. */
function verdict(scratch, tests) {
  const output = join(scratch, 'rerun.json');
  rmSync(output, { force: true });
  const files = [...new Set(tests.map((test) => test.file))];
  const pattern = tests.map((test) => escapeRegExp(test.name)).join('|');
  const run = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'vitest.mutate.config.ts',
      '--reporter=json',
      `--outputFile=${output}`,
      '-t',
      pattern,
      ...files,
    ],
    { cwd: scratch, encoding: 'utf8', timeout: TIME_LIMIT_MS },
  );
  if (run.error?.code === 'ETIMEDOUT') return { status: 'Timeout', testsCompleted: 0 };
  if (!existsSync(output)) return { status: 'Unknown', reason: (run.stderr || run.stdout).slice(-400) };
  const result = JSON.parse(readFileSync(output, 'utf8'));
  const ran = result.testResults
    .flatMap((file) => file.assertionResults)
    .filter((test) => test.status !== 'skipped' && test.status !== 'pending');
  const failed = ran.find((test) => test.status === 'failed');
  if (failed)
    return {
      status: 'Killed',
      testsCompleted: ran.length,
      reason: `Re-run alone: ${failed.fullName} failed.`,
    };
  if (ran.length === 0) return { status: 'Unknown', reason: 'no test ran again' };
  return { status: 'Survived', testsCompleted: ran.length };
}

const scratch = mkdtempSync(join(tmpdir(), 'headcount-mutation-rerun-'));
spawnSync('git', ['worktree', 'add', '--detach', '--quiet', scratch, 'HEAD'], { stdio: 'inherit' });
symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
let changed = 0;
try {
  for (const reportPath of reports) {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    const lost = lostRuns(report);
    if (lost.length === 0) continue;
    const incrementalPath = join(dirname(reportPath), 'incremental.json');
    const incremental = existsSync(incrementalPath)
      ? JSON.parse(readFileSync(incrementalPath, 'utf8'))
      : null;
    for (const { path, source, mutant, tests } of lost) {
      const where = `${path}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName}`;
      const file = join(scratch, path);
      if (readFileSync(file, 'utf8') !== source) {
        console.log(`${where}: the file changed since its run; run its piece again.`);
        continue;
      }
      writeFileSync(file, mutated(source, mutant));
      const found = verdict(scratch, tests);
      writeFileSync(file, source);
      console.log(`${where}: ${found.status}${found.reason ? ` (${found.reason})` : ''}`);
      if (found.status === 'Unknown') continue;
      for (const target of [report.files[path], incremental?.files[path]]) {
        const same = target?.mutants.find(
          (other) =>
            other.mutatorName === mutant.mutatorName &&
            other.replacement === mutant.replacement &&
            JSON.stringify(other.location) === JSON.stringify(mutant.location),
        );
        if (!same) continue;
        same.status = found.status;
        same.testsCompleted = found.testsCompleted;
        same.statusReason = found.reason ?? 'Re-run alone: no test failed.';
      }
      changed++;
    }
    writeFileSync(reportPath, JSON.stringify(report));
    if (incremental) writeFileSync(incrementalPath, JSON.stringify(incremental, null, 2));
  }
} finally {
  spawnSync('git', ['worktree', 'remove', '--force', scratch], { stdio: 'inherit' });
}
console.log(`${changed} mutant(s) tested again.`);
