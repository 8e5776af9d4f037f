/**
 * The shapes the run needs from the other stages, written against the team contract. The run
 * talks to the stages only through `RunStages`, so tests can inject fakes and the real stages are
 * wired in one place (`default-stages.ts`).
 */
import type { DecodedText } from '../normalise/index.js';
import type { ExtractResult, RepairResult } from '../types.js';

import type { Cluster, DedupeDoc, DocSketch, Origin } from '../dedupe/index.js';

export type { Origin };
export type SketchLike = DocSketch;
export type SketchDocInput = DedupeDoc;
export type ClusterLike = Cluster;

export interface PdfCallOptions {
  ocr: 'auto' | 'always' | 'never';
  workers: number;
  repair: boolean;
  pageTimeoutMs?: number;
  signal?: AbortSignal;
  fileName: string;
  onProgress?: (p: { page: number; pages: number; stage: string }) => void;
}

/** A match the persistent index found for a document of this run. */
export interface IndexMatch {
  id: string;
  similarity: number;
  containment: number;
}

/** The part of the dedupe index the run uses. */
export interface RunIndex {
  /** Earlier documents that look like versions of this one (the sketch itself excluded). */
  query(sketch: SketchLike): IndexMatch[];
  add(sketch: SketchLike): void;
  close(): void;
}

export interface RunStages {
  readTextFile(path: string): Promise<DecodedText>;
  /** Repair (which normalises first) with the run's lexicon. */
  repair(text: string): RepairResult;
  /** Normalisation only, for `--no-repair`; its changes come back as corrections (rule `normalize`). */
  normalize(text: string): RepairResult;
  extractPdf(path: string, options: PdfCallOptions): Promise<ExtractResult>;
  /** For text files, whose history is unknown: does the raw text look like OCR output? */
  guessOrigin(text: string): { origin: Origin; evidence: string };
  /** Share of word tokens the lexicon knows, 0..1. */
  knownShare(text: string): number;
  sketchDoc(doc: SketchDocInput): SketchLike;
  clusterSketches(sketches: SketchLike[], options?: { threshold?: number }): ClusterLike[];
  openIndex(path: string): RunIndex;
  /** Free shared resources (the OCR worker pool). */
  close(): Promise<void>;
}
