// Static security scan of the Electron layer with @doyensec/electronegativity: the main-process
// adapter and preload (main/electron) and the renderer, scanned together so its app-wide checks
// (navigation limits, permission handler, CSP) see the whole app. Electronegativity's own exit code
// is 0 whatever it finds, so this script reads its findings and exits 1 on any HIGH one, or on a
// file it could not parse (a file it did not scan).
//
//   node scripts/security-scan.mjs [folder...]   (default: main/electron renderer)
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// Electronegativity fetches translations from the internet at every start (with `got`); the scan must
// stay on this machine, so its `got` answers "offline" at once and it keeps its bundled English.
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity'));
toolRequire.cache[toolRequire.resolve('got')] = {
  exports: () => Promise.reject(new Error('The security scan makes no network requests.')),
};
const electronegativity = require('@doyensec/electronegativity');
const run = electronegativity.default ?? electronegativity;
const { version: toolVersion } = require('@doyensec/electronegativity/package.json');

const root = fileURLToPath(new URL('..', import.meta.url));
const folders = process.argv.length > 2 ? process.argv.slice(2) : ['main/electron', 'renderer'];
const SOURCES = new Set(['.ts', '.tsx', '.js', '.mjs', '.cjs', '.html', '.htm']);
// AVAILABLE_SECURITY_FIXES asks GitHub whether a newer Electron exists: a question about the
// dependency, not about this code, and one that needs the network.
const EXCLUDED = ['availablesecurityfixesglobalcheck'];
const HIGH = 3;

async function exists(path) {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function scan() {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const electronVersion = String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(
    /^[^\d]*/,
    '',
  );
  if (!electronVersion) {
    console.error(
      'security scan: package.json names no electron version; without it every default is assumed insecure.',
    );
    return 1;
  }

  const work = await mkdtemp(join(tmpdir(), 'headcount-scan-'));
  let scanned = 0;
  const present = [];
  try {
    for (const folder of folders) {
      const from = resolve(root, folder);
      if (!(await exists(from))) continue;
      present.push(folder);
      // Findings name files by their path in the project; a folder outside it keeps only its name.
      const inside = relative(root, from);
      const to = join(work, inside.startsWith('..') || isAbsolute(inside) ? basename(from) : inside);
      await cp(from, to, {
        recursive: true,
        filter: async (source) => {
          if ((await stat(source)).isDirectory()) return true;
          const take = SOURCES.has(extname(source).toLowerCase());
          if (take) scanned++;
          return take;
        },
      });
    }
    if (scanned === 0) {
      console.error(`security scan: no source files in ${folders.join(', ')}.`);
      return 1;
    }

    const started = performance.now();
    // Electronegativity talks on stdout while it loads (translations it cannot fetch offline); keep
    // that out of the report.
    const log = console.log;
    console.log = () => {};
    let result;
    try {
      result = await run(
        {
          input: work,
          customScan: [],
          excludeFromScan: EXCLUDED,
          isRelative: true,
          isVerbose: false,
          electronVersionOverride: electronVersion,
          parserPlugins: [],
        },
        false,
      );
    } finally {
      console.log = log;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);

    const issues = result.issues
      .map((issue) => ({
        severity: issue.severity.name,
        level: issue.severity.value,
        confidence: issue.confidence.name,
        id: issue.id,
        where:
          issue.file === 'N/A'
            ? 'whole app'
            : `${issue.file}:${issue.location.line}:${issue.location.column}`,
        review: issue.manualReview,
        description: String(issue.description ?? '').split('\n')[0],
      }))
      .sort((a, b) => b.level - a.level || a.id.localeCompare(b.id));
    const unparsed = result.errors.filter((error) => !error.tolerable);

    console.log(
      `Electronegativity ${toolVersion} over ${present.join(', ')} (Electron ${electronVersion}): ` +
        `${scanned} files, ${result.atomicChecks + result.globalChecks} checks, ${seconds} s`,
    );
    for (const issue of issues) {
      console.log(
        `  ${issue.severity.padEnd(13)} ${issue.confidence.padEnd(9)} ${issue.id}  ${issue.where}` +
          `${issue.review ? '  (review)' : ''}\n      ${issue.description}`,
      );
    }
    for (const error of unparsed)
      console.log(`  NOT SCANNED  ${relative(work, error.file)}: ${error.message}`);

    const high = issues.filter((issue) => issue.level >= HIGH);
    if (high.length > 0 || unparsed.length > 0) {
      console.log(
        `FAILED: ${high.length} high-severity finding(s)` +
          (unparsed.length > 0 ? `, ${unparsed.length} file(s) that could not be parsed` : '') +
          '.',
      );
      return 1;
    }
    console.log('No high-severity finding.');
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

process.exitCode = await scan();
