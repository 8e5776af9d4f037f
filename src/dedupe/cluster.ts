/**
 * Clustering: LSH candidates → verified edges (estimated Jaccard, or containment for partial copies)
 * → stars. Canonicals are chosen greedily in quality order (best version first); each takes its
 * still unassigned verified neighbours as members. So A~B and B~C do not put A with C unless A~C.
 */
import { ArkivError } from '../errors.js';
import { forEachCandidate } from './candidates.js';
import { latestDate } from './dates.js';
import { fingerprint, type FingerprintOptions } from './fingerprint.js';
import { optimalBanding, type Banding } from './lsh.js';
import { betterFirst, explainChoice, type RankedDoc } from './rank.js';
import { compare, equalBinsAtLeast } from './similarity.js';
import type { Cluster, ClusterMember, ClusterOptions, ClusterStats, DedupeDoc, DocSketch } from './types.js';

/**
 * Fitted on /work/shared/train (scripts/fit-dedupe-threshold.mjs): exact Jaccard of a document and
 * its English-model OCR 0.626–0.758 (mean 0.695), Swedish-model OCR 0.886–0.959, unrelated pairs
 * 0.004–0.070; 0.35 is the middle of that gap, ≥ 9 MinHash standard errors from either side.
 */
export const DEFAULT_THRESHOLD = 0.35;
/**
 * Partial copies: ≥ 75% of the smaller inside the larger (an OCR'd extract keeps ~80–85% of its
 * 6-grams) and the smaller ≥ 40% of the larger's size. Unrelated train pairs reach containment
 * 0.132 at most; a shared municipal template stays far below 0.75 unless it is most of the text.
 */
export const DEFAULT_CONTAINMENT = 0.75;
export const DEFAULT_MIN_SHARE = 0.4;
/**
 * A neighbour this much longer (in folded characters, so layout does not count) makes a contained
 * document "partial". A revision that reworded sentences stays within a few percent; an extract or
 * the version before pages were added is shorter by much more.
 */
const PARTIAL_LENGTH_RATIO = 1.25;

export function sketchDoc(doc: DedupeDoc, options?: FingerprintOptions): DocSketch {
  if (typeof doc.text !== 'string') throw new ArkivError('INVALID_INPUT', 'document has no text', { file: doc.id });
  const sketch: DocSketch = {
    id: doc.id,
    fingerprint: fingerprint(doc.text, options),
    origin: doc.origin ?? 'unknown',
    length: doc.text.length,
  };
  const date = latestDate(doc.text);
  if (date !== undefined) sketch.latestDate = date;
  if (doc.quality !== undefined) sketch.quality = doc.quality;
  if (doc.mtimeMs !== undefined) sketch.mtimeMs = doc.mtimeMs;
  if (doc.originEvidence !== undefined) sketch.originEvidence = doc.originEvidence;
  return sketch;
}

export interface ResolvedOptions {
  threshold: number;
  containment: number;
  minShare: number;
}

export function resolveOptions(options: ClusterOptions = {}): ResolvedOptions {
  const r = {
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    containment: options.containment ?? DEFAULT_CONTAINMENT,
    minShare: options.minShare ?? DEFAULT_MIN_SHARE,
  };
  for (const [name, v] of Object.entries(r)) {
    if (!(v > 0 && v <= 1)) throw new ArkivError('INVALID_INPUT', `${name} must be in (0, 1], got ${v}`);
  }
  return r;
}

/**
 * The Jaccard similarity LSH must catch: the lower of the threshold and the Jaccard of a partial copy
 * at the limits (share s of the larger, containment c: J = c·s / (1 + s − c·s)).
 */
export function candidateThreshold(o: ResolvedOptions): number {
  const s = o.minShare;
  const c = o.containment;
  return Math.min(o.threshold, (c * s) / (1 + s - c * s));
}

export function bandingFor(options: ResolvedOptions, permutations: number): Banding {
  return optimalBanding(candidateThreshold(options), permutations);
}

export interface Edge {
  jaccard: number;
  /** Share of the first document in the second, and of the second in the first. */
  containsA: number;
  containsB: number;
}

/** Whether two sketches are versions of one document, and how similar; undefined when not. */
export function verify(a: DocSketch, b: DocSketch, o: ResolvedOptions): Edge | undefined {
  const sizeA = a.fingerprint.size;
  const sizeB = b.fingerprint.size;
  if (sizeA === 0 || sizeB === 0) return undefined;
  const share = Math.min(sizeA, sizeB) / Math.max(sizeA, sizeB);
  // The least Jaccard either rule accepts (containment c of the smaller at size ratio s needs
  // J ≥ c·s / (1 + s − c·s)); J can never exceed the size ratio, so some pairs need no comparing.
  let least = o.threshold;
  if (share >= o.minShare) least = Math.min(least, (o.containment * share) / (1 + share - o.containment * share));
  if (share < least) return undefined;
  const k = a.fingerprint.signature.length;
  // One bin of slack so rounding can never reject a pair the rules below would accept.
  if (equalBinsAtLeast(a.fingerprint.signature, b.fingerprint.signature, Math.ceil(least * k) - 1) < 0) return undefined;
  const s = compare(a.fingerprint, b.fingerprint);
  if (s.jaccard >= o.threshold) return s;
  const contained = sizeA <= sizeB ? s.containsA : s.containsB;
  if (share >= o.minShare && contained >= o.containment) return s;
  return undefined;
}

function checkSketches(sketches: DocSketch[]): number {
  const k = sketches[0]?.fingerprint.signature.length ?? 0;
  const ids = new Set<string>();
  for (const s of sketches) {
    if (s.fingerprint.signature.length !== k) {
      throw new ArkivError('INVALID_INPUT', `signature has ${s.fingerprint.signature.length} values, the others ${k}: sketches made with different options cannot be compared`, { file: s.id });
    }
    if (ids.has(s.id)) throw new ArkivError('INVALID_INPUT', 'the same id appears twice', { file: s.id });
    ids.add(s.id);
  }
  return k;
}

export interface Neighbour {
  index: number;
  edge: Edge;
  /** true when `edge.containsA` is the neighbour's share (the neighbour was the pair's first). */
  flipped: boolean;
}

/** Verified neighbours of every sketch. */
export function neighbourGraph(sketches: DocSketch[], o: ResolvedOptions, stats?: ClusterStats): Neighbour[][] {
  const k = checkSketches(sketches);
  const graph: Neighbour[][] = sketches.map(() => []);
  if (k === 0) return graph;
  const active = new Uint8Array(sketches.length);
  sketches.forEach((s, i) => { active[i] = s.fingerprint.size > 0 ? 1 : 0; });
  // A rejected pair is re-verified when it shares another band: rare (random pairs share one band at
  // most, as a rule), and cheaper than remembering millions of rejected pairs.
  const banding = bandingFor(o, k);
  let candidates = 0;
  let edges = 0;
  forEachCandidate(sketches.map((s) => s.fingerprint.signature), active, banding, (i, j) => {
    const list = graph[i] ?? [];
    if (list.some((nb) => nb.index === j)) return;
    candidates++;
    const a = sketches[i];
    const b = sketches[j];
    if (!a || !b) return;
    const edge = verify(a, b, o);
    if (!edge) return;
    edges++;
    list.push({ index: j, edge, flipped: false });
    graph[j]?.push({ index: i, edge, flipped: true });
  });
  if (stats) Object.assign(stats, { candidates, edges, bands: banding.bands, rows: banding.rows });
  return graph;
}

/** Star clusters around the best version; every sketch ends in exactly one cluster. */
export function clusterSketches(sketches: DocSketch[], options?: ClusterOptions): Cluster[] {
  const o = resolveOptions(options);
  const graph = neighbourGraph(sketches, o, options?.stats);
  const ranked: RankedDoc[] = sketches.map((sketch, i) => ({
    sketch,
    partial: (graph[i] ?? []).some((nb) => {
      const other = sketches[nb.index];
      const mine = nb.flipped ? nb.edge.containsB : nb.edge.containsA;
      return other !== undefined && other.fingerprint.length >= sketch.fingerprint.length * PARTIAL_LENGTH_RATIO && mine >= o.containment;
    }),
  }));
  const order = ranked.map((_, i) => i).sort((a, b) => betterFirst(ranked[a] as RankedDoc, ranked[b] as RankedDoc));
  const assigned = new Int32Array(sketches.length).fill(-1);
  const stars: { canonical: number; members: { index: number; nb?: Neighbour }[] }[] = [];
  for (const c of order) {
    if ((assigned[c] ?? 0) >= 0) continue;
    assigned[c] = stars.length;
    const star = { canonical: c, members: [{ index: c }] as { index: number; nb?: Neighbour }[] };
    for (const nb of graph[c] ?? []) {
      if ((assigned[nb.index] ?? 0) >= 0) continue;
      assigned[nb.index] = stars.length;
      star.members.push({ index: nb.index, nb });
    }
    stars.push(star);
  }
  return stars.map((star) => {
    const canonical = ranked[star.canonical] as RankedDoc;
    const members: ClusterMember[] = star.members.map(({ index, nb }) => {
      const id = (sketches[index] as DocSketch).id;
      if (!nb) return { id, similarity: 1, containment: 1 };
      // The member's share inside the canonical: containsB when the canonical was the pair's first.
      return { id, similarity: round(nb.edge.jaccard), containment: round(nb.flipped ? nb.edge.containsA : nb.edge.containsB) };
    });
    members.sort((a, b) => (a.id === canonical.sketch.id ? -1 : b.id === canonical.sketch.id ? 1 : b.similarity - a.similarity || (a.id < b.id ? -1 : 1)));
    const others = star.members.slice(1).map(({ index }) => ranked[index] as RankedDoc);
    return { id: canonical.sketch.id, canonical: { id: canonical.sketch.id, reason: explainChoice(canonical, others) }, members };
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Sketch every document and cluster: `dedupe(docs) = clusterSketches(docs.map(sketchDoc))`. */
export function dedupe(docs: DedupeDoc[], options?: ClusterOptions & FingerprintOptions): Cluster[] {
  const fp: FingerprintOptions = {};
  if (options?.permutations !== undefined) fp.permutations = options.permutations;
  if (options?.shingle !== undefined) fp.shingle = options.shingle;
  if (options?.seed !== undefined) fp.seed = options.seed;
  return clusterSketches(docs.map((d) => sketchDoc(d, fp)), options);
}
