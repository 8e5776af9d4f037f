import type { Fingerprint } from './fingerprint.js';

export type Origin = 'born-digital' | 'ocr' | 'unknown';

export interface DedupeDoc {
  id: string;
  text: string;
  origin?: Origin;
  /** 0..1: share of known words (repair's `knownShare`); breaks ties between equal origins. */
  quality?: number;
  mtimeMs?: number;
  /** How the origin was found when it was estimated (e.g. from the text), quoted in the reason. */
  originEvidence?: string;
}

/** What clustering needs of a document; the text itself is not kept. */
export interface DocSketch {
  id: string;
  fingerprint: Fingerprint;
  origin: Origin;
  quality?: number;
  mtimeMs?: number;
  /** Latest date written in the text (ISO YYYY-MM-DD). */
  latestDate?: string;
  /** Characters of the text. */
  length: number;
  originEvidence?: string;
}

export interface ClusterMember {
  id: string;
  /** Estimated Jaccard similarity to the canonical member (1 for the canonical itself). */
  similarity: number;
  /** Estimated share of this member's shingles found in the canonical (1 for the canonical). */
  containment: number;
}

export interface Cluster {
  id: string;
  canonical: { id: string; reason: string };
  /** The canonical first, then by similarity. */
  members: ClusterMember[];
}

/** Counts from one clustering, filled in when passed as `options.stats` (for benchmarks and tuning). */
export interface ClusterStats {
  /** Candidate pairs verified (a pair sharing several bands counts once a band until it is accepted). */
  candidates: number;
  /** Verified pairs (edges of the similarity graph). */
  edges: number;
  /** LSH bands × rows used. */
  bands: number;
  rows: number;
}

export interface ClusterOptions {
  /** Estimated Jaccard similarity from which two documents are versions of each other. Default 0.35. */
  threshold?: number;
  /** Share of the smaller document inside the larger from which it is a partial copy. Default 0.75. */
  containment?: number;
  /** A partial copy must hold at least this share of the larger document's shingles. Default 0.4. */
  minShare?: number;
  /**
   * Weight of false negatives when the LSH band shape is chosen (false positives get 1 − this).
   * Default 0.7: candidates are verified anyway, so a missed pair costs more than a checked one.
   */
  recallWeight?: number;
  /** Filled in with counts from the run, when given. */
  stats?: ClusterStats;
}
