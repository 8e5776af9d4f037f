/**
 * The similarity graph: LSH candidate pairs, each verified, as neighbour lists.
 */
import { ArkivError } from '../errors.js';
import { forEachCandidate } from './candidates.js';
import { bandingFor, type ResolvedOptions } from './options.js';
import type { ClusterStats, DocSketch } from './types.js';
import { int32View } from './similarity.js';
import { verifySignatures, type Edge } from './verify.js';

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
  const views = sketches.map((s) => int32View(s.fingerprint.signature));
  const sizes = Float64Array.from(sketches, (s) => s.fingerprint.size);
  let candidates = 0;
  let edges = 0;
  forEachCandidate(sketches.map((s) => s.fingerprint.signature), active, banding, (i, j) => {
    const list = graph[i] as Neighbour[];
    // A true pair shares many bands: verify it once.
    for (let x = 0; x < list.length; x++) if ((list[x] as Neighbour).index === j) return;
    candidates++;
    const edge = verifySignatures(views[i] as Int32Array, views[j] as Int32Array, sizes[i] ?? 0, sizes[j] ?? 0, o);
    if (!edge) return;
    edges++;
    list.push({ index: j, edge, flipped: false });
    (graph[j] as Neighbour[]).push({ index: i, edge, flipped: true });
  });
  if (stats) Object.assign(stats, { candidates, edges, bands: banding.bands, rows: banding.rows });
  return graph;
}

