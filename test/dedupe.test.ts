import { describe, expect, it } from 'vitest';
import {
  clusterSketches,
  compareFingerprints,
  dedupe,
  fingerprint,
  foldText,
  guessOrigin,
  latestDate,
  optimalBanding,
  sketchDoc,
  type Cluster,
  type DedupeDoc,
} from '../src/dedupe/index.js';
import { forEachCandidate } from '../src/dedupe/candidates.js';
import { DEFAULT_PERMUTATIONS } from '../src/dedupe/fingerprint.js';
import { bandingKey, PRESET_BANDINGS, searchBanding } from '../src/dedupe/lsh.js';
import { candidateThreshold, resolveOptions } from '../src/dedupe/options.js';
import { STOP_SHINGLES } from '../src/dedupe/stop-shingles.js';
import { ArkivError } from '../src/errors.js';
import { exactSimilarity, fixture, paragraphs, SEED, sentences } from './dedupe-helpers.js';

function clusterOf(clusters: Cluster[], id: string): Cluster {
  const found = clusters.filter((c) => c.members.some((m) => m.id === id));
  expect(found).toHaveLength(1);
  return found[0] as Cluster;
}

function expectPartition(clusters: Cluster[], docs: DedupeDoc[]): void {
  const ids = clusters.flatMap((c) => c.members.map((m) => m.id)).sort();
  expect(ids).toEqual(docs.map((d) => d.id).sort());
  for (const c of clusters) expect(c.members[0]?.id).toBe(c.canonical.id);
}

describe('foldText', () => {
  it('folds case and diacritics and drops white space, punctuation and line-end hyphenation', () => {
    expect(foldText('Överens-\nkommelse  för Länet,\tÅR 2021–2025!')).toBe('overenskommelseforlanetar20212025');
  });
  it('folds composed and decomposed forms alike, and ligatures', () => {
    expect(foldText('a\u030Ar och \u00E5r')).toBe(foldText('år och år'));
    expect(foldText('ﬁnansiering Straße Ærø')).toBe('finansieringstrasseaero');
  });
});

describe('fingerprint', () => {
  const text = fixture(SEED.s003);

  it('is reproducible: a fixed seed gives the exact same Uint32Array', () => {
    const a = fingerprint(text, { seed: 42 });
    const b = fingerprint(text, { seed: 42 });
    expect(a.signature).toBeInstanceOf(Uint32Array);
    expect(a.signature).toHaveLength(256);
    expect(Array.from(a.signature)).toEqual(Array.from(b.signature));
    expect(a.size).toBe(b.size);
    const c = fingerprint(text, { seed: 43 });
    expect(Array.from(c.signature)).not.toEqual(Array.from(a.signature));
  });

  it('keeps the signature of a known text fixed across versions (an index made today stays valid)', () => {
    // Recorded once from seed-000/truth.txt; a change here means stored indexes no longer match.
    const fp = fingerprint(fixture('seed-000/truth.txt'), { seed: 1 });
    expect(Array.from(fp.signature.slice(0, 6))).toEqual([0x91664, 0x1b86509, 0x25314a8, 0x37286ee, 0x4531896, 0x544a315]);
    expect([fp.size, fp.length]).toEqual([902, 2052]);
  });

  it('counts distinct shingles exactly', () => {
    const folded = foldText(text);
    const stops = new Set(STOP_SHINGLES);
    const distinct = new Set<string>();
    const all = new Set<string>();
    for (let i = 0; i + 6 <= folded.length; i++) {
      const g = folded.slice(i, i + 6);
      all.add(g);
      if (!stops.has(g)) distinct.add(g);
    }
    const fp = fingerprint(text);
    expect(fp.size).toBe(distinct.size);
    expect(fp.length).toBe(folded.length);
    expect(fingerprint(text, { stopShingles: false }).size).toBe(all.size);
  });

  it('estimates Jaccard and containment within MinHash error of the exact values', () => {
    const pairs: [string, string][] = [
      [fixture(SEED.s000), fixture(SEED.ocr001)],
      [fixture('seed-000/truth.txt'), fixture('seed-000/ocr-eng-l2.txt')],
      [fixture('seed-003/truth.txt'), fixture('seed-003/ocr-eng-l1.txt')],
      [fixture(SEED.s002), fixture(SEED.s004)],
      [fixture(SEED.s003), paragraphs(fixture(SEED.s003)).slice(0, 8).join('\n\n')],
    ];
    for (const [a, b] of pairs) {
      const exact = exactSimilarity(a, b);
      const est = compareFingerprints(fingerprint(a), fingerprint(b));
      // 256 bins: standard error ≤ 0.032; 0.1 is three of them.
      expect(Math.abs(est.jaccard - exact.jaccard)).toBeLessThan(0.1);
      expect(Math.abs(est.containsA - exact.containsA)).toBeLessThan(0.12);
      expect(Math.abs(est.containsB - exact.containsB)).toBeLessThan(0.12);
    }
  });

  it('gives an empty text size 0, and short texts one shingle', () => {
    expect(fingerprint('  \n ').size).toBe(0);
    expect(fingerprint('abc').size).toBe(1);
  });

  it('refuses bad options with an ArkivError', () => {
    expect(() => fingerprint('x', { permutations: 100 })).toThrow(ArkivError);
    expect(() => fingerprint('x', { shingle: 1 })).toThrow(/shingle/);
    expect(() => fingerprint('x', { seed: -1 })).toThrow(/seed/);
  });
});

describe('optimalBanding', () => {
  it("keeps the defaults' banding found by the search (a run does not wait ~0.25 s for it, nor does Ctrl-C)", () => {
    for (const [key, banding] of PRESET_BANDINGS) {
      const [threshold, permutations, fp, fn] = key.split('/').map(Number) as [number, number, number, number];
      expect(searchBanding(threshold, permutations, { fp, fn }), key).toEqual(banding);
    }
    const o = resolveOptions();
    expect(PRESET_BANDINGS.has(bandingKey(candidateThreshold(o), DEFAULT_PERMUTATIONS, { fp: 1 - o.recallWeight, fn: o.recallWeight }))).toBe(true);
  });

  it('catches pairs above the threshold and few far below it (recall weighted 0.7, as clustering does)', () => {
    for (const t of [0.3, 0.5, 0.8]) {
      const { bands, rows } = optimalBanding(t, 256, { fp: 0.3, fn: 0.7 });
      expect(bands * rows).toBeLessThanOrEqual(256);
      const p = (s: number): number => 1 - (1 - s ** rows) ** bands;
      expect(p(Math.min(1, t + 0.15))).toBeGreaterThan(0.95);
      expect(p(t / 4)).toBeLessThan(0.05);
    }
  });

  it('weighs recall as told: more weight on false negatives never gives a steeper, narrower net', () => {
    const even = optimalBanding(0.273, 256);
    const recall = optimalBanding(0.273, 256, { fp: 0.3, fn: 0.7 });
    const p = (b: { bands: number; rows: number }, s: number): number => 1 - (1 - s ** b.rows) ** b.bands;
    expect(p(recall, 0.3)).toBeGreaterThan(p(even, 0.3));
    expect(recall.bands * recall.rows).toBeLessThanOrEqual(256);
  });
});

describe('guessOrigin', () => {
  it('tells clean text from English-model OCR by å/ä/ö and broken words', () => {
    expect(guessOrigin(fixture('seed-000/truth.txt')).origin).toBe('born-digital');
    expect(guessOrigin(fixture('seed-003/truth.txt')).origin).toBe('born-digital');
    expect(guessOrigin(fixture('seed-000/ocr-eng-l2.txt')).origin).toBe('ocr');
    expect(guessOrigin(fixture('seed-003/ocr-eng-l1.txt')).origin).toBe('ocr');
    expect(guessOrigin(fixture('seed-000/ocr-eng-l2.txt')).evidence).toMatch(/å\/ä\/ö per 100 letters/);
    expect(guessOrigin('').origin).toBe('ocr');
  });
});

describe('latestDate', () => {
  it('reads ISO and Swedish written dates and returns the latest', () => {
    expect(latestDate('Beslut 2021-08-31. Justerat den 3 september 2021.')).toBe('2021-09-03');
    expect(latestDate('Gäller från den 1 maj 2021')).toBe('2021-05-01');
    expect(latestDate('Dnr 2021-1234, inget datum')).toBeUndefined();
  });
});

describe('dedupe on the seed fixtures', () => {
  const docs: DedupeDoc[] = [
    { id: '000', text: fixture(SEED.s000), origin: 'born-digital' },
    { id: 'ocr', text: fixture(SEED.ocr001), origin: 'ocr' },
    { id: '002', text: fixture(SEED.s002) },
    { id: '003', text: fixture(SEED.s003) },
    { id: '004', text: fixture(SEED.s004) },
  ];
  const clusters = dedupe(docs);

  it('puts seed 000 and the OCR of its scan together, the born-digital one canonical', () => {
    const c = clusterOf(clusters, '000');
    expect(c.members.map((m) => m.id).sort()).toEqual(['000', 'ocr']);
    expect(c.canonical.id).toBe('000');
    expect(c.canonical.reason).toContain('born-digital over OCR');
    const ocr = c.members.find((m) => m.id === 'ocr');
    expect(ocr?.similarity).toBeGreaterThan(0.6);
  });

  it('keeps the other seeds apart, every input in exactly one cluster', () => {
    expect(clusters).toHaveLength(4);
    for (const id of ['002', '003', '004']) expect(clusterOf(clusters, id).members).toHaveLength(1);
    expectPartition(clusters, docs);
  });
});

describe('versions made from a fixture', () => {
  const original = fixture(SEED.s003);
  const paras = paragraphs(original);

  it('a revised copy (sentences changed, a later date added) joins and becomes canonical', () => {
    const s = sentences(original);
    const revised = s.map((x, i) => (i % 9 === 4 ? 'Nämnden har därefter ändrat denna skrivning efter remissrundan.' : x)).join(' ') + ' Reviderad 2023-02-14.';
    const docs: DedupeDoc[] = [
      { id: 'original', text: original },
      { id: 'revised', text: revised },
      { id: 'other', text: fixture(SEED.s004) },
    ];
    const clusters = dedupe(docs);
    const c = clusterOf(clusters, 'original');
    expect(c.members.map((m) => m.id).sort()).toEqual(['original', 'revised']);
    expect(c.canonical.id).toBe('revised');
    expect(c.canonical.reason).toContain('later date in text (2023-02-14');
    expectPartition(clusters, docs);
  });

  it('a partial copy (an extract) joins by containment, and the complete one is canonical', () => {
    const extract = paras.slice(0, Math.ceil(paras.length * 0.45)).join('\n\n');
    const docs: DedupeDoc[] = [
      { id: 'complete', text: original, origin: 'ocr' },
      { id: 'extract', text: extract, origin: 'ocr' },
    ];
    const clusters = dedupe(docs);
    expect(clusters).toHaveLength(1);
    const c = clusters[0] as Cluster;
    expect(c.canonical.id).toBe('complete');
    expect(c.canonical.reason).toContain('complete over partial');
    const member = c.members.find((m) => m.id === 'extract');
    expect(member?.containment).toBeGreaterThan(0.85);
    // With a similarity threshold above the extract's similarity it still joins: by containment.
    expect(member?.similarity).toBeLessThan(0.6);
    const strict = dedupe(docs, { threshold: 0.6 });
    expect(strict.map((x) => x.members.map((m) => m.id))).toEqual([['complete', 'extract']]);
    // And not when partial copies must be at least 90% of the larger document (the extract is ~46%).
    expect(dedupe(docs, { threshold: 0.6, minShare: 0.9 })).toHaveLength(2);
  });

  it('template look-alikes (same header and footer, different matter) stay apart', () => {
    const header =
      'LINKÖPINGS KOMMUN\nArbetsmarknadsnämnden\nProtokollsutdrag från sammanträde i nämnden\nDiarienummer och handläggare anges nedan.\n' +
      'Sekretessbedömning: allmän handling. Beslutet kan överklagas enligt kommunallagen 13 kap. genom laglighetsprövning hos förvaltningsrätten inom tre veckor från den dag då beslutet anslogs.\n';
    const footer =
      '\nJusterare: ordföranden och den av nämnden utsedda justeraren.\nProtokollet justeras digitalt och anslås på kommunens officiella anslagstavla.\n' +
      'Postadress: Linköpings kommun, 581 81 Linköping. Besöksadress: Drottninggatan 45. Telefon 013-20 60 00. E-post: kommunen@linkoping.se. Organisationsnummer 212000-2742.\n';
    const body1 = paragraphs(fixture(SEED.s002)).slice(10, 16).join('\n\n');
    const body2 = paragraphs(fixture(SEED.s004)).slice(10, 16).join('\n\n');
    const a = header + body1 + footer;
    const b = header + body2 + footer;
    const exact = exactSimilarity(a, b);
    expect(exact.containsA).toBeGreaterThan(0.1); // they do share the template
    const clusters = dedupe([{ id: 'decision-a', text: a }, { id: 'decision-b', text: b }]);
    expect(clusters).toHaveLength(2);
  });

  it('clusters are stars: A~B and B~C does not put A with C', () => {
    const p = paragraphs(fixture(SEED.s002));
    // Overlapping windows of 30 paragraphs: A and B share 20, B and C 20, A and C 10.
    const a = `${p.slice(0, 30).join('\n\n')}\n\nBeslutsdatum 2024-01-15.`;
    const b = p.slice(10, 40).join('\n\n');
    const c = p.slice(20, 50).join('\n\n');
    // A and C born-digital, B an OCR: A (the later date) is chosen first and takes B; C, similar
    // only to B, is not pulled in through B.
    const docs: DedupeDoc[] = [
      { id: 'A', text: a, origin: 'born-digital' },
      { id: 'B', text: b, origin: 'ocr' },
      { id: 'C', text: c, origin: 'born-digital' },
    ];
    const sk = docs.map((d) => sketchDoc(d));
    const ab = compareFingerprints(sk[0]!.fingerprint, sk[1]!.fingerprint);
    const bc = compareFingerprints(sk[1]!.fingerprint, sk[2]!.fingerprint);
    const ac = compareFingerprints(sk[0]!.fingerprint, sk[2]!.fingerprint);
    expect(ab.jaccard).toBeGreaterThan(0.42);
    expect(bc.jaccard).toBeGreaterThan(0.42);
    expect(ac.jaccard).toBeLessThan(0.3);
    const clusters = clusterSketches(sk);
    expectPartition(clusters, docs);
    expect(clusters.map((cl) => cl.members.map((m) => m.id))).toEqual([['A', 'B'], ['C']]);
  });

  it('refuses sketches of different sizes or repeated ids', () => {
    const x = sketchDoc({ id: 'x', text: original });
    const y = sketchDoc({ id: 'y', text: original }, { permutations: 128 });
    expect(() => clusterSketches([x, y])).toThrow(/different options/);
    expect(() => clusterSketches([x, x])).toThrow(/same id/);
  });
});

describe('LSH candidates', () => {
  it('finds the same pairs with packed keys and with the comparator sort, and skips inactive documents', () => {
    const texts = [fixture(SEED.s000), fixture(SEED.ocr001), fixture(SEED.s003), fixture('seed-003/ocr-eng-l1.txt'), fixture(SEED.s002), fixture(SEED.s000)];
    const sigs = texts.map((t) => fingerprint(t).signature);
    const banding = optimalBanding(0.3, 256);
    const collect = (active: Uint8Array, packed: boolean): string[] => {
      const seen = new Set<string>();
      forEachCandidate(sigs, active, banding, (i, j) => seen.add(`${i}-${j}`), packed);
      return [...seen].sort();
    };
    const all = new Uint8Array(sigs.length).fill(1);
    expect(collect(all, true)).toEqual(['0-1', '0-5', '1-5', '2-3']);
    expect(collect(all, false)).toEqual(collect(all, true));
    const some = Uint8Array.from([1, 1, 1, 1, 1, 0]);
    expect(collect(some, false)).toEqual(['0-1', '2-3']);
  });
});
