// npm run mutate [-- <part>... [--in-pieces] [--concurrency N]] (parts first, then Stryker options):
// Stryker over main/core, main/service, main/shell and main/common, one part at a time (each folder's
// own files, and each subfolder), so that a long run can be done in pieces and a second run re-tests
// only what changed in each. With --in-pieces, each part asked runs as pieces of consecutive files of
// about PIECE_LINES lines (reports/mutation/pieces/<part>/<first file>/): a run stopped midway keeps
// every piece it finished. Then the score per folder, from every report (scripts/mutation-summary.mjs).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

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

/** The source files a part's globs name (`folder/*.ts` or `folder/sub/**\/*.ts`), in order. */
function filesOf(globs) {
  return globs.flatMap((glob) => {
    const folder = glob.replace(/\/(\*\*\/)?\*\.ts$/, '');
    const recursive = glob.includes('**');
    return readdirSync(folder, { recursive })
      .map((name) => join(folder, String(name)))
      .filter((path) => path.endsWith('.ts') && statSync(path).isFile())
      .sort();
  });
}

/**
 * About 350 mutants, 15 to 30 minutes with two test runners on a shared machine. Each piece first
 * starts its checker and test runners and runs the related tests once (over a minute at load), so a
 * piece per file would spend hours on that alone.
 */
const PIECE_LINES = 500;

/** A part's files, cut into runs of consecutive files of about PIECE_LINES source lines together. */
function piecesOf(globs) {
  const pieces = [[]];
  let lines = 0;
  for (const path of filesOf(globs)) {
    const count = readFileSync(path, 'utf8').split('\n').length;
    if (pieces.at(-1).length > 0 && lines + count > PIECE_LINES) {
      pieces.push([]);
      lines = 0;
    }
    pieces.at(-1).push(path);
    lines += count;
  }
  return pieces.filter((piece) => piece.length > 0);
}

const all = parts();
const inPieces = process.argv.includes('--in-pieces');
const args = process.argv.slice(2).filter((arg) => arg !== '--in-pieces');
const options = args.filter((arg, i) => arg.startsWith('--') || args[i - 1]?.startsWith('--'));
const asked = args.filter((arg) => !options.includes(arg));
const unknown = asked.filter((name) => !all.has(name));
if (unknown.length > 0) {
  console.error(`Unknown part ${unknown.join(', ')}: the parts are ${[...all.keys()].join(', ')}.`);
  process.exit(2);
}
const chosen = asked.length > 0 ? asked : [...all.keys()];
const runs = inPieces
  ? chosen.flatMap((name) =>
      piecesOf(all.get(name)).map((piece) => [`pieces/${name}/${basename(piece[0], '.ts')}`, piece]),
    )
  : chosen.map((name) => [name, all.get(name)]);
for (const [name, globs] of runs) {
  console.log(`\n== ${name}: ${globs.join(', ')}`);
  const run = spawnSync('npx', ['stryker', 'run', ...options], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_PART: name, MUTATION_FILES: globs.join(',') },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
// Mutants scored as survivors although no test ran for them (a fault of Stryker's vitest runner),
// each tested again on its own, then every report there is, parts and pieces: where two cover a
// file, the newer counts.
const rerun = spawnSync(process.execPath, ['scripts/mutation-rerun.mjs'], { stdio: 'inherit' });
if (rerun.status !== 0) process.exit(rerun.status ?? 1);
const summary = spawnSync(process.execPath, ['scripts/mutation-summary.mjs'], { stdio: 'inherit' });
process.exit(summary.status ?? 1);
