/**
 * Clustering: the verified similarity graph → stars. Canonicals are chosen greedily in quality order
 * (best version first); each takes its still unassigned verified neighbours as members. So A~B and
 * B~C do not put A with C unless A~C.
 */
import { checkOptions, checkString, invalid } from '../validate.js';
import { ArkivError } from '../errors.js';
import { latestDate } from './dates.js';
import { fingerprint, type FingerprintOptions } from './fingerprint.js';
import { neighbourGraph, type Neighbour } from './graph.js';
import { PARTIAL_LENGTH_RATIO, resolveOptions } from './options.js';
import { betterFirst, explainChoice, type RankedDoc } from './rank.js';
import type { Cluster, ClusterMember, ClusterOptions, DedupeDoc, DocSketch } from './types.js';

export function sketchDoc(doc: DedupeDoc, options?: FingerprintOptions): DocSketch {
  checkDoc('sketchDoc', 'doc', doc);
  checkOptions('sketchDoc', options);
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

/** Star clusters around the best version; every sketch ends in exactly one cluster. */
export function clusterSketches(sketches: DocSketch[], options?: ClusterOptions): Cluster[] {
  if (!Array.isArray(sketches)) throw invalid('clusterSketches', 'sketches must be an array (of sketchDoc results)', sketches);
  checkOptions('clusterSketches', options);
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
  checkDocs('dedupe', docs);
  checkOptions('dedupe', options);
  const fp: FingerprintOptions = {};
  if (options?.permutations !== undefined) fp.permutations = options.permutations;
  if (options?.shingle !== undefined) fp.shingle = options.shingle;
  if (options?.seed !== undefined) fp.seed = options.seed;
  return clusterSketches(docs.map((d) => sketchDoc(d, fp)), options);
}

/** A document to dedupe: an object with a string `id` and a string `text`. */
function checkDoc(fn: string, name: string, doc: unknown): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw invalid(fn, `${name} must be an object { id, text }`, doc);
  checkString(fn, `${name}.id`, (doc as { id?: unknown }).id);
  checkString(fn, `${name}.text`, (doc as { text?: unknown }).text);
}

function checkDocs(fn: string, docs: unknown): void {
  if (!Array.isArray(docs)) throw invalid(fn, 'docs must be an array of { id, text }', docs);
  docs.forEach((doc, i) => checkDoc(fn, `docs[${i}]`, doc));
}
