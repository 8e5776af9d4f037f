#!/usr/bin/env node
// Runs every stage's benchmark in turn (each prints its own markdown table beside its peer).
// Usage: npm run bench            (all)
//        npm run bench -- repair   (only the named ones)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const all = ['normalise', 'lexicon-load', 'lexicon-quality', 'repair', 'extract', 'dedupe', 'run'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : all;
let failed = 0;
for (const name of wanted) {
  const file = join(here, `${name}.mjs`);
  if (!existsSync(file)) { console.error(`bench: no bench/${name}.mjs`); failed++; continue; }
  console.log(`\n## bench/${name}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', file], { stdio: 'inherit' });
  if (r.status !== 0) { console.error(`bench/${name} exited with ${r.status}`); failed++; }
}
process.exitCode = failed ? 1 : 0;
