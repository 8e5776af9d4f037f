/**
 * The repair stage's fast lookup structures must answer exactly what the plain ones they replace
 * answered: each is checked here against a straightforward reference on real data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readings, TrigramSet, WordEdges, type Reading } from '../src/repair/channel.js';
import { boundedDistance, EditIndex } from '../src/repair/edit-index.js';
import { splitCompound, type CompoundRoles } from '../src/repair/lexicon-compound.js';
import { readDataFile } from '../src/dictionaries.js';
import { hashKey, KeyFilter } from '../src/repair/lexicon-hash.js';
import { PrefixFilter, prefixReach } from '../src/repair/lexicon-prefixes.js';
import { SortedTable } from '../src/repair/lexicon-table.js';
import { defaultModel, foldDiacritics, type ChannelTable } from '../src/repair/model.js';
import { defaultLexicon } from '../src/repair/index.js';
import { protectedSpans } from '../src/repair/tokenize.js';
import { fixture } from './repair-helpers.js';

const model = defaultModel();
const OCR_TEXTS = ['seed-001-pair/ocr.txt', 'seed-000/ocr-eng-l2.txt', 'seed-003/ocr-swe-l2.txt'].map(fixture);

/** Distinct word tokens of the OCR fixtures, glyph damage included (`6verenskommelsen`, `#r`). */
function ocrTokens(limit: number): string[] {
  const seen = new Set<string>();
  for (const text of OCR_TEXTS) for (const m of text.matchAll(/[\p{L}0-9&#@]{2,}/gu)) seen.add(m[0]);
  return [...seen].slice(0, limit);
}

interface RefPartial { text: string; cost: number; search: number; t1: number; t2: number }

/** The beam search as first written: every partial built, each position sorted once and cut. */
function referenceReadings(ocr: string, table: ChannelTable, o: { beam: number; limit: number; maxCost: number; maxStep: number }, trigrams: Set<string>): Reading[] {
  const tri = (a: number, b: number, c: number): boolean => trigrams.has(String.fromCharCode(a, b, c));
  const n = ocr.length;
  const extend = (into: RefPartial[], s: RefPartial, piece: string, lower: string, cost: number, search: number): void => {
    let { t1, t2 } = s;
    for (let i = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i);
      if (t1 >= 0 && !tri(t1, t2, c)) return;
      [t1, t2] = [t2, c];
    }
    into.push({ text: s.text + piece, cost: s.cost + cost, search: s.search + search, t1, t2 });
  };
  const buckets: RefPartial[][] = Array.from({ length: n + 1 }, () => []);
  buckets[0]!.push({ text: '', cost: 0, search: 0, t1: -1, t2: 94 });
  for (let pos = 0; pos < n; pos++) {
    let bucket = buckets[pos]!;
    if (bucket.length > o.beam) bucket = bucket.sort((a, b) => a.search - b.search).slice(0, o.beam);
    const c = ocr[pos]!;
    for (const s of bucket) extend(buckets[pos + 1]!, s, c, c.toLowerCase(), table.keepCost(c), table.keepSearch(c));
    for (let len = 1; len <= table.maxChunk && pos + len <= n; len++) {
      const chunk = ocr.slice(pos, pos + len);
      for (const alt of table.byOcr.get(chunk) ?? []) {
        if (alt.search > o.maxStep) break;
        for (const s of bucket) extend(buckets[pos + len]!, s, alt.truth, alt.lower, alt.cost, alt.search);
      }
    }
  }
  const done = buckets[n]!.sort((a, b) => a.search - b.search);
  const maxCost = (done.find((s) => s.text === ocr)?.search ?? 0) + o.maxCost;
  const out: Reading[] = [];
  const seen = new Set<string>();
  for (const s of done) {
    if (s.search > maxCost || out.length >= o.limit) break;
    if (s.t1 >= 0 && !tri(s.t1, s.t2, 36)) continue;
    if (!seen.has(s.text)) out.push({ text: s.text, cost: s.cost });
    seen.add(s.text);
  }
  return out;
}

describe('readings() (beam buckets that refuse what a full beam would cut, chunks found down a tree)', () => {
  it('gives the same readings, in the same order and with the same costs, as sorting every partial', () => {
    const trigrams = new TrigramSet(model.trigrams);
    let compared = 0;
    for (const token of ocrTokens(250)) {
      for (const table of [model.tables.stripped, model.tables.normal]) {
        for (const o of [
          { beam: 16, limit: 60, maxCost: 12, maxStep: 6 },
          { beam: 16, limit: 80, maxCost: 16, maxStep: 8 },
          { beam: 3, limit: 60, maxCost: 16, maxStep: 8 },
        ]) {
          const got = readings(token, table, { ...o, trigrams });
          const want = referenceReadings(token, table, o, model.trigrams);
          if (JSON.stringify(got) !== JSON.stringify(want)) expect.fail(`${token}: ${JSON.stringify(got.slice(0, 5))} ≠ ${JSON.stringify(want.slice(0, 5))}`);
          compared += got.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});

describe('TrigramSet and WordEdges (bit arrays of the model’s letter n-grams)', () => {
  const grams = model.trigrams;
  const trigrams = new TrigramSet(grams);
  const edges = new WordEdges(grams);
  const alphabet = [...new Set([...grams].join(''))].join('') + 'Ö6&#ŋ€';

  it('holds exactly the model’s trigrams', () => {
    for (const g of grams) if (g.length === 3) expect(trigrams.has(g.charCodeAt(0), g.charCodeAt(1), g.charCodeAt(2)), g).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 3, maxLength: 3 }), (t) => {
        expect(trigrams.has(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2))).toBe(grams.has(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('judges word edges as the string 4-grams `^abc` and `abc$` do', () => {
    const reference = (w: string): boolean => w.length < 3 || (grams.has('^' + w.slice(0, 3)) && grams.has(w.slice(-3) + '$'));
    for (const token of ocrTokens(2000)) expect(edges.plausible(token.toLowerCase()), token).toBe(reference(token.toLowerCase()));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 7 }), (w) => {
        expect(edges.plausible(w)).toBe(reference(w));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('compound analysis with a prefix reach', () => {
  const parts = ['arbets', 'marknad', 'marknads', 'nämnd', 'ens', 'natt', 'tåg', 'tågs', 'hälso', 'ar', 'bet', 'sma', 'rkn'];
  const filter = new PrefixFilter(256);
  const none = new PrefixFilter(16);
  for (const p of parts) filter.add(p);
  const set = new Set(parts);
  const roles: CompoundRoles = { begin: (p) => set.has(p), middle: (p) => set.has(p), end: (p) => set.has(p) || p === 'nämndens' || p === 'åg' };

  it('never reaches less far than a listed part does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...parts), fc.string({ unit: fc.constantFrom('a', 's', 'n', 'ä', 't'), maxLength: 4 }), fc.string({ unit: fc.constantFrom('a', 'b', 'x'), maxLength: 3 }), (part, tail, head) => {
        expect(prefixReach(head + part + tail, head.length, filter, none)).toBeGreaterThanOrEqual(part.length);
      }),
    );
    expect(prefixReach('xyzzy', 0, filter, none)).toBeLessThan(5);
  });

  it('splits every word exactly as without it', () => {
    const withReach: CompoundRoles = { ...roles, reach: (w, start) => prefixReach(w, start, filter, none) };
    expect(splitCompound('arbetsmarknadsnämndens', withReach)).toEqual(['arbets', 'marknads', 'nämndens']);
    expect(splitCompound('nattåg', withReach)).toEqual(['natt', 'tåg']); // `natt|tåg` with the simplified triple t put back
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts, 'x', 'e', 's', 'åg', 'nämndens'), { maxLength: 5 }), (pieces) => {
        const word = pieces.join('');
        expect(splitCompound(word, withReach)).toEqual(splitCompound(word, roles));
      }),
      { numRuns: 5_000 },
    );
  });

  it('splits every word exactly as without it when parts are ruled out by hash', () => {
    // A filter of 8 bits says "maybe" for nearly every stretch; one of 4096 bits for few but the parts.
    for (const bytes of [1, 512]) {
      const exact = new KeyFilter(new Uint8Array(bytes));
      for (const p of parts) exact.addHash(hashKey(p));
      const withHashes: CompoundRoles = { ...roles, reach: (w, start, hashes) => prefixReach(w, start, filter, none, hashes), mayBePart: (h) => exact.mayHaveHash(h) };
      expect(splitCompound('arbetsmarknadsnämndens', withHashes)).toEqual(['arbets', 'marknads', 'nämndens']);
      expect(splitCompound('nattåg', withHashes)).toEqual(['natt', 'tåg']);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...parts, 'x', 'e', 's', 't', 'åg', 'nämndens'), { maxLength: 6 }), (pieces) => {
          const word = pieces.join('');
          expect(splitCompound(word, withHashes)).toEqual(splitCompound(word, roles));
        }),
        { numRuns: 5_000 },
      );
    }
  });
});

/** Optimal-string-alignment distance over the whole table, capped at max + 1. */
function referenceDistance(a: string, b: string, max: number): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return Math.min(d[a.length]![b.length]!, max + 1);
}

/** The symmetric-delete index written plainly: a Map from each delete of a word's first six
 * (folded) letters to the words, every hit verified by the whole table. */
function plainIndex(words: string[]): (token: string, max: number) => Array<{ word: string; distance: number }> {
  const deletes = (s: string, k: number): Set<string> => {
    const out = new Set([s.slice(0, 6)]);
    for (let round = 0; round < k; round++) for (const d of [...out]) for (let i = 0; i < d.length; i++) out.add(d.slice(0, i) + d.slice(i + 1));
    return out;
  };
  const byDelete = new Map<string, number[]>();
  words.forEach((w, rank) => {
    for (const d of deletes(foldDiacritics(w), 2)) byDelete.set(d, [...(byDelete.get(d) ?? []), rank]);
  });
  return (token, max) => {
    const f = foldDiacritics(token);
    const hits = new Set<number>();
    for (const d of deletes(f, max)) for (const rank of byDelete.get(d) ?? []) hits.add(rank);
    return [...hits]
      .map((rank) => ({ rank, word: words[rank]!, distance: referenceDistance(f, foldDiacritics(words[rank]!), max) }))
      .filter((h) => h.distance <= max)
      .sort((a, b) => a.distance - b.distance || a.rank - b.rank)
      .map(({ word, distance }) => ({ word, distance }));
  };
}

describe('the edit index (length-ordered buckets, letter-set bound, banded distance)', () => {
  it('computes the banded distance exactly as the whole table does', () => {
    expect(boundedDistance('funktonsnedsdttning', 'funktionsnedsattning', 2)).toBe(2);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'k', 'o', 'm', 'n'), maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'k', 'o', 'm', 'n'), maxLength: 12 }), fc.integer({ min: 1, max: 3 }), (a, b, max) => {
        expect(boundedDistance(a, b, max)).toBe(referenceDistance(a, b, max));
      }),
      { numRuns: 20_000 },
    );
  });

  it('finds for each OCR token the words the plain index finds, nearest and most frequent first', () => {
    const words = defaultLexicon().vocabulary();
    const index = new EditIndex(words);
    const plain = plainIndex(words);
    for (const token of ocrTokens(3_000).filter((t) => t.length >= 4)) {
      const max = token.length >= 6 ? 2 : 1;
      expect(index.near(token, max), token).toEqual(plain(token, max));
    }
  });
});

describe('SortedTable (hashed lookups)', () => {
  it('finds every key of the shipped unigram table with its count, and no key it does not hold', () => {
    const text = readDataFile('sv-official-unigrams.txt.gz');
    const table = new SortedTable(text);
    const lines = text.split('\n').filter(Boolean);
    expect(table.size).toBe(lines.length);
    const keys = new Set<string>();
    for (const line of lines) {
      const [key = '', value = ''] = line.split('\t');
      keys.add(key);
      if (table.number(key) !== Number.parseInt(value, 10)) expect.fail(`${key}: ${table.number(key)} ≠ ${value}`);
    }
    for (const key of [...keys].slice(0, 20_000)) {
      for (const other of [key + 'x', key.slice(0, -1), key.toUpperCase(), '']) if (!keys.has(other)) expect(table.indexOf(other), other).toBe(-1);
    }
  });
});

describe('protected spans (URLs, e-mail addresses, file names)', () => {
  const PROTECTED = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\S+\.(?:pdf|docx?|xlsx?|html?|txt)\b/giu;
  const reference = (text: string): Array<[number, number]> => [...text.matchAll(PROTECTED)].map((m) => [m.index, m.index + m[0].length]);

  it('are the spans a scan of the whole text finds', () => {
    const tricky = 'Se www.kommun.se/a.pdf och kansli@x.se, fil.txt.pdf; HTTPS://X.Y/z a@b@c.d e.PDF\tx.docx. plan.pdfx ftp://a.b @ .txt\nbilaga_1.xlsx:www.';
    for (const text of [...OCR_TEXTS, tricky]) expect(protectedSpans(text)).toEqual(reference(text));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('www.', 'http://', 'a', 'b.', '@', 'x.pdf', '.doc', ' ', '\n', '-', 'se', 'ö'), { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        expect(protectedSpans(text)).toEqual(reference(text));
      }),
      { numRuns: 5_000 },
    );
  });
});
