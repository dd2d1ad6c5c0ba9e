/**
 * Where a process's CPU time went, from the .cpuprofile files `node --cpu-prof` wrote: self time
 * by group (the bundle's own modules, by their source file; Node's internals; GC; the rest) and the
 * functions that took the most. The bundle's source files are found from the `// path` lines esbuild
 * writes before each module.
 *
 *   node dist/bench/profile-summary.js <profile.cpuprofile>... [--top N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
// Without --top, topIndex + 1 is 0: the first file is not --top's number.
const files = args.filter((arg, i) => !arg.startsWith('--') && (topIndex < 0 || i !== topIndex + 1));

/** For each bundle, the line each module starts at, so a line number names its source file. */
const modulesOf = new Map<string, Array<{ line: number; path: string }>>();
function sourceOf(url: string, line: number): string {
  if (!url.startsWith('file://')) return url;
  let modules = modulesOf.get(url);
  if (!modules) {
    modules = [];
    // A build since rebuilt leaves its profile's files gone: then the file's own name must do.
    const path = fileURLToPath(url);
    if (existsSync(path))
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((text, i) => {
          if (/^\/\/ (main|bench|test|renderer)\/.*\.ts$/.test(text))
            modules?.push({ line: i, path: text.slice(3) });
        });
    modulesOf.set(url, modules);
  }
  let found = url.slice(url.lastIndexOf('/') + 1);
  for (const module of modules) if (module.line <= line) found = module.path;
  return found;
}

function groupOf(frame: ProfileNode['callFrame']): string {
  const { functionName, url, lineNumber } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:');
  if (url.includes('/node_modules/'))
    return url.slice(url.lastIndexOf('/node_modules/') + 14).split('/')[0] ?? url;
  return sourceOf(url, lineNumber);
}

const byGroup = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += us;
    const group = groupOf(node.callFrame);
    byGroup.set(group, (byGroup.get(group) ?? 0) + us);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${group}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  });
}
const show = (table: Map<string, number>) =>
  [...table]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, us]) =>
        `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`,
    )
    .join('\n');
process.stdout.write(
  `busy ${(total / 1e6).toFixed(2)} s (idle left out)\n\nby group, self time:\n${show(byGroup)}\n\nby function, self time:\n${show(byFunction)}\n`,
);
