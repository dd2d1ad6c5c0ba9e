/**
 * The layer map of biome.json, proved on a copy of the tree: from a file in each layer, an import of
 * every other layer passes or fails `biome lint` exactly as the map says, and an import cycle fails,
 * type-only or not. `npm test` lints the real tree with the same rules.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Who may import whom (README, Layout). Every layer may import itself. */
const MAY_IMPORT: Record<string, string[]> = {
  'main/common': [],
  'main/contract': ['main/common'],
  'main/core': ['main/common'],
  'main/simulator': ['main/core', 'main/common'],
  'main/service': ['main/core', 'main/common', 'main/contract'],
  'main/shell': ['main/common', 'main/contract'],
  'main/node': ['main/service', 'main/core', 'main/common', 'main/contract', 'main/simulator'],
  'main/electron': [
    'main/common',
    'main/contract',
    'main/core',
    'main/simulator',
    'main/service',
    'main/shell',
    'main/node',
  ],
  renderer: ['main/common', 'main/contract'],
};

/** A real file of each layer, and of the folders no layer may import. */
const TARGETS: Record<string, string> = {
  'main/common': 'main/common/time-of-day.ts',
  'main/contract': 'main/contract/monitor-api.ts',
  'main/core': 'main/core/clock.ts',
  'main/simulator': 'main/simulator/index.ts',
  'main/service': 'main/service/views.ts',
  'main/shell': 'main/shell/tray-state.ts',
  'main/node': 'main/node/file-port.ts',
  'main/electron': 'main/electron/ipc.ts',
  renderer: 'renderer/dom.ts',
  test: 'test/support/fake-clock.ts',
  bench: 'bench/distribution.ts',
};

interface Probe {
  file: string;
  source: string;
  allowed: boolean;
}

const probes: Probe[] = [];
for (const [layer, allowed] of Object.entries(MAY_IMPORT)) {
  for (const [target, file] of Object.entries(TARGETS)) {
    const probe = `${layer}/layer-probe-${target.replace('/', '-')}.ts`;
    let source = relative(dirname(probe), file).replace(/\.ts$/, '');
    if (!source.startsWith('.')) source = `./${source}`;
    probes.push({ file: probe, source, allowed: target === layer || allowed.includes(target) });
  }
  probes.push({
    file: `${layer}/layer-probe-electron.ts`,
    source: 'electron',
    allowed: layer === 'main/electron',
  });
}
// What runs in the page as well as in main imports no Node module.
for (const layer of ['main/common', 'main/contract'])
  probes.push({ file: `${layer}/layer-probe-node-fs.ts`, source: 'node:fs', allowed: false });

const CYCLE = ['main/core/cycle-probe-a.ts', 'main/core/cycle-probe-b.ts'];

interface Diagnostic {
  category: string;
  location: { path: string };
}

let copy: string;
let diagnostics: Diagnostic[];

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'headcount-layers-'));
  for (const part of ['biome.json', 'main', 'renderer', 'test/support', 'bench']) {
    cpSync(part, join(copy, part), { recursive: true });
  }
  for (const probe of probes) {
    writeFileSync(join(copy, probe.file), `export * from '${probe.source}';\n`);
  }
  // Types only, and still a cycle: it would let one type drift with the other's file.
  writeFileSync(
    join(copy, CYCLE[0] as string),
    "import type { B } from './cycle-probe-b';\nexport type A = B[];\n",
  );
  writeFileSync(
    join(copy, CYCLE[1] as string),
    "import type { A } from './cycle-probe-a';\nexport type B = A | 0;\n",
  );
  mkdirSync(join(copy, 'node_modules'), { recursive: true });
  const biome = resolve('node_modules/.bin/biome');
  const run = await promisify(execFile)(biome, ['lint', '--reporter=json', '--max-diagnostics=none', '.'], {
    cwd: copy,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((failed: { stdout: string }) => failed);
  diagnostics = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}, 60_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }));

const flagged = (file: string, rule: string) =>
  diagnostics.some((d) => d.location.path === file && d.category === `lint/${rule}`);

describe('the layer map', () => {
  it.each(probes.map((p) => [p.file, p.source, p.allowed] as const))(
    '%s importing %s: allowed %s',
    (file, _source, allowed) => {
      expect(flagged(file, 'style/noRestrictedImports')).toBe(!allowed);
    },
  );

  it('refuses an import cycle, even one of types only', () => {
    for (const file of CYCLE) expect(flagged(file, 'suspicious/noImportCycles')).toBe(true);
  });

  it('finds nothing else to refuse in the tree as it is', () => {
    const probeFiles = new Set([...probes.map((p) => p.file), ...CYCLE]);
    const layerRules = ['lint/style/noRestrictedImports', 'lint/suspicious/noImportCycles'];
    const others = diagnostics.filter(
      (d) => layerRules.includes(d.category) && !probeFiles.has(d.location.path),
    );
    expect(others.map((d) => `${d.location.path}: ${d.category}`)).toEqual([]);
  });
});
