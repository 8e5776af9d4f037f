#!/usr/bin/env node
// Load time and memory of the default lexicon, from the BUILT library (npm run build first).
// Prints: load ms, heap and RSS growth, and lookup throughput on a word list from the seeds; then,
// in fresh processes, everything repair loads before its first word (lexicon, repair model,
// frequency tables, context model, edit index): the #22 bar "lexicon + model load ≤ 500 ms".
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

if (process.argv.includes('--cold-repair')) {
  // Child: CPU ms of each load from a fresh process, then of the first repair of a damaged sentence
  // that asks every table (`#r`, `6verenskommelse`: the channel and edit index; `lanet`:
  // frequencies and pairs; `bar` for `har` in a damaged text: the context model).
  const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
  const c0 = cpu();
  const { repair, defaultLexicon, loadContextData } = await import('../dist/index.js');
  const c1 = cpu();
  const lex = defaultLexicon();
  lex.frequency('för');
  lex.bigram('för', 'att');
  const c2 = cpu();
  loadContextData();
  const c3 = cpu();
  repair('Det #r en 6verenskommelse for lanet och hon bar inte varit dar.\nVi bar sett att regionen bar ansvaret.');
  const c4 = cpu();
  console.log(JSON.stringify({ importMs: c1 - c0, lexiconMs: c2 - c1, contextMs: c3 - c2, firstRepairMs: c4 - c3, totalMs: c4 - c0 }));
  process.exit(0);
}

const heap0 = process.memoryUsage();
const t0 = performance.now();
const { defaultLexicon } = await import('../dist/index.js');
const tImport = performance.now();
const cpu0 = process.cpuUsage();
const lex = defaultLexicon();
const tLoad = performance.now();
const cpu = process.cpuUsage(cpu0);
const heap1 = process.memoryUsage();
const mb = (b) => (b / 1048576).toFixed(1);
// CPU time beside wall time: the machine is shared, and wall time grows with everyone's load.
console.log(`import ${(tImport - t0).toFixed(0)} ms; defaultLexicon() ${(tLoad - tImport).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
console.log(`heap +${mb(heap1.heapUsed - heap0.heapUsed)} MB, rss +${mb(heap1.rss - heap0.rss)} MB`);

let t = performance.now();
lex.frequency('för');
console.log(`first frequency() (loads the unigram tables) ${(performance.now() - t).toFixed(0)} ms`);

const text = readFileSync(new URL('../fixtures/seed-001-pair/ocr.txt', import.meta.url), 'utf8');
const words = text.match(/\p{L}+(?:[-:]\p{L}+)*/gu) ?? [];
t = performance.now();
let known = 0;
for (const w of words) if (lex.has(w)) known++;
const cold = performance.now() - t;
t = performance.now();
for (let r = 0; r < 10; r++) for (const w of words) lex.has(w);
const warm = (performance.now() - t) / 10;
console.log(`${words.length} OCR words: ${known} known; has() cold ${(words.length / cold * 1000).toFixed(0)} words/s, memoised ${(words.length / warm * 1000).toFixed(0)} words/s`);
t = performance.now();
for (const w of words) lex.hasExact(w + 'x');
console.log(`hasExact() on unknown words ${(words.length / (performance.now() - t) * 1000).toFixed(0)} words/s`);
t = performance.now();
lex.bigram('för', 'att');
console.log(`first bigram() (loads the bigram table) ${(performance.now() - t).toFixed(0)} ms`);

// Cold start of repair, in fresh processes (CPU ms, best of five: the machine is shared).
const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--cold-repair'], { encoding: 'utf8' })));
const best = (k) => Math.min(...runs.map((r) => r[k])).toFixed(0);
console.log(`fresh process, CPU ms (best of 5): import ${best('importMs')}; lexicon with its unigram and bigram tables ${best('lexiconMs')}; context model (sv-context.bin) ${best('contextMs')}; lexicon + context model ${Math.min(...runs.map((r) => r.lexiconMs + r.contextMs)).toFixed(0)}; then the first repair (repair model, edit index, JIT) ${best('firstRepairMs')}; in all ${best('totalMs')}`);
