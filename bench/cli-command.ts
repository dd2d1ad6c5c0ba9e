/**
 * How a bench starts a build of the CLI: with the Node flags its first line gives it
 * (`#!/usr/bin/env -S node <flags>`), as running `headcount` from a shell or through npm's shim does.
 * Spawning `node <cli>` alone would measure a process no user runs. A build whose first line has no
 * flags (an earlier version) runs as before.
 */
import { readFileSync } from 'node:fs';

/** The arguments to `node` that run `cli` as its own first line would, `cli` included. */
export function cliCommand(cli: string): string[] {
  const first = readFileSync(cli, 'utf8').slice(0, 200).split('\n', 1)[0] ?? '';
  const flags = /^#!\/usr\/bin\/env -S node\s+(.*)$/.exec(first)?.[1]?.trim().split(/\s+/) ?? [];
  return [...flags, cli];
}
