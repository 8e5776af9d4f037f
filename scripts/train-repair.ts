// Learns the OCR repair model from ../shared/train and the extra material scripts/make-train-extra.ts
// makes from the same public source (never from the fixtures, which are held out):
//
//   tsx scripts/train-repair.ts counts   # confusion counts + document-class threshold → the model's `learned` section
//   tsx scripts/train-repair.ts fit      # fits the ranking weights on train → the model's `fitted` section
//   tsx scripts/train-repair.ts checks   # only rewrites the model's checks (repair-checks.ts), after a code change
//   (counts and fit rewrite the checks too, and print what changed: review that as the retrain's effect)
//   (npm run train:repair runs both)
//
// Options: --model PATH (the model file read and written; default dictionaries/repair-model.json),
// --settings PATH (the hand-set numbers; default dictionaries/repair-settings.json), --words PATH
// (where counts writes the diacritic word list; default dictionaries/repair-diacritic-words.txt.gz;
// repair itself always reads the shipped list). Counting repairs with the model at --model (the
// previous counts) where it exists, else the shipped one, and keeps its `fitted` section. counts
// and fit refuse to rewrite a model counted on folders ARKIV_TRAIN does not name (--force).
//
// ARKIV_TRAIN lists the training folders, ':'-separated (default ../shared/train alone); the
// committed model was learned from ../shared/train:../train-extra:../train-extra2 (see
// dictionaries/README.md). ARKIV_DATA_DIR: the official corpus counts (default ../shared/data;
// src/official-data.ts; the old name ARKIV_DATA still works, deprecated).
// Only counts and weights are written; the training texts themselves stay where they are.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { alignWords } from '../src/eval/metrics.js';
import { diacriticRate } from '../src/repair/doc-class.js';
import { abbreviationSites, damagedAbbreviations, type LearnedAbbreviation } from '../src/repair/dotted-abbreviations.js';
import { colonLineBreaks, gluedSentenceGlyphs, loneGlyphs } from '../src/repair/glyph-words.js';
import { loadLexicon, type Lexicon } from '../src/repair/lexicon.js';
import { MODEL_VERSION, type ChunkRule, type DocClass, type LearnedClass, type LearnedSection, type ModelFile, type ReplacementRow, type SettingsFile, type Tally, type TrainingSettings, type WordRule } from '../src/repair/model-file.js';
import { buildModel, foldDiacritics, readModelFile, readSettingsFile, type RepairModel } from '../src/repair/model.js';
import { languageSet } from '../src/language.js';
import { officialCounts } from '../src/official-data.js';
import { knownWithDiacritics } from '../src/repair/repair.js';
import { repair } from '../src/repair/safe-repair.js';
import { isWordRepair } from '../src/repair/rules.js';
import { markSwaps, type MarkSwapKind } from '../src/repair/sentence-marks.js';
import { tillReadings, type TillStartKind } from '../src/repair/till-glyphs.js';
import { yearRangeHyphens } from '../src/repair/year-ranges.js';
import type { Correction } from '../src/types.js';
import { charChunks, core, joinedText, joinedTokens } from './repair-align.js';
import { checksPath, writeChecks } from './repair-checks.js';
import { fit } from './repair-fit.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** One OCR text of a training document and its truth. */
export interface TrainDoc {
  id: string;
  /** The OCR engine's model: `eng` (no Swedish: a stripped document) or `swe`. */
  variant: 'eng' | 'swe';
  ocr: string;
  truth: string;
}

/** The training folders of ARKIV_TRAIN (each holds one folder a document). */
export function trainDirs(): string[] {
  return (process.env.ARKIV_TRAIN ?? join(root, '..', 'shared', 'train')).split(':').filter(Boolean);
}

export function trainDocs(dirs = trainDirs()): TrainDoc[] {
  const docs: TrainDoc[] = [];
  for (const trainDir of dirs) for (const id of readdirSync(trainDir).sort()) {
    const truthPath = join(trainDir, id, 'truth.txt');
    if (!existsSync(truthPath)) continue;
    const truth = readFileSync(truthPath, 'utf8');
    for (const v of ['eng', 'swe'] as const) {
      const p = join(trainDir, id, `ocr-${v}.txt`);
      if (existsSync(p)) docs.push({ id, variant: v, ocr: readFileSync(p, 'utf8'), truth });
    }
  }
  return docs;
}

/** What every counter needs: the lexicon, the previous model, the class boundary and the settings. */
interface Context {
  lexicon: Lexicon;
  model: RepairModel;
  threshold: number;
  training: TrainingSettings;
}

interface Alignment {
  ref: string[];
  hyp: string[];
  aligned: Array<[number, number]>;
  /** OCR token index → the aligned truth token. */
  truthOf: Map<number, string>;
  /** The OCR text as joinedTokens splits it. */
  text: string;
  /** The truth token aligned with the OCR token at that offset of `text`. */
  truthAt: (offset: number) => string | undefined;
  truthIndexAt: (offset: number) => number | undefined;
}

const alignments = new WeakMap<TrainDoc, Alignment>();

/**
 * A training document's word alignment, made once however many counts use it (alignWords is
 * quadratic in the document's length): the truth and OCR tokens, the aligned pairs
 * [truth index, OCR index], `truthOf` (OCR token index → aligned truth token), and `text`, the
 * OCR text as joinedTokens splits it (NFC, line-end hyphenations joined), with `truthAt(offset)`:
 * the truth token aligned with the OCR token at that offset of `text`.
 */
function alignmentOf(doc: TrainDoc): Alignment {
  const known = alignments.get(doc);
  if (known) return known;
  const ref = joinedTokens(doc.truth), hyp = joinedTokens(doc.ocr);
  const aligned = alignWords(ref, hyp);
  const truthOf = new Map(aligned.map(([i, j]) => [j, ref[i]!]));
  // The same text joinedTokens splits, so that its k-th blank-free run is token k.
  const text = joinedText(doc.ocr);
  const ends = [...text.matchAll(/\S+/gu)].map((m) => m.index + m[0].length);
  const tokenAt = (offset: number): number => {
    let lo = 0, hi = ends.length; // the first token that ends after `offset`
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const truthIndexOf = new Map(aligned.map(([i, j]) => [j, i]));
  const a: Alignment = { ref, hyp, aligned, truthOf, text, truthAt: (offset) => truthOf.get(tokenAt(offset)), truthIndexAt: (offset) => truthIndexOf.get(tokenAt(offset)) };
  alignments.set(doc, a);
  return a;
}

/**
 * A lone `|`, `[` or `]` (OCR of a capital I) starting a sentence before a lower-case word: how
 * often the aligned truth word was `I` (the preposition), of all such tokens of one document,
 * added to `counts` = [to I, all]. Both engines are pooled: the confusion is one of glyph shapes,
 * not of language.
 */
function countSentenceGlyphs({ hyp, truthOf }: Alignment, counts: Tally): void {
  hyp.forEach((h, j) => {
    if (!/^[|[\]]$/u.test(h) || !(j === 0 || /[.!?]$/u.test(hyp[j - 1]!)) || !/^\p{Ll}/u.test(hyp[j + 1] ?? '')) return;
    counts[1]++;
    if (truthOf.get(j) === 'I') counts[0]++;
  });
}

/**
 * Whether a token of `doc` is a known word as written or with its diacritics put back, in the
 * document's class: the test repair asks at the places the counters below count.
 */
function wordTest(doc: TrainDoc, c: Context): (w: string) => boolean {
  const documentClass: DocClass = diacriticRate(doc.ocr) < c.threshold ? 'stripped' : 'normal';
  return (w) => knownWithDiacritics(w, { lexicon: c.lexicon, model: c.model, documentClass });
}

/**
 * A sentence-initial `I` glued to the word after it (`Lansvaret`): at every place
 * gluedSentenceGlyphs finds, whether the aligned truth has `I` before the word (the token aligns
 * with the word, or with the `I`). `counts` = [to I, all]; both engines pooled, as for the lone
 * glyph.
 */
function countGluedGlyphs(doc: TrainDoc, c: Context, counts: Tally): void {
  const { text, ref, truthIndexAt } = alignmentOf(doc);
  for (const g of gluedSentenceGlyphs(text, wordTest(doc, c))) {
    counts[1]++;
    const i = truthIndexAt(g.offset);
    if (i !== undefined && (ref[i] === 'I' || ref[i - 1] === 'I')) counts[0]++;
  }
}

/**
 * A line-end hyphen read as a colon (`ef:⏎⏎ter`): at every place colonLineBreaks finds, whether
 * the truth aligned with either half is the joined word (diacritics aside, which word repair puts
 * back). `counts` = [hyphen, all]; both engines pooled.
 */
function countColonBreaks(doc: TrainDoc, c: Context, counts: Tally): void {
  const { text, truthAt } = alignmentOf(doc);
  const same = (truth: string | undefined, word: string): boolean => truth !== undefined && foldDiacritics(core(truth).toLowerCase()) === foldDiacritics(word.toLowerCase());
  for (const b of colonLineBreaks(text, wordTest(doc, c))) {
    counts[1]++;
    const tail = text.slice(b.offset + 1).search(/\p{L}/u) + b.offset + 1;
    if (same(truthAt(b.offset - 1), b.word) || same(truthAt(tail), b.word)) counts[0]++;
  }
}

/**
 * A hyphen between two years (yearRangeHyphens: `2021-2025`): whether the aligned truth token has
 * an en dash between digits there. `counts` = [dash, all]; both engines pooled.
 */
function countYearRanges(doc: TrainDoc, counts: Tally): void {
  const { text, truthAt } = alignmentOf(doc);
  for (const offset of yearRangeHyphens(text)) {
    counts[1]++;
    if (/\d–\d/u.test(truthAt(offset) ?? '')) counts[0]++;
  }
}

// The conjunctions after which repair keeps a line-end hyphen (the same list as src/repair/units.ts).
const CONJUNCTIONS = languageSet('sv/hyphen-conjunctions');

/**
 * Line-end hyphens whose halves join into no known word (as written or with diacritics put back)
 * and are no two known words, the second no conjunction (`Dokumen-⏎tansvariv`): repair joins them,
 * at the confidence counted here. A join is wrong where the truth keeps the hyphen (`a-b`, or a
 * suspended `a- `). `counts` = [joined, all]; both engines pooled.
 */
function countHyphenJoins(doc: TrainDoc, c: Context, counts: Tally): void {
  const known = wordTest(doc, c);
  const fold = (s: string): string => foldDiacritics(s.toLowerCase());
  const truth = ' ' + fold(doc.truth.normalize('NFC')).replace(/[^\p{L}\s-]/gu, ' ').replace(/\s+/gu, ' ') + ' ';
  for (const [, a = '', b = ''] of doc.ocr.normalize('NFC').matchAll(/(\p{L}+)-[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(\p{Ll}+)/gu)) {
    if (CONJUNCTIONS.has(b) || known(a + b) || (known(a) && known(b))) continue;
    counts[1]++;
    if (!truth.includes(` ${fold(a)}-${fold(b)} `) && !truth.includes(` ${fold(a)}- `)) counts[0]++;
  }
}

/** The word repairs of the library with the previous model (corrections by a word rule: isWordRepair). */
function wordRepairs(text: string, c: Context): Correction[] {
  return repair(text, { lexicon: c.lexicon, model: c.model }).corrections.filter((k) => isWordRepair(k.rule));
}

/**
 * The places where a `.` may stand for `,` or a `,` for `.` (markSwaps, so that training counts
 * exactly what repair will change), and how often the aligned truth word ended with the other
 * mark: `counts[kind]` = [swapped, all]. Both engines are pooled, as for the glyph.
 */
function countMarkSwaps(doc: TrainDoc, c: Context, abbreviations: ReadonlyMap<string, LearnedAbbreviation>, counts: Partial<Record<MarkSwapKind, Tally>>): void {
  const { text, truthAt } = alignmentOf(doc);
  // The stop of an abbreviation repair replaces whole (`bla.` → `bl.a.`) is no sentence mark there.
  const stops = new Set(damagedAbbreviations(text, abbreviations).map((a) => a.end - 1));
  // Repair judges the word after a mark as repaired (`behov, Mangtald`): so does the count, with
  // the word repairs of the previous model (the words it repairs barely move between two runs,
  // and the marks do not feed back into them).
  const repaired = new Map(wordRepairs(text, c).map((k) => [k.offset, k.after]));
  for (const swap of markSwaps(text, c.lexicon, repaired)) {
    if (stops.has(swap.offset)) continue;
    const tally = (counts[swap.kind] ??= [0, 0]);
    tally[1]++;
    if (truthAt(swap.offset)?.endsWith(swap.after)) tally[0]++;
  }
}

type AbbreviationCounts = Record<string, { total: number; hits: Record<string, [count: number, docs: Set<string>]> }>;

/**
 * The short forms OCR made of dotted abbreviations (`bla.` for `bl.a.`): at every place
 * abbreviationSites finds, the lower-case form, and whether the aligned truth word was a listed
 * dotted abbreviation. `counts`: form → { total, hits: abbreviation → [count, documents] }.
 */
function countAbbreviations(doc: TrainDoc, lexicon: Lexicon, counts: AbbreviationCounts): void {
  const { text, truthAt } = alignmentOf(doc);
  for (const site of abbreviationSites(text)) {
    const c = (counts[site.form] ??= { total: 0, hits: {} });
    c.total++;
    const truth = (truthAt(site.start) ?? '').replace(/^[^\p{L}]+|[,;:)]+$/gu, '').toLowerCase();
    if (!/^\p{L}+\.(?:\p{L}+\.)+$/u.test(truth) || truth === site.form || !lexicon.isAbbreviation(truth.slice(0, -1))) continue;
    const h = (c.hits[truth] ??= [0, new Set()]);
    h[0]++;
    h[1].add(doc.id);
  }
}

type GlyphCounts = Record<string, { total: number; truths: Record<string, number> }>;

/**
 * Lone glyphs before a word (loneGlyphs: `~` between words): what the aligned truth token was.
 * `counts`: glyph → { total, truths: truth token → count }.
 */
function countLoneGlyphs(doc: TrainDoc, counts: GlyphCounts): void {
  const { text, truthAt } = alignmentOf(doc);
  for (const { offset, glyph } of loneGlyphs(text)) {
    const c = (counts[glyph] ??= { total: 0, truths: {} });
    c.total++;
    const truth = truthAt(offset) ?? '';
    c.truths[truth] = (c.truths[truth] ?? 0) + 1;
  }
}

/** [glyph, truth, count, all] for each glyph's most frequent other reading, seen wordMinCount+ times. */
function loneGlyphRows(counts: GlyphCounts, training: TrainingSettings): ReplacementRow[] {
  const rows: ReplacementRow[] = [];
  for (const [glyph, { total, truths }] of Object.entries(counts)) {
    const [truth, n] = Object.entries(truths).filter(([t]) => t !== glyph && t !== '').sort((a, b) => b[1] - a[1])[0] ?? [];
    if (truth !== undefined && n !== undefined && n >= training.wordMinCount) rows.push([glyph, truth, n, total]);
  }
  return rows.sort((a, b) => b[3] - a[3]);
}

/** The learned rows: [form, abbreviation, count, all places of the form], seen often enough. */
function abbreviationRows(counts: AbbreviationCounts, lexicon: Lexicon, settings: SettingsFile): ReplacementRow[] {
  const { training, evidence } = settings;
  const rows: ReplacementRow[] = [];
  for (const [form, { total, hits }] of Object.entries(counts)) {
    // A form whose letters official prose also writes as a word of its own (`mom.` for `moment`,
    // 1 033 times in the 12 M-word corpus; `lex` 75) has uses the training OCR does not show: it
    // asks the sightings of any glyph rule (evidence.glyphMinSeen), not the few of a form no text
    // writes (`bla.`).
    const minCount = lexicon.frequency(form.slice(0, -1)) >= training.corpusWord ? evidence.glyphMinSeen : training.wordMinCount;
    for (const [abbreviation, [n, docs]] of Object.entries(hits)) {
      if (n >= minCount && docs.size >= training.wordMinDocs) rows.push([form, abbreviation, n, total]);
    }
  }
  return rows.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
}

/**
 * Words repaired per word token of an OCR text, by the library with the previous model: how much
 * damage its words show. A share (training.markRateShare) of the lowest rate of the training OCR
 * is the bar below which a document's sentence marks are left alone (clean prose has about none).
 */
function wordRepairRate(text: string, c: Context): number {
  return wordRepairs(text, c).length / (text.match(/[\p{L}\p{M}0-9&#@]+/gu)?.length ?? 1);
}

/** Capital, then lower case only: the case pattern repair calls `capital`. */
const CAPITALISED = /^\p{Lu}\p{Ll}*$/u;

/**
 * `till` at a word's start merged into glyphs (tillReadings: `Ghandahallas`, `ull`): per kind, how
 * many OCR tokens had the aligned truth word among their readings, and how many truth words start
 * with `till` at all — P(read so | a `till…` word) for the ranking. The tokens are those repair
 * reads so: unknown ones, and capitalised known ones for the capital kind (`Hill`; a lower-case
 * known word, `all`, is read as itself).
 */
function countTillStarts(docs: readonly TrainDoc[], lexicon: Lexicon): Partial<Record<TillStartKind, Tally>> {
  const counts: Partial<Record<TillStartKind, number>> = {};
  let tillWords = 0;
  for (const d of docs) {
    const { ref, hyp, aligned } = alignmentOf(d);
    for (const w of ref) if (/^till/iu.test(core(w))) tillWords++;
    for (const [i, j] of aligned) {
      const t = core(ref[i]!), o = core(hyp[j]!);
      if (!/^till/iu.test(t) || !/^\p{L}+$/u.test(o)) continue;
      // Folded as repair folds the words whose diacritics it puts back (å/ä → a, ö → o, é → e).
      const folded = foldDiacritics(t);
      const hit = tillReadings(o).find((r) => r.spelling === folded);
      if (hit && (!lexicon.has(o) || (hit.kind === 'capital' && CAPITALISED.test(o)))) counts[hit.kind] = (counts[hit.kind] ?? 0) + 1;
    }
  }
  const tallies: Partial<Record<TillStartKind, Tally>> = {};
  for (const [kind, n] of Object.entries(counts) as Array<[TillStartKind, number]>) tallies[kind] = [n, tillWords];
  return tallies;
}

interface ClassCounts extends LearnedClass {
  glyphs: Tally;
  skipped: number;
}

function countClass(docs: readonly TrainDoc[], training: TrainingSettings): Omit<ClassCounts, 'tillStarts'> {
  const rules = new Map<string, number>(); // `${t}\t${o}` → count
  const pairs: string[] = [];
  const ocrWords: string[] = [];
  // Whole words the OCR turns into another string (`ull` for `till`, `dir` for `är`), case-folded:
  // `${o}\t${t}` → count and documents; and how often each truth word occurs, for P(o | t).
  const wordConfusions = new Map<string, number>();
  const wordDocs = new Map<string, Set<string>>();
  const truthWords = new Map<string, number>();
  const glyphs: Tally = [0, 0];
  let wordPairs = 0, changed = 0, skipped = 0;
  for (const d of docs) {
    const alignment = alignmentOf(d);
    const { ref, hyp, aligned } = alignment;
    countSentenceGlyphs(alignment, glyphs);
    for (const [i, j] of aligned) {
      const t = core(ref[i]!), o = core(hyp[j]!);
      if (!t || !o || !/\p{L}/u.test(t)) continue;
      const tl = t.toLowerCase(), ol = o.toLowerCase();
      truthWords.set(tl, (truthWords.get(tl) ?? 0) + 1);
      if (tl !== ol && /^\p{L}+$/u.test(tl)) {
        const k = `${ol}\t${tl}`;
        wordConfusions.set(k, (wordConfusions.get(k) ?? 0) + 1);
        let seenIn = wordDocs.get(k);
        if (!seenIn) wordDocs.set(k, (seenIn = new Set()));
        seenIn.add(d.id);
      }
      wordPairs++;
      pairs.push(t);
      ocrWords.push(o);
      if (t === o) continue;
      const chunks = charChunks(t, o);
      const edited = chunks.reduce((s, c) => s + Math.max([...c.t].length, [...c.o].length), 0);
      // Garbled pairs (misaligned words, split tokens) teach nothing about single confusions.
      if (edited > Math.max(training.garbledMinEdits, [...t].length / 2) || chunks.some((c) => [...c.t].length > training.garbledMaxChunk || [...c.o].length > training.garbledMaxChunk)) { skipped++; continue; }
      changed++;
      for (const c of chunks) rules.set(`${c.t}\t${c.o}`, (rules.get(`${c.t}\t${c.o}`) ?? 0) + 1);
    }
  }
  // How often each rule's truth side occurs at all in the aligned truth words, so that a count
  // becomes P(ocr | truth); and how often each OCR side occurs in the aligned OCR words, so that
  // it becomes P(truth | ocr), the order in which repair should try readings.
  const occurrencesIn = (words: readonly string[], sides: ReadonlySet<string>): Map<string, number> => {
    const occ = new Map<string, number>();
    for (const w of words) {
      for (const s of sides) {
        let at = w.indexOf(s);
        while (at >= 0) { occ.set(s, (occ.get(s) ?? 0) + 1); at = w.indexOf(s, at + 1); }
      }
    }
    return occ;
  };
  const split = (k: string): [string, string] => {
    const [a = '', b = ''] = k.split('\t');
    return [a, b];
  };
  const occurrences = occurrencesIn(pairs, new Set([...rules.keys()].map((k) => split(k)[0])));
  const ocrOccurrences = occurrencesIn(ocrWords, new Set([...rules.keys()].map((k) => split(k)[1])));
  const out: ChunkRule[] = [];
  for (const [k, n] of rules) {
    if (n < training.ruleMinCount) continue; // a single sighting is as likely an alignment accident as a confusion
    const [t, o] = split(k);
    out.push([t, o, n, occurrences.get(t) ?? n, ocrOccurrences.get(o) ?? n]);
  }
  out.sort((a, b) => b[2] - a[2]);
  const words: WordRule[] = [];
  for (const [k, n] of wordConfusions) {
    if (n < training.wordMinCount || (wordDocs.get(k)?.size ?? 0) < training.wordMinDocs) continue;
    const [o, t] = split(k);
    words.push([o, t, n, truthWords.get(t) ?? n]);
  }
  words.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
  return { wordPairs, changedPairs: changed, rules: out, words, glyphs, skipped };
}

/** The words of the official corpus seen at least corpusMinCount times, with their counts. */
function* corpusWords(training: TrainingSettings): Generator<string> {
  for (const [word, count] of officialCounts('sv-official-unigrams.tsv')) {
    if (!word || count < training.corpusMinCount || !/^[\p{L}]+$/u.test(word)) continue;
    yield word;
  }
}

/**
 * Letter trigrams (with ^ and $ at the word ends) of the official corpus's words: a reading with a
 * trigram Swedish never writes (`^ld`, `dtl`) is not worth a lexicon lookup. Case-folded.
 */
function trigrams(training: TrainingSettings): string {
  const set = new Set<string>();
  for (const word of corpusWords(training)) {
    const w = `^${word.toLowerCase()}$`;
    for (let i = 0; i + 3 <= w.length; i++) set.add(w.slice(i, i + 3));
    // How words begin and end (`^kom`, `ing$`): a compound begins and ends like a word too.
    if (w.length >= 5) { set.add(w.slice(0, 4)); set.add(w.slice(-4)); }
  }
  return [...set].sort().join(' ');
}

/**
 * The words of the official corpus that carry å/ä/ö/é, lower-cased, written to `path`: repair
 * folds them (`förslaget` → `forslaget`) into an index, so a token with stripped diacritics finds
 * its word in one lookup instead of a search.
 */
function diacriticWords(training: TrainingSettings, path: string): number {
  const set = new Set<string>();
  for (const word of corpusWords(training)) if (/[åäöé]/iu.test(word)) set.add(word.toLowerCase());
  const list = [...set].sort();
  writeFileSync(path, gzipSync(Buffer.from(list.join('\n') + '\n', 'utf8'), { level: 9 }));
  return list.length;
}

/** What the model file says of itself: every field's meaning, in the file (see also model-file.ts). */
export const MODEL_ABOUT = 'The repair model: learned is what scripts/train-repair.ts counts on the training folders named in learned.sources (../shared/train, and the extra material of scripts/make-train-extra.ts if made; counts only, no text); fitted is what its fit step chose. The numbers set by hand are in repair-settings.json; the schema is src/repair/model-file.ts. learned.classes.*.rules: [truth, ocr, count, truthOccurrences, ocrOccurrences]; words: [ocr word, truth word, count, truth word occurrences], lower-case, seen at least training.wordMinCount times in training.wordMinDocs documents; tillStarts: [right readings, truth words starting with till] per kind of merged till start. sentenceGlyphI: [truth I, all] for a lone | [ ] starting a sentence before a lower-case word; gluedGlyphI: [truth I, all] for a sentence-initial stroke glyph glued to a word (gluedSentenceGlyphs); colonHyphen: [hyphen, all] for a colon at a line end between the halves of a word (colonLineBreaks); hyphenJoin: [joined, all] for a line-end hyphen whose halves join into no known word and are no two words; yearRangeDash: [en dash, all] for a hyphen between two years, the second the later (yearRangeHyphens); sentenceMarks: [truth has the other mark, all] per kind of place markSwaps finds; markMinRepairRate: half the lowest share of word tokens repaired in a training OCR text; loneGlyphs: [glyph, truth token, count, all] for a punctuation mark or symbol standing alone before a word, its most frequent other reading; dottedAbbreviations: [ocr form, abbreviation, count, all places of the form] for a short word and a stop that stood for a dotted abbreviation often enough in enough documents; trigrams: the letter trigrams and four-letter word ends of the corpus words. fitted.params: the ranking weights per document class, maximising words fixed − lambda × words damaged.';

interface Paths {
  model: string;
  settings: string;
  words: string;
}

/** The model file's `learned` section counted anew on `docs`; `previous` repairs as it counts. */
export function countModel(docs: readonly TrainDoc[], previous: ModelFile, settings: SettingsFile, sources: readonly string[]): { learned: LearnedSection; report: string[] } {
  const { training, evidence } = settings;
  const lexicon = loadLexicon();
  const model = buildModel(previous, settings);
  const rates = docs.map((d) => ({ variant: d.variant, rate: diacriticRate(d.ocr) }));
  const truthRate = docs.filter((d) => d.variant === 'swe').map((d) => diacriticRate(d.truth));
  const engMax = Math.max(...rates.filter((r) => r.variant === 'eng').map((r) => r.rate));
  const sweMin = Math.min(...rates.filter((r) => r.variant === 'swe').map((r) => r.rate));
  // The class boundary is the geometric midpoint of the gap between the two OCR engines' rates
  // (the English model's floored at 1e-4, one å/ä/ö in 10 000 letters: its rate is 0 on train).
  const threshold = Math.sqrt(Math.max(engMax, 1e-4) * sweMin);
  const c: Context = { lexicon, model, threshold, training };
  const marks: Partial<Record<MarkSwapKind, Tally>> = {};
  const abbreviations: AbbreviationCounts = {}, glyphs: GlyphCounts = {};
  for (const d of docs) {
    countLoneGlyphs(d, glyphs);
    countAbbreviations(d, lexicon, abbreviations);
  }
  const dottedAbbreviations = abbreviationRows(abbreviations, lexicon, settings);
  // The forms repair will replace (the odds bar, evidence.minOdds), for the marks' count.
  const replaced = new Map(dottedAbbreviations.filter(([, , n, all]) => n / (all - n) >= evidence.minOdds).map(([f, a, n, all]) => [f, { after: a, p: n / all }]));
  for (const d of docs) countMarkSwaps(d, c, replaced, marks);
  const loneGlyphRowsLearned = loneGlyphRows(glyphs, training);
  const markMinRepairRate = Math.min(...docs.map((d) => wordRepairRate(d.ocr, c))) * training.markRateShare;
  const gluedGlyphI: Tally = [0, 0];
  for (const d of docs) countGluedGlyphs(d, c, gluedGlyphI);
  const colonHyphen: Tally = [0, 0];
  for (const d of docs) countColonBreaks(d, c, colonHyphen);
  const hyphenJoin: Tally = [0, 0];
  for (const d of docs) countHyphenJoins(d, c, hyphenJoin);
  const yearRangeDash: Tally = [0, 0];
  for (const d of docs) countYearRanges(d, yearRangeDash);
  const eng = docs.filter((d) => d.variant === 'eng'), swe = docs.filter((d) => d.variant === 'swe');
  const stripped: ClassCounts = { ...countClass(eng, training), tillStarts: countTillStarts(eng, lexicon) };
  const normal: ClassCounts = { ...countClass(swe, training), tillStarts: countTillStarts(swe, lexicon) };
  const learnedClass = ({ wordPairs, changedPairs, rules, words, tillStarts }: ClassCounts): LearnedClass => ({ wordPairs, changedPairs, rules, words, tillStarts });
  const learned: LearnedSection = {
    documents: docs.length,
    sources: [...sources],
    diacriticRate: { threshold, strippedMax: engMax, normalMin: sweMin, truthMean: truthRate.reduce((a, b) => a + b, 0) / truthRate.length },
    classes: { stripped: learnedClass(stripped), normal: learnedClass(normal) },
    sentenceGlyphI: [stripped.glyphs[0] + normal.glyphs[0], stripped.glyphs[1] + normal.glyphs[1]],
    gluedGlyphI,
    colonHyphen,
    hyphenJoin,
    yearRangeDash,
    sentenceMarks: marks,
    markMinRepairRate,
    dottedAbbreviations,
    loneGlyphs: loneGlyphRowsLearned,
    trigrams: trigrams(training),
  };
  const tallies = (o: Partial<Record<string, Tally>>): string => Object.entries(o).map(([k, t]) => `${k} ${t?.[0]}/${t?.[1]}`).join(', ');
  const report = [
    `lone glyphs: ${loneGlyphRowsLearned.map(([g, t, n, all]) => `${g} → ${t} ${n}/${all}`).join(', ') || 'none'}`,
    `dotted abbreviations: ${dottedAbbreviations.map(([f, a, n, all]) => `${f} → ${a} ${n}/${all}`).join(', ') || 'none'}`,
    `sentence marks: ${tallies(marks)}; left alone below ${markMinRepairRate.toFixed(4)} words repaired per word`,
    `glued sentence-initial glyph: I ${gluedGlyphI[0]}/${gluedGlyphI[1]}; line-end colon: hyphen ${colonHyphen[0]}/${colonHyphen[1]}; unknown hyphen join right ${hyphenJoin[0]}/${hyphenJoin[1]}; year span en dash ${yearRangeDash[0]}/${yearRangeDash[1]}`,
    `diacritic rate: eng max ${engMax.toFixed(4)}, swe min ${sweMin.toFixed(4)}, threshold ${threshold.toFixed(4)}`,
  ];
  for (const [name, k] of Object.entries({ stripped, normal })) {
    report.push(`${name}: till starts ${tallies(k.tillStarts) || 'none'}`);
    report.push(`${name}: ${k.wordPairs} word pairs, ${k.changedPairs} learned from, ${k.skipped} too garbled, ${k.rules.length} rules, ${k.words.length} word confusions; top:`);
    report.push(k.rules.slice(0, 40).map(([t, o, n, occ]) => `${t}→${o} ${n}/${occ}`).join('  '));
  }
  return { learned, report };
}

/**
 * Refuses to rewrite a model counted on training folders that ARKIV_TRAIN no longer names (the
 * shipped one was counted on train, train-extra and train-extra2; only ../shared/train is on a
 * development machine): a retrain on less material would silently replace its numbers. `--force`
 * rewrites anyway; `--model PATH` writes elsewhere.
 */
function checkSources(paths: Paths, force: boolean): void {
  if (force || !existsSync(paths.model)) return;
  const counted = readModelFile(paths.model).learned.sources;
  const now = new Set(trainDirs().map((d) => basename(d)));
  const missing = counted.filter((s) => !now.has(s));
  if (missing.length === 0) return;
  console.error(`${paths.model} was counted on ${counted.join(', ')}; ARKIV_TRAIN lacks ${missing.join(', ')}. Name every folder (see docs/repair.md), write elsewhere with --model PATH, or pass --force.`);
  process.exit(2);
}

function counts(paths: Paths): void {
  const settings = readSettingsFile(paths.settings);
  console.log(`diacritic words: ${diacriticWords(settings.training, paths.words)}`);
  const dirs = trainDirs();
  // The previous counts repair as this count runs, and their fit is kept (a first training starts
  // from the settings' fit.start until `fit` runs).
  const previous = readModelFile(existsSync(paths.model) ? paths.model : undefined);
  const { learned, report } = countModel(trainDocs(dirs), previous, settings, dirs.map((d) => basename(d)));
  const file: ModelFile = { version: MODEL_VERSION, about: MODEL_ABOUT, learned, fitted: previous.fitted };
  writeFileSync(paths.model, JSON.stringify(file) + '\n');
  for (const line of report) console.log(line);
  checks(file, settings, paths);
}

/** Rewrites the checks beside the model (repair-checks.ts) and prints what changed. */
function checks(file: ModelFile, settings: SettingsFile, paths: Paths): void {
  const changed = writeChecks(buildModel(file, settings), paths.model);
  console.log(`checks: ${checksPath(paths.model)}, ${changed.length ? `${changed.length} changed:` : 'unchanged'}`);
  for (const line of changed) console.log(`  ${line}`);
}

function option(args: readonly string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
}

// Run as a script only: a module that imports trainDocs must not rewrite the model on the way.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const mode = args[0] ?? 'counts';
  const dictionaries = join(root, 'dictionaries');
  const paths: Paths = {
    model: option(args, '--model', join(dictionaries, 'repair-model.json')),
    settings: option(args, '--settings', join(dictionaries, 'repair-settings.json')),
    words: option(args, '--words', join(dictionaries, 'repair-diacritic-words.txt.gz')),
  };
  if (mode === 'counts' || mode === 'fit') checkSources(paths, args.includes('--force'));
  if (mode === 'counts') counts(paths);
  else if (mode === 'fit' || mode === 'checks') {
    const settings = readSettingsFile(paths.settings);
    const file = mode === 'fit' ? fit(trainDocs(), readModelFile(paths.model), settings, paths.model) : readModelFile(paths.model);
    checks(file, settings, paths);
  } else {
    console.error('usage: train-repair.ts counts|fit|checks [--model PATH] [--settings PATH] [--words PATH] [--force]');
    process.exit(2);
  }
}
