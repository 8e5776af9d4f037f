/**
 * Whether an input's outputs from an earlier run can be reused. They can when both outputs exist,
 * are newer than the input, and the record says it was made from this very input (same size and
 * mtime: a file replaced by an older copy is caught too) with the same settings. Anything
 * unreadable or unexpected means "redo", never an error: the outputs are ours to rewrite.
 */
import { readFile, stat } from 'node:fs/promises';
import type { OutputPaths } from './out-paths.js';
import type { InputRecord } from './types.js';
import type { WalkEntry } from './walk.js';

export function recordMatches(record: InputRecord, entry: Pick<WalkEntry, 'size' | 'mtimeMs'>, hash: string): boolean {
  return (
    record.settingsHash === hash &&
    record.input?.size === entry.size &&
    record.input?.mtimeMs === entry.mtimeMs &&
    typeof record.sketch?.signature === 'string'
  );
}

export async function loadCurrentRecord(paths: OutputPaths, entry: Pick<WalkEntry, 'size' | 'mtimeMs'>, hash: string): Promise<InputRecord | undefined> {
  try {
    const [text, json] = await Promise.all([stat(paths.text), stat(paths.json)]);
    if (text.mtimeMs < entry.mtimeMs || json.mtimeMs < entry.mtimeMs) return undefined;
    const record = JSON.parse(await readFile(paths.json, 'utf8')) as InputRecord;
    return recordMatches(record, entry, hash) ? record : undefined;
  } catch {
    return undefined;
  }
}
