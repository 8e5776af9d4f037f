/** The public types of the archive run. */
import type { Correction, PageSource } from '../types.js';
import type { IgnoredEntry, InputKind } from './walk.js';
import type { RunStages } from './stage-types.js';
import type { SketchJson } from './sketch-json.js';
import type { RunSettings } from './settings.js';
import type { IsolateLimits } from './isolate.js';

export interface RunOptions {
  /** The output folder; created if missing. Must not be inside DIR, nor contain it. */
  out: string;
  /** When to OCR PDF pages (as in `extractPdf`). Default `auto`. */
  ocr?: 'auto' | 'always' | 'never';
  /** Repair OCR damage (default true); false only normalises. */
  repair?: boolean;
  /** Files processed at once, and the size of the shared OCR pool. Default: the number of cores. */
  workers?: number;
  /** Word lists the lexicon learns before repairing (e.g. names and places of the archive). */
  learn?: string[];
  /** Give up on a PDF page after this long (it is reported, the run goes on). */
  pageTimeoutMs?: number;
  /** Redo every input even when its outputs are current. */
  force?: boolean;
  /** A persistent dedupe index (SQLite file): earlier runs' documents are matched, this run's added. */
  index?: string;
  /** Similarity threshold for clustering (dedupe's default when absent). */
  threshold?: number;
  /** Stops the run between pages; outputs written so far stay (a rerun resumes). */
  signal?: AbortSignal;
  /** Progress events, for a progress bar or a log. */
  onEvent?: (event: RunEvent) => void;
  /** Replace stages (tests, or a caller with its own lexicon); the real ones by default. */
  stages?: Partial<RunStages>;
  /**
   * Read each input in a child process with the limits below (default true where the built
   * bundle is there to start one; injected stages always run in this process). See isolate.ts.
   */
  isolate?: boolean;
  /** Limits on one input, over DEFAULT_LIMITS (isolate.ts): page and file time, memory, image size. */
  limits?: Partial<IsolateLimits>;
}

export interface InputError {
  code: string;
  message: string;
  page?: number;
}

export interface InputReport {
  /** Relative to DIR, `/`-separated. */
  path: string;
  kind: InputKind;
  status: 'ok' | 'failed';
  error?: InputError;
  warnings: string[];
  /** PDF pages read (PDF inputs only). */
  pages?: number;
  ocrPages?: number;
  corrections?: number;
  /** Id of the input's cluster (the canonical's path, as in dedupe); absent for failed inputs. */
  cluster?: string;
  /** Whether the input is its cluster's canonical version. */
  canonical?: boolean;
  /** Outputs were current and were reused, not redone. */
  skipped?: boolean;
  /** Versions of this document found in the persistent index (`--index`). */
  indexMatches?: { path: string; similarity: number; containment: number }[];
  /** Paths of the outputs, relative to OUT. */
  outputs?: { text: string; json: string };
  seconds: number;
}

export interface ClusterReport {
  id: string;
  canonical: { path: string; reason: string };
  members: { path: string; similarity: number; containment: number }[];
}

export interface RunTotals {
  inputs: number;
  ok: number;
  failed: number;
  /** Inputs whose outputs were current and reused. */
  skipped: number;
  /** Inputs with at least one warning. */
  warned: number;
  /** Symbolic links and special files that were not read. */
  ignored: number;
  pages: number;
  ocrPages: number;
  corrections: number;
  /** Clusters (distinct documents), those with more than one version, and the non-canonical members. */
  clusters: number;
  versioned: number;
  duplicates: number;
  seconds: number;
  /** Seconds spent per stage: processing inputs (wall clock), clustering, writing the report. */
  timings: { inputs: number; cluster: number; index: number };
}

export interface RunReport {
  dir: string;
  out: string;
  settings: RunSettings;
  inputs: InputReport[];
  clusters: ClusterReport[];
  ignored: IgnoredEntry[];
  /** Files under DIR that are neither PDF nor text (by name and content), not read. */
  skipped?: number;
  totals: RunTotals;
  /** The run was stopped (Ctrl-C, or the caller's signal): inputs it did not finish are failed with ABORTED. */
  aborted?: boolean;
  /** `--index` could not be updated at the end (the run's own outputs and report are complete). */
  indexError?: string;
}

/** What a run writes next to each input's text: `OUT/<path>.json`. */
export interface InputRecord {
  input: { path: string; kind: InputKind; size: number; mtimeMs: number };
  settings: RunSettings;
  settingsHash: string;
  pages?: { number: number; source: PageSource; confidence?: number; warnings: string[]; offset?: number; length?: number }[];
  /** Offsets refer to the text the repair stage was given (see `Correction`). */
  corrections: Correction[];
  quality: {
    /** Mean OCR word confidence 0..100 over OCR'd pages (weighted by their length); null without OCR. */
    ocrConfidence: number | null;
    /** Share of word tokens in the clean text that the lexicon knows, 0..1. */
    lexiconShare: number;
    corrections: number;
    ocrPages: number;
  };
  warnings: string[];
  sketch: SketchJson;
}

export type RunEvent =
  | { type: 'start'; files: number; bytes: number }
  | { type: 'input-start'; path: string }
  | { type: 'page'; path: string; page: number; pages: number; stage: string }
  | { type: 'input-done'; input: InputReport; bytes: number }
  | { type: 'cluster'; sketches: number }
  | { type: 'done'; report: RunReport };
