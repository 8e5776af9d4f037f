#!/usr/bin/env node
// Repair time against input size, 10 kB to 20 MB, for three kinds of text: prose (OCR'd training
// text repeated), one long token without white space, and Chinese. Each size runs in a child
// process of its own (a fresh heap; the lexicon load is excluded: repair of the input's first 5,000 characters first).
// Peer: native Hunspell listing the unknown words of the same input (`hunspell -d sv_SE -l`), the
// usual spell-checking pass of an archive pipeline; a cell past 120 s is given as such.
// Printed as a table; not asserted (the linearity test counts work: test/repair-linear.test.ts).
//
//   npm run build && node bench/repair-scaling.mjs [--max BYTES] [--no-peer] [--kinds prose,'long token',CJK]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const maxAt = args.indexOf('--max');
const max = maxAt >= 0 ? Number(args[maxAt + 1]) : 20e6;
const peer = !args.includes('--no-peer') && spawnSync('hunspell', ['-v']).status === 0;
const kindsAt = args.indexOf('--kinds');
const only = kindsAt >= 0 ? args[kindsAt + 1].split(',') : null;
const SIZES = [10e3, 100e3, 1e6, 5e6, 20e6].filter((n) => n <= max);
const LIMIT_MS = 120_000;

if (process.argv[2] === '--child') {
  const [, , , file] = process.argv;
  const { repair } = await import(join(root, 'dist/index.js'));
  const text = readFileSync(file, 'utf8');
  // Warm: the lexicon and the search structures are built on first use.
  repair(text.slice(0, 5000));
  const t0 = performance.now();
  const r = repair(text);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, corrections: r.corrections.length, warnings: r.warnings?.length ?? 0, rss: process.memoryUsage().rss }));
  process.exit(0);
}

function prose(n) {
  const train = join(root, '..', 'shared', 'train');
  let base = '';
  if (existsSync(train)) {
    for (const d of readdirSync(train).sort()) {
      const f = join(train, d, 'ocr-swe.txt');
      if (existsSync(f)) base += readFileSync(f, 'utf8') + '\n';
      if (base.length > 200e3) break;
    }
  }
  if (!base) base = 'Kommunen har beslutat om en ny plan för skolan och omsorgen i länet.\n';
  let s = '';
  while (s.length < n) s += base;
  return s.slice(0, n);
}
const KINDS = {
  prose,
  'long token': (n) => 'abcdefghijklmnopqrstuvwxyzåäö'.repeat(Math.ceil(n / 29)).slice(0, n),
  CJK: (n) => {
    let s = '';
    let x = 7;
    while (s.length < n) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      s += String.fromCharCode(0x4e00 + ((x >>> 16) % 20000)) + ((x & 63) === 0 ? '。\n' : '');
    }
    return s.slice(0, n);
  },
};

const dir = mkdtempSync(join(tmpdir(), 'arkiv-scaling-'));
const fmt = (ms) => (ms === null ? `> ${LIMIT_MS / 1000} s` : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
const size = (n) => (n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} kB`);
console.log(`| input | size | arkivtext repair | per MB | peak RSS | ${peer ? 'hunspell -l |' : ''}`);
console.log(`|---|---:|---:|---:|---:|${peer ? '---:|' : ''}`);
try {
  for (const [kind, make] of Object.entries(KINDS)) {
    if (only && !only.includes(kind)) continue;
    for (const n of SIZES) {
      const file = join(dir, 'input.txt');
      writeFileSync(file, make(n));
      const bytes = readFileSync(file).length;
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', timeout: LIMIT_MS, maxBuffer: 1 << 20 });
      const res = r.status === 0 ? JSON.parse(r.stdout) : null;
      let peerCell = '';
      if (peer) {
        const t0 = performance.now();
        const h = spawnSync('hunspell', ['-d', 'sv_SE', '-l', file], { timeout: LIMIT_MS, stdio: ['ignore', 'ignore', 'ignore'] });
        peerCell = ` ${fmt(h.error ? null : performance.now() - t0)} |`;
      }
      const perMb = res ? fmt(res.ms / (n / 1e6)) : '–';
      console.log(`| ${kind} | ${size(n)} (${bytes} bytes) | ${res ? fmt(res.ms) : r.error ? fmt(null) : `failed (${r.status})`} | ${perMb} | ${res ? `${Math.round(res.rss / 1048576)} MB` : '–'} |${peerCell}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
