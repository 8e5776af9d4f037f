import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    shims: true,
  },
  {
    // run-worker: the child process the archive run reads inputs in (src/run/isolate.ts).
    entry: { cli: 'src/cli/main.ts', 'run-worker': 'src/run/input-worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // Repair scoring for bench/repair.mjs (not part of the package's API; tests import the source).
    entry: { 'eval-heldout': 'src/eval/heldout.ts' },
    format: ['esm'],
    target: 'node20',
  },
]);
