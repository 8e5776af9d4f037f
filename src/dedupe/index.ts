/**
 * Near-duplicate detection: fold → shingle → MinHash (one-permutation hashing, densified) → LSH
 * candidates → verified by Jaccard or containment → star clusters around the best version.
 */
export { foldText } from './fold.js';
export { STOP_SHINGLES, STOP_SHINGLE_LENGTH } from './stop-shingles.js';
export { fingerprint, DEFAULT_PERMUTATIONS, DEFAULT_SHINGLE, DEFAULT_SEED, type Fingerprint, type FingerprintOptions } from './fingerprint.js';
export { estimateJaccard, compare as compareFingerprints, type Similarity } from './similarity.js';
export { optimalBanding, bandHashes, type Banding } from './lsh.js';
export { latestDate } from './dates.js';
export { guessOrigin, type OriginGuess } from './origin.js';
export { sketchDoc, clusterSketches, dedupe } from './cluster.js';
export { candidateThreshold, bandingFor, resolveOptions, DEFAULT_THRESHOLD, DEFAULT_CONTAINMENT, DEFAULT_MIN_SHARE } from './options.js';
export { openIndex, type DedupeIndex, type IndexMatch } from './sqlite-index.js';
export { exportParquet, type ExportResult } from './parquet.js';
export type { DedupeDoc, DocSketch, ClusterMember, Cluster, ClusterOptions, ClusterStats, Origin } from './types.js';
