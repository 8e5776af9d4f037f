#!/usr/bin/env node
// Learns the OCR repair model from ../shared/train and the extra material scripts/make-train-extra.mjs
// makes from the same public source (never from the fixtures, which are held out):
//
//   node scripts/train-repair.mjs counts   # (after a build) confusion counts + document-class threshold → dictionaries/repair-model.json
//   node scripts/train-repair.mjs fit      # (after a build) fits ranking weights and minConfidence on train
//
// ARKIV_TRAIN lists the training folders, ':'-separated (default ../shared/train alone); the
// committed model was learned from ../shared/train:../train-extra:../train-extra2 (see README).
// Only counts and weights are written; the training texts themselves stay where they are.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { alignWords, charChunks, core, joinedTokens } from './repair-align.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// ARKIV_TRAIN: the training folders, ':'-separated (../shared/train and, if made, the extra material
// of scripts/make-train-extra.mjs); each holds one folder a document.
const trainDirs = (process.env.ARKIV_TRAIN ?? join(root, '..', 'shared', 'train')).split(':').filter(Boolean);
const modelPath = join(root, 'dictionaries', 'repair-model.json');

export function trainDocs() {
  const docs = [];
  for (const trainDir of trainDirs) for (const id of readdirSync(trainDir).sort()) {
    const truthPath = join(trainDir, id, 'truth.txt');
    if (!existsSync(truthPath)) continue;
    const truth = readFileSync(truthPath, 'utf8');
    for (const v of ['eng', 'swe']) {
      const p = join(trainDir, id, `ocr-${v}.txt`);
      if (existsSync(p)) docs.push({ id, variant: v, ocr: readFileSync(p, 'utf8'), truth });
    }
  }
  return docs;
}

/** Share of letters that are å/ä/ö — the signal that an OCR engine knew Swedish. */
export function diacriticRate(text) {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const swedish = text.match(/[åäöÅÄÖ]/gu)?.length ?? 0;
  return letters ? swedish / letters : 0;
}

/**
 * Glyph confusions seen in real archive OCR (issue 3: `&versyn`, `#r`, `Link&pings`, `@mneskompetensen`,
 * `0`/`G` for `Ö`, `13-⏎rare`) that the training scans, made from clean renderings, do not produce.
 * They get small fixed probabilities, so they only win when the result is a known word that fits.
 * [truth, ocr, P(ocr | truth), P(truth | ocr)]
 */
const PRIOR_RULES = [
  ['å', '&', 0.005, 0.3], ['ä', '&', 0.005, 0.3], ['ö', '&', 0.005, 0.3],
  ['Å', '&', 0.005, 0.2], ['Ä', '&', 0.005, 0.2], ['Ö', '&', 0.005, 0.2],
  ['ä', '#', 0.005, 0.6], ['å', '#', 0.002, 0.2],
  ['Å', '@', 0.005, 0.4], ['å', '@', 0.005, 0.3], ['Ä', '@', 0.002, 0.15], ['ä', '@', 0.002, 0.15],
  ['Ö', '0', 0.005, 0.05], ['Ö', 'G', 0.005, 0.05], ['Ö', '6', 0.005, 0.2], ['ö', '6', 0.005, 0.3],
  ['å', 'é', 0.01, 0.1], ['ä', 'é', 0.01, 0.1],
  ['ä', '3', 0.002, 0.05], ['l', '1', 0.002, 0.1], ['i', '1', 0.002, 0.2],
  ['m', 'rn', 0.003, 0.05], ['rn', 'm', 0.003, 0.02],
  // Older engines' habits the Swedish model of today rarely shows (so `normal` documents lack them).
  ['ö', 'é', 0.005, 0.2], ['ä', 'd', 0.003, 0.02], ['ö', 'd', 0.002, 0.01], ['å', 'd', 0.002, 0.01],
  ['ä', 'i', 0.003, 0.01], ['å', 'i', 0.002, 0.005],
  // A lost first letter (`verenskommelsen`): the rule carries the next letter as context.
  ['öv', 'v', 0.002, 0.01],
];

/** A word-level confusion must be seen this often, in this many documents, to be learned: rarer
 * pairs are as likely one document's accident (a name, a misalignment) as a habit of the OCR. */
const WORD_MIN_COUNT = 3;
const WORD_MIN_DOCS = 3;

const alignments = new WeakMap();

/**
 * A training document's word alignment, made once however many counts use it (alignWords is
 * quadratic in the document's length): the truth and OCR tokens, the aligned pairs
 * [truth index, OCR index], `truthOf` (OCR token index → aligned truth token), and `text`, the
 * OCR text as joinedTokens splits it (NFC, line-end hyphenations joined), with `truthAt(offset)`:
 * the truth token aligned with the OCR token at that offset of `text`.
 */
function alignmentOf(doc) {
  let a = alignments.get(doc);
  if (a) return a;
  const ref = joinedTokens(doc.truth), hyp = joinedTokens(doc.ocr);
  const aligned = alignWords(ref, hyp);
  const truthOf = new Map(aligned.map(([i, j]) => [j, ref[i]]));
  // The same text joinedTokens splits, so that its k-th blank-free run is token k.
  const text = doc.ocr.normalize('NFC').replace(/([\p{L}])-[ \t]*\n\s*(\p{Ll})/gu, '$1$2');
  const ends = [...text.matchAll(/\S+/gu)].map((m) => m.index + m[0].length);
  const tokenAt = (offset) => {
    let lo = 0, hi = ends.length; // the first token that ends after `offset`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const truthAt = (offset) => truthOf.get(tokenAt(offset));
  const truthIndexOf = new Map(aligned.map(([i, j]) => [j, i]));
  a = { ref, hyp, aligned, truthOf, text, truthAt, truthIndexAt: (offset) => truthIndexOf.get(tokenAt(offset)) };
  alignments.set(doc, a);
  return a;
}

/**
 * A lone `|`, `[` or `]` (OCR of a capital I) starting a sentence before a lower-case word: how
 * often the aligned truth word was `I` (the preposition), of all such tokens of one document
 * (`alignment`: alignmentOf(doc)), added to `counts` = [to I, all]. Both engines are pooled: the
 * confusion is one of glyph shapes, not of language.
 */
function countSentenceGlyphs({ hyp, truthOf }, counts) {
  hyp.forEach((h, j) => {
    if (!/^[|[\]]$/u.test(h) || !(j === 0 || /[.!?]$/u.test(hyp[j - 1])) || !/^\p{Ll}/u.test(hyp[j + 1] ?? '')) return;
    counts[1]++;
    if (truthOf.get(j) === 'I') counts[0]++;
  });
}

/**
 * Whether a token of `doc` is a known word as written or with its diacritics put back, in the
 * document's class: the test repair asks at the places the counters below count.
 */
function wordTest(doc, lib, lexicon, threshold) {
  const documentClass = lib.diacriticRate(doc.ocr) < threshold ? 'stripped' : 'normal';
  return (w) => lib.knownWithDiacritics(w, { lexicon, documentClass });
}

/**
 * A sentence-initial `I` glued to the word after it (`Lansvaret`): at every place the library's
 * gluedSentenceGlyphs finds, whether the aligned truth has `I` before the word (the token aligns
 * with the word, or with the `I`). `counts` = [to I, all]; both engines pooled, as for the lone
 * glyph.
 */
function countGluedGlyphs(doc, lib, lexicon, threshold, counts) {
  const { text, ref, truthIndexAt } = alignmentOf(doc);
  for (const g of lib.gluedSentenceGlyphs(text, wordTest(doc, lib, lexicon, threshold))) {
    counts[1]++;
    const i = truthIndexAt(g.offset);
    if (i !== undefined && (ref[i] === 'I' || ref[i - 1] === 'I')) counts[0]++;
  }
}

/**
 * A line-end hyphen read as a colon (`ef:⏎⏎ter`): at every place the library's colonLineBreaks
 * finds, whether the truth aligned with either half is the joined word (diacritics aside, which
 * word repair puts back). `counts` = [hyphen, all]; both engines pooled.
 */
function countColonBreaks(doc, lib, lexicon, threshold, counts) {
  const { text, truthAt } = alignmentOf(doc);
  const same = (truth, word) => truth !== undefined && lib.foldDiacritics(core(truth).toLowerCase()) === lib.foldDiacritics(word.toLowerCase());
  for (const c of lib.colonLineBreaks(text, wordTest(doc, lib, lexicon, threshold))) {
    counts[1]++;
    const tail = text.slice(c.offset + 1).search(/\p{L}/u) + c.offset + 1;
    if (same(truthAt(c.offset - 1), c.word) || same(truthAt(tail), c.word)) counts[0]++;
  }
}

/**
 * A hyphen between two years (the library's yearRangeHyphens: `2021-2025`): whether the aligned
 * truth token has an en dash between digits there. `counts` = [dash, all]; both engines pooled.
 */
function countYearRanges(doc, lib, counts) {
  const { text, truthAt } = alignmentOf(doc);
  for (const offset of lib.yearRangeHyphens(text)) {
    counts[1]++;
    if (/\d–\d/u.test(truthAt(offset) ?? '')) counts[0]++;
  }
}

// The conjunctions after which repair keeps a hyphen (CONJUNCTIONS in src/repair/repair.ts).
const CONJUNCTIONS = new Set(['och', 'eller', 'samt', 'respektive', 'resp', 'som', 'till', 'men']);

/**
 * Line-end hyphens whose halves join into no known word (as written or with diacritics put back)
 * and are no two known words, the second no conjunction (`Dokumen-⏎tansvariv`): repair joins them,
 * at the confidence counted here. A join is wrong where the truth keeps the hyphen (`a-b`, or a
 * suspended `a- `). `counts` = [joined, all]; both engines pooled.
 */
function countHyphenJoins(doc, lib, lexicon, threshold, counts) {
  const known = wordTest(doc, lib, lexicon, threshold);
  const fold = (s) => lib.foldDiacritics(s.toLowerCase());
  const truth = ' ' + fold(doc.truth.normalize('NFC')).replace(/[^\p{L}\s-]/gu, ' ').replace(/\s+/gu, ' ') + ' ';
  for (const [, a, b] of doc.ocr.normalize('NFC').matchAll(/(\p{L}+)-[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(\p{Ll}+)/gu)) {
    if (CONJUNCTIONS.has(b) || known(a + b) || (known(a) && known(b))) continue;
    counts[1]++;
    if (!truth.includes(` ${fold(a)}-${fold(b)} `) && !truth.includes(` ${fold(a)}- `)) counts[0]++;
  }
}

/**
 * The places where a `.` may stand for `,` or a `,` for `.` (the library's own markSwaps, so that
 * training counts exactly what repair will change), and how often the aligned truth word ended
 * with the other mark: `counts[kind]` = [swapped, all]. Both engines are pooled, as for the glyph.
 */
function countMarkSwaps(doc, lib, lexicon, abbreviations, counts) {
  const { text, truthAt } = alignmentOf(doc);
  // The stop of an abbreviation repair replaces whole (`bla.` → `bl.a.`) is no sentence mark there.
  const stops = new Set(lib.damagedAbbreviations(text, abbreviations).map((a) => a.end - 1));
  // Repair judges the word after a mark as repaired (`behov, Mangtald`): so does the count, with
  // the word repairs of the library as built (the model of the previous counts: the words it
  // repairs barely move between two runs, and the marks do not feed back into them).
  const repaired = new Map(lib.repair(text, { lexicon }).corrections.filter((c) => lib.isWordRepair(c.rule)).map((c) => [c.offset, c.after]));
  for (const swap of lib.markSwaps(text, lexicon, repaired)) {
    if (stops.has(swap.offset)) continue;
    const c = (counts[swap.kind] ??= [0, 0]);
    c[1]++;
    if (truthAt(swap.offset)?.endsWith(swap.after)) c[0]++;
  }
}

/**
 * The short forms OCR made of dotted abbreviations (`bla.` for `bl.a.`): at every place the
 * library's abbreviationSites finds, the lower-case form, and whether the aligned truth word was a
 * listed dotted abbreviation. `counts`: form → { total, hits: abbreviation → [count, documents] }.
 */
function countAbbreviations(doc, lib, lexicon, counts) {
  const { text, truthAt } = alignmentOf(doc);
  for (const site of lib.abbreviationSites(text)) {
    const c = (counts[site.form] ??= { total: 0, hits: {} });
    c.total++;
    const truth = (truthAt(site.start) ?? '').replace(/^[^\p{L}]+|[,;:)]+$/gu, '').toLowerCase();
    if (!/^\p{L}+\.(?:\p{L}+\.)+$/u.test(truth) || truth === site.form || !lexicon.isAbbreviation(truth.slice(0, -1))) continue;
    const h = (c.hits[truth] ??= [0, new Set()]);
    h[0]++;
    h[1].add(doc.id);
  }
}

/**
 * Lone glyphs before a word (the library's loneGlyphs: `~` between words): what the aligned truth
 * token was. `counts`: glyph → { total, truths: truth token → count }.
 */
function countLoneGlyphs(doc, lib, counts) {
  const { text, truthAt } = alignmentOf(doc);
  for (const { offset, glyph } of lib.loneGlyphs(text)) {
    const c = (counts[glyph] ??= { total: 0, truths: {} });
    c.total++;
    const truth = truthAt(offset) ?? '';
    c.truths[truth] = (c.truths[truth] ?? 0) + 1;
  }
}

/** [glyph, truth, count, all] for each glyph's most frequent other reading, seen 3+ times. */
function loneGlyphRows(counts) {
  const rows = [];
  for (const [glyph, { total, truths }] of Object.entries(counts)) {
    const [truth, n] = Object.entries(truths).filter(([t]) => t !== glyph && t !== '').sort((a, b) => b[1] - a[1])[0] ?? [];
    if (n >= WORD_MIN_COUNT) rows.push([glyph, truth, n, total]);
  }
  return rows.sort((a, b) => b[3] - a[3]);
}

/** Uses in the official corpus (12 M words) that make a form a word of its own: one per million. */
const CORPUS_WORD = 12;

/** The learned rows: [form, abbreviation, count, all places of the form], seen often enough. */
function abbreviationRows(counts, lexicon) {
  const rows = [];
  for (const [form, { total, hits }] of Object.entries(counts)) {
    // A form whose letters official prose also writes as a word of its own (`mom.` for `moment`,
    // 1 033 times in the 12 M-word corpus; `lex` 75) has uses the training OCR does not show: it
    // asks the sightings of any glyph rule (GLYPH_MIN_SEEN in model.ts), not the few of a form no
    // text writes (`bla.`).
    const minCount = lexicon.frequency(form.slice(0, -1)) >= CORPUS_WORD ? 10 : WORD_MIN_COUNT;
    for (const [abbreviation, [n, docs]] of Object.entries(hits)) {
      if (n >= minCount && docs.size >= WORD_MIN_DOCS) rows.push([form, abbreviation, n, total]);
    }
  }
  return rows.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
}


/**
 * Words repaired per word token of an OCR text, by the built library with the current model: how
 * much damage its words show. Half the lowest rate of the training OCR is the bar below which a
 * document's sentence marks are left alone (clean prose has about none).
 */
function wordRepairRate(text, lib, lexicon) {
  const repaired = lib.repair(text, { lexicon }).corrections.filter((c) => lib.isWordRepair(c.rule)).length;
  return repaired / (text.match(/[\p{L}\p{M}0-9&#@]+/gu)?.length ?? 1);
}

/** Capital, then lower case only: the case pattern repair calls `capital`. */
const CAPITALISED = /^\p{Lu}\p{Ll}*$/u;

/**
 * `till` at a word's start merged into glyphs (the library's tillReadings: `Ghandahallas`, `ull`):
 * per kind, how many OCR tokens had the aligned truth word among their readings, and how many
 * truth words start with `till` at all — P(read so | a `till…` word) for the ranking. The tokens
 * are those repair reads so: unknown ones, and capitalised known ones for the capital kind (`Hill`;
 * a lower-case known word, `all`, is read as itself).
 */
function countTillStarts(docs, lib, lexicon) {
  const counts = {};
  let tillWords = 0;
  for (const d of docs) {
    const { ref, hyp, aligned } = alignmentOf(d);
    for (const w of ref) if (/^till/iu.test(core(w))) tillWords++;
    for (const [i, j] of aligned) {
      const t = core(ref[i]), o = core(hyp[j]);
      if (!/^till/iu.test(t) || !/^\p{L}+$/u.test(o)) continue;
      // Folded as repair folds the words whose diacritics it puts back (å/ä → a, ö → o, é → e).
      const folded = lib.foldDiacritics(t);
      const hit = lib.tillReadings(o).find((r) => r.spelling === folded);
      if (hit && (!lexicon.has(o) || (hit.kind === 'capital' && CAPITALISED.test(o)))) counts[hit.kind] = (counts[hit.kind] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(counts).map(([kind, n]) => [kind, [n, tillWords]]));
}

function countClass(docs) {
  const rules = new Map(); // `${t}\t${o}` → count
  const pairs = [];
  const ocrWords = [];
  // Whole words the OCR turns into another string (`ull` for `till`, `dir` for `är`), case-folded:
  // `${o}\t${t}` → count and documents; and how often each truth word occurs, for P(o | t).
  const wordConfusions = new Map();
  const wordDocs = new Map();
  const truthWords = new Map();
  const glyphs = [0, 0];
  let wordPairs = 0, changed = 0, skipped = 0;
  for (const d of docs) {
    const alignment = alignmentOf(d);
    const { ref, hyp, aligned } = alignment;
    countSentenceGlyphs(alignment, glyphs);
    for (const [i, j] of aligned) {
      const t = core(ref[i]), o = core(hyp[j]);
      if (!t || !o || !/\p{L}/u.test(t)) continue;
      const tl = t.toLowerCase(), ol = o.toLowerCase();
      truthWords.set(tl, (truthWords.get(tl) ?? 0) + 1);
      if (tl !== ol && /^\p{L}+$/u.test(tl)) {
        const k = `${ol}\t${tl}`;
        wordConfusions.set(k, (wordConfusions.get(k) ?? 0) + 1);
        (wordDocs.get(k) ?? wordDocs.set(k, new Set()).get(k)).add(d.id);
      }
      wordPairs++;
      pairs.push(t);
      ocrWords.push(o);
      if (t === o) continue;
      const chunks = charChunks(t, o);
      const edited = chunks.reduce((s, c) => s + Math.max([...c.t].length, [...c.o].length), 0);
      // Garbled pairs (misaligned words, split tokens) teach nothing about single confusions.
      if (edited > Math.max(2, [...t].length / 2) || chunks.some((c) => [...c.t].length > 3 || [...c.o].length > 3)) { skipped++; continue; }
      changed++;
      for (const c of chunks) rules.set(`${c.t}\t${c.o}`, (rules.get(`${c.t}\t${c.o}`) ?? 0) + 1);
    }
  }
  // How often each rule's truth side occurs at all in the aligned truth words, so that a count
  // becomes P(ocr | truth).
  // … and how often each OCR side occurs in the aligned OCR words, so that it becomes P(truth | ocr),
  // the order in which repair should try readings.
  const occurrencesIn = (words, sides) => {
    const occ = new Map();
    for (const w of words) {
      for (const s of sides) {
        let at = w.indexOf(s);
        while (at >= 0) { occ.set(s, (occ.get(s) ?? 0) + 1); at = w.indexOf(s, at + 1); }
      }
    }
    return occ;
  };
  const occurrences = occurrencesIn(pairs, new Set([...rules.keys()].map((k) => k.split('\t')[0])));
  const ocrOccurrences = occurrencesIn(ocrWords, new Set([...rules.keys()].map((k) => k.split('\t')[1])));
  const out = [];
  for (const [k, n] of rules) {
    if (n < 2) continue; // a single sighting is as likely an alignment accident as a confusion
    const [t, o] = k.split('\t');
    out.push([t, o, n, occurrences.get(t) ?? n, ocrOccurrences.get(o) ?? n]);
  }
  out.sort((a, b) => b[2] - a[2]);
  const words = [];
  for (const [k, n] of wordConfusions) {
    if (n < WORD_MIN_COUNT || wordDocs.get(k).size < WORD_MIN_DOCS) continue;
    const [o, t] = k.split('\t');
    words.push([o, t, n, truthWords.get(t)]);
  }
  words.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
  return { rules: out, words, glyphs, wordPairs, changed, skipped };
}

/**
 * Letter trigrams (with ^ and $ at the word ends) of the official corpus's words: a reading with a
 * trigram Swedish never writes (`^ld`, `dtl`) is not worth a lexicon lookup. Case-folded.
 */
function trigrams() {
  const data = process.env.ARKIV_DATA ?? join(root, '..', 'shared', 'data');
  const set = new Set();
  for (const line of readFileSync(join(data, 'sv-official-unigrams.tsv'), 'utf8').split('\n')) {
    const [word, count] = line.split('\t');
    if (!word || Number(count) < 3 || !/^[\p{L}]+$/u.test(word)) continue;
    const w = `^${word.toLowerCase()}$`;
    for (let i = 0; i + 3 <= w.length; i++) set.add(w.slice(i, i + 3));
    // How words begin and end (`^kom`, `ing$`): a compound begins and ends like a word too.
    if (w.length >= 5) { set.add(w.slice(0, 4)); set.add(w.slice(-4)); }
  }
  return [...set].sort().join(' ');
}

/**
 * The words of the official corpus (count ≥ 3) that carry å/ä/ö/é, lower-cased: repair folds them
 * (`förslaget` → `forslaget`) into an index, so a token with stripped diacritics finds its word in
 * one lookup instead of a search.
 */
function diacriticWords() {
  const data = process.env.ARKIV_DATA ?? join(root, '..', 'shared', 'data');
  const set = new Set();
  for (const line of readFileSync(join(data, 'sv-official-unigrams.tsv'), 'utf8').split('\n')) {
    const [word, count] = line.split('\t');
    if (!word || Number(count) < 3 || !/^[\p{L}]+$/u.test(word) || !/[åäöé]/iu.test(word)) continue;
    set.add(word.toLowerCase());
  }
  const list = [...set].sort();
  writeFileSync(join(root, 'dictionaries', 'repair-diacritic-words.txt.gz'), gzipSync(Buffer.from(list.join('\n') + '\n', 'utf8'), { level: 9 }));
  return list.length;
}

async function counts() {
  console.log(`diacritic words: ${diacriticWords()}`);
  const docs = trainDocs();
  const lib = await import(process.env.ARKIV_REPAIR_LIB ?? join(root, 'dist', 'index.js'));
  const lexicon = lib.loadLexicon();
  const marks = {};
  const abbreviations = {}, glyphs = {};
  for (const d of docs) {
    countLoneGlyphs(d, lib, glyphs);
    countAbbreviations(d, lib, lexicon, abbreviations);
  }
  const dottedAbbreviations = abbreviationRows(abbreviations, lexicon);
  // The forms repair will replace (the model's odds bar, MIN_ODDS in model.ts), for the marks' count.
  const replaced = new Map(dottedAbbreviations.filter(([, , n, all]) => n / (all - n) >= 10).map(([f, a, n, all]) => [f, { after: a, p: n / all }]));
  for (const d of docs) countMarkSwaps(d, lib, lexicon, replaced, marks);
  const loneGlyphs = loneGlyphRows(glyphs);
  const markMinRepairRate = Math.min(...docs.map((d) => wordRepairRate(d.ocr, lib, lexicon))) / 2;
  const rates = docs.map((d) => ({ variant: d.variant, rate: diacriticRate(d.ocr) }));
  const truthRate = docs.filter((d) => d.variant === 'swe').map((d) => diacriticRate(d.truth));
  const engMax = Math.max(...rates.filter((r) => r.variant === 'eng').map((r) => r.rate));
  const sweMin = Math.min(...rates.filter((r) => r.variant === 'swe').map((r) => r.rate));
  // The class boundary is the geometric midpoint of the gap between the two OCR engines' rates.
  const threshold = Math.sqrt(Math.max(engMax, 1e-4) * sweMin);
  const gluedGlyphI = [0, 0];
  for (const d of docs) countGluedGlyphs(d, lib, lexicon, threshold, gluedGlyphI);
  const colonHyphen = [0, 0];
  for (const d of docs) countColonBreaks(d, lib, lexicon, threshold, colonHyphen);
  const hyphenJoin = [0, 0];
  for (const d of docs) countHyphenJoins(d, lib, lexicon, threshold, hyphenJoin);
  const yearRangeDash = [0, 0];
  for (const d of docs) countYearRanges(d, lib, yearRangeDash);
  const stripped = countClass(docs.filter((d) => d.variant === 'eng'));
  const normal = countClass(docs.filter((d) => d.variant === 'swe'));
  stripped.tillStarts = countTillStarts(docs.filter((d) => d.variant === 'eng'), lib, lexicon);
  normal.tillStarts = countTillStarts(docs.filter((d) => d.variant === 'swe'), lib, lexicon);
  const old = existsSync(modelPath) ? JSON.parse(readFileSync(modelPath, 'utf8')) : {};
  const model = {
    about: 'OCR confusion counts learned by scripts/train-repair.mjs from the training folders named in sources (../shared/train, and the extra material of scripts/make-train-extra.mjs if made; counts only, no text). rules: [truth, ocr, count, truthOccurrences, ocrOccurrences]; words: [ocr word, truth word, count, truth word occurrences], lower-case, seen at least 3 times in 3 documents; sentenceGlyphI: [truth I, all] for a lone | [ ] starting a sentence before a lower-case word; gluedGlyphI: [truth I, all] for a sentence-initial stroke glyph glued to a word (gluedSentenceGlyphs); colonHyphen: [hyphen, all] for a colon at a line end between the halves of a word (colonLineBreaks); hyphenJoin: [joined, all] for a line-end hyphen whose halves join into no known word and are no two words; yearRangeDash: [en dash, all] for a hyphen between two years, the second the later (yearRangeHyphens); sentenceMarks: [truth has the other mark, all] per kind of place markSwaps finds; markMinRepairRate: half the lowest share of word tokens repaired in a training OCR text; loneGlyphs: [glyph, truth token, count, all] for a punctuation mark or symbol standing alone before a word, its most frequent other reading; dottedAbbreviations: [ocr form, abbreviation, count, all places of the form] for a short word and a stop that stood for a dotted abbreviation at least 3 times in 3 documents; priorRules: [truth, ocr, P(ocr|truth), P(truth|ocr)] for glyph confusions the issue names that the training scans do not show; classes.*.tillStarts: [right readings, truth words starting with till] per kind of merged till start.',
    documents: docs.length,
    sources: trainDirs.map((d) => basename(d)),
    diacriticRate: { threshold, strippedMax: engMax, normalMin: sweMin, truthMean: truthRate.reduce((a, b) => a + b, 0) / truthRate.length },
    classes: {
      stripped: { wordPairs: stripped.wordPairs, changedPairs: stripped.changed, rules: stripped.rules, words: stripped.words, tillStarts: stripped.tillStarts },
      normal: { wordPairs: normal.wordPairs, changedPairs: normal.changed, rules: normal.rules, words: normal.words, tillStarts: normal.tillStarts },
    },
    sentenceGlyphI: [stripped.glyphs[0] + normal.glyphs[0], stripped.glyphs[1] + normal.glyphs[1]],
    gluedGlyphI,
    colonHyphen,
    hyphenJoin,
    yearRangeDash,
    sentenceMarks: marks,
    markMinRepairRate,
    dottedAbbreviations,
    loneGlyphs,
    priorRules: PRIOR_RULES,
    trigrams: trigrams(),
    params: old.params ?? {},
    ...(old.fit ? { fit: old.fit } : {}),
  };
  writeFileSync(modelPath, JSON.stringify(model) + '\n');
  console.log(`lone glyphs: ${loneGlyphs.map(([g, t, n, all]) => `${g} → ${t} ${n}/${all}`).join(', ') || 'none'}`);
  console.log(`dotted abbreviations: ${dottedAbbreviations.map(([f, a, n, all]) => `${f} → ${a} ${n}/${all}`).join(', ') || 'none'}`);
  console.log(`sentence marks: ${Object.entries(marks).map(([k, [n, all]]) => `${k} ${n}/${all}`).join(', ')}; left alone below ${markMinRepairRate.toFixed(4)} words repaired per word`);
  console.log(`glued sentence-initial glyph: I ${gluedGlyphI[0]}/${gluedGlyphI[1]}; line-end colon: hyphen ${colonHyphen[0]}/${colonHyphen[1]}; unknown hyphen join right ${hyphenJoin[0]}/${hyphenJoin[1]}; year span en dash ${yearRangeDash[0]}/${yearRangeDash[1]}`);
  console.log(`diacritic rate: eng max ${engMax.toFixed(4)}, swe min ${sweMin.toFixed(4)}, threshold ${threshold.toFixed(4)}`);
  for (const [name, c] of Object.entries({ stripped, normal })) {
    console.log(`${name}: till starts ${Object.entries(c.tillStarts).map(([k, [n, all]]) => `${k} ${n}/${all}`).join(', ') || 'none'}`);
    console.log(`${name}: ${c.wordPairs} word pairs, ${c.changed} learned from, ${c.skipped} too garbled, ${c.rules.length} rules, ${c.words.length} word confusions; top:`);
    console.log(c.rules.slice(0, 40).map(([t, o, n, occ]) => `${t}→${o} ${n}/${occ}`).join('  '));
  }
}

// Run as a script only: a module that imports trainDocs must not rewrite the model on the way.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const mode = process.argv[2] ?? 'counts';
  if (mode === 'counts') await counts();
  else if (mode === 'fit') (await import('./repair-fit.mjs')).fit(trainDocs(), modelPath);
  else { console.error('usage: train-repair.mjs counts|fit'); process.exit(2); }
}
