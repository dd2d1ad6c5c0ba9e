/**
 * A small stand-in for the `electron` module, for unit tests of the Electron adapter (the real one
 * cannot run here: its runtime binary is downloaded on first launch). Only the APIs the adapter
 * uses, each in its own file, recording what was called so tests can assert the wiring. Vitest
 * resolves `electron` to this file (vitest.config.ts).
 */
export * from './ipc';
