/**
 * The archive run: one call over a folder of PDFs and text files → clean text, per-input records,
 * clusters of versions, and a report. See run-archive.ts.
 */
export { runArchive } from './run-archive.js';
export type { RunOptions, RunReport, InputReport, InputError, InputRecord, ClusterReport, RunTotals, RunEvent } from './types.js';
export type { RunStages } from './stage-types.js';
export { renderMarkdown as renderRunReport } from './report.js';
