/**
 * Finds the inputs of a run: every `.pdf` and `.txt` file (any letter case) under DIR.
 * Symbolic links are not followed at all, neither to files nor to directories: following only the
 * ones that stay inside DIR would need a realpath per link and still race with a link changed
 * mid-run; not following them is simple and cannot leave DIR. They are listed as ignored, so
 * nothing is skipped silently. The result is sorted by path (UTF-16 code units, not locale), so
 * two runs over the same folder see the same order and write the same report.
 */
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type InputKind = 'pdf' | 'text';

export interface WalkEntry {
  /** Path relative to DIR, with `/` separators. */
  path: string;
  absolute: string;
  kind: InputKind;
  size: number;
  mtimeMs: number;
}

export interface IgnoredEntry {
  path: string;
  reason: string;
}

export interface WalkResult {
  inputs: WalkEntry[];
  ignored: IgnoredEntry[];
}

export function inputKind(name: string): InputKind | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.txt')) return 'text';
  return undefined;
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export async function walkArchive(dir: string): Promise<WalkResult> {
  const inputs: WalkEntry[] = [];
  const ignored: IgnoredEntry[] = [];

  async function visit(absolute: string, relative: string): Promise<void> {
    let handle;
    try {
      handle = await opendir(absolute);
    } catch (error) {
      ignored.push({ path: relative || '.', reason: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    for await (const entry of handle) {
      const childAbsolute = join(absolute, entry.name);
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        ignored.push({ path: childRelative, reason: 'symbolic link (not followed)' });
        continue;
      }
      if (entry.isDirectory()) {
        await visit(childAbsolute, childRelative);
        continue;
      }
      const kind = inputKind(entry.name);
      if (!kind) continue;
      if (!entry.isFile()) {
        ignored.push({ path: childRelative, reason: 'not a regular file' });
        continue;
      }
      const info = await stat(childAbsolute);
      inputs.push({ path: childRelative, absolute: childAbsolute, kind, size: info.size, mtimeMs: info.mtimeMs });
    }
  }

  await visit(dir, '');
  inputs.sort(byPath);
  ignored.sort(byPath);
  return { inputs, ignored };
}
