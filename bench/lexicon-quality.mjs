#!/usr/bin/env node
// How well the lexicon separates Swedish words from OCR damage, beside native Hunspell sv_SE.
// On /work/shared/train (38 documents of official Swedish: truth.txt + ocr-eng.txt + ocr-swe.txt):
//   recall  = share of truth word tokens the lexicon knows (higher is better);
//   accepts = share of OCR tokens NOT in the document's truth vocabulary (damaged words) that the
//             lexicon knows anyway (lower is better; most are real-word errors such as for/för).
// Uses the BUILT library (npm run build). Needs the Debian hunspell + hunspell-sv for the peer column.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../dist/index.js';

const trainDir = process.env.ARKIV_TRAIN_DIR ?? new URL('../../shared/train', import.meta.url).pathname;
const TOKEN = /[\p{L}\p{N}]+(?:[-:][\p{L}\p{N}]+)*/gu;
const words = (text) => (text.match(TOKEN) ?? []).filter((w) => /\p{L}/u.test(w));
// OCR line-end hyphenation is the repair stage's job; join it here so fragments do not count.
const dehyphenate = (s) => s.replace(/(\p{L})-\n(\p{Ll})/gu, '$1$2');

const docs = readdirSync(trainDir).filter((d) => existsSync(join(trainDir, d, 'truth.txt')));
const truthTokens = [];
const damagedTokens = [];
for (const d of docs) {
  const truth = readFileSync(join(trainDir, d, 'truth.txt'), 'utf8');
  const tw = words(truth).filter((w) => !/\p{N}/u.test(w));
  truthTokens.push(...tw);
  const vocab = new Set(tw.map((w) => w.toLowerCase()));
  for (const f of ['ocr-eng.txt', 'ocr-swe.txt']) {
    const p = join(trainDir, d, f);
    if (!existsSync(p)) continue;
    for (const w of words(dehyphenate(readFileSync(p, 'utf8')))) if (!vocab.has(w.toLowerCase())) damagedTokens.push(w);
  }
}

const lex = loadLexicon();
let t = performance.now();
const recall = truthTokens.filter((w) => lex.has(w)).length / truthTokens.length;
const accepts = damagedTokens.filter((w) => lex.has(w)).length / damagedTokens.length;
const ms = performance.now() - t;

// Native Hunspell: `-l` prints the words it rejects; one token a line, distinct tokens only.
function hunspellRejects(tokens) {
  const distinct = [...new Set(tokens)];
  try {
    const out = execFileSync('hunspell', ['-d', 'sv_SE', '-l', '-i', 'utf-8'], { input: distinct.join('\n'), maxBuffer: 1 << 26 }).toString('utf8');
    return new Set(out.split('\n').filter(Boolean));
  } catch {
    return undefined;
  }
}
const hr = hunspellRejects([...truthTokens, ...damagedTokens]);
const pct = (x) => `${(100 * x).toFixed(2)} %`;
console.log(`train docs ${docs.length}: ${truthTokens.length} truth word tokens, ${damagedTokens.length} damaged OCR tokens`);
console.log('| lexicon | truth words known | damaged OCR words accepted |');
console.log('| --- | --- | --- |');
console.log(`| arkivtext Lexicon.has | ${pct(recall)} | ${pct(accepts)} |`);
if (hr) {
  const hRecall = truthTokens.filter((w) => !hr.has(w)).length / truthTokens.length;
  const hAccepts = damagedTokens.filter((w) => !hr.has(w)).length / damagedTokens.length;
  console.log(`| hunspell -d sv_SE (native) | ${pct(hRecall)} | ${pct(hAccepts)} |`);
}
console.log(`(arkivtext: ${((truthTokens.length + damagedTokens.length) / ms * 1000).toFixed(0)} has() calls/s cold, one lexicon)`);

const garbage = ['Ostergdtland', '6verenskommelsen', 'giller', 'ldnet', 'frin', 'Linsstyrelsen', 'sdtt', 'dverenskommelsen', 'Gverstiger', 'ir', 'dr'];
const hg = hunspellRejects(garbage);
console.log(`issue examples accepted — arkivtext: ${garbage.filter((w) => lex.has(w)).join(' ') || 'none'}; hunspell: ${hg ? garbage.filter((w) => !hg.has(w)).join(' ') || 'none' : 'n/a'}`);
