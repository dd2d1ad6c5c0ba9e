// `npm start`: the tray app in Electron, or, where Electron cannot run, one sentence that says why
// and what works without it, in place of the stack traces of electron's own launcher.
//
// The Electron runtime is a binary that the `electron` package downloads on first use; its launcher
// and installer need the Node version in its package's `engines`. Either can be missing: an older
// Node, or no internet (or a proxy) at the first start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const WITHOUT_ELECTRON =
  '`npm run demo` and `headcount serve --demo` (after `npm run build`) work without it';

function refuse(sentence) {
  process.stderr.write(`headcount: ${sentence}; ${WITHOUT_ELECTRON}.\n`);
  process.exit(1);
}

/** True when `version` ("20.20.2") is at least `minimum` ("22.12.0"). */
function atLeast(version, minimum) {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

const packageFile = require.resolve('electron/package.json');
const folder = dirname(packageFile);
const manifest = JSON.parse(readFileSync(packageFile, 'utf8'));
const needed = /(\d+\.\d+\.\d+)/.exec(manifest.engines?.node ?? '')?.[1];
const running = process.versions.node;
if (needed && !atLeast(running, needed))
  refuse(`Electron ${manifest.version} needs Node ${needed} or newer to start, and this is Node ${running}`);

/** The runtime's path, downloading it first if it is not there yet (as electron's launcher does). */
function runtimePath() {
  const pathFile = join(folder, 'path.txt');
  const binary = () => join(folder, 'dist', readFileSync(pathFile, 'utf8'));
  if (existsSync(pathFile) && existsSync(binary())) return binary();
  process.stderr.write(`headcount: downloading the Electron ${manifest.version} runtime (once)...\n`);
  const install = spawnSync(process.execPath, [join(folder, 'install.js')], { encoding: 'utf8' });
  if (install.status === 0 && existsSync(pathFile) && existsSync(binary())) return binary();
  const cause = /^\w*Error: (.+)$/m.exec(`${install.stderr}`)?.[1] ?? 'no answer';
  return refuse(`the Electron runtime is not installed and could not be downloaded (${cause})`);
}

const child = spawn(runtimePath(), ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
