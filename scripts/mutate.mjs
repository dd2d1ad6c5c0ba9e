// npm run mutate [-- <part>... [--concurrency N]] (parts first, then Stryker options): Stryker over main/core, main/service,
// main/shell and main/common,
// one part at a time (each folder's own files, and each subfolder), so that a long run can be done in
// pieces and a second run re-tests only what changed in each. Then the score per folder, from every
// part's report (scripts/mutation-summary.mjs).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const FOLDERS = ['main/core', 'main/service', 'main/shell', 'main/common'];

/** Parts by name (`core`, `core-alerts`, `service`…) with the globs each mutates. */
function parts() {
  const found = new Map();
  for (const folder of FOLDERS) {
    const name = folder.replace('main/', '');
    found.set(name, [`${folder}/*.ts`]);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) found.set(`${name}-${entry.name}`, [`${folder}/${entry.name}/**/*.ts`]);
    }
  }
  return found;
}

const all = parts();
const args = process.argv.slice(2);
const options = args.filter((arg, i) => arg.startsWith('--') || args[i - 1]?.startsWith('--'));
const asked = args.filter((arg) => !options.includes(arg));
const unknown = asked.filter((name) => !all.has(name));
if (unknown.length > 0) {
  console.error(`Unknown part ${unknown.join(', ')}: the parts are ${[...all.keys()].join(', ')}.`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : [...all.keys()]) {
  console.log(`\n== ${name}: ${all.get(name).join(', ')}`);
  const run = spawnSync('npx', ['stryker', 'run', ...options], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_PART: name, MUTATION_FILES: all.get(name).join(',') },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const reports = [...all.keys()].map((name) => join('reports/mutation', name, 'mutation.json'));
const summary = spawnSync(process.execPath, ['scripts/mutation-summary.mjs', ...reports], {
  stdio: 'inherit',
});
process.exit(summary.status ?? 1);
