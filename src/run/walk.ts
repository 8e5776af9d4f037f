/**
 * Finds the inputs of a run: every `.pdf` and `.txt` file (any letter case) under DIR, and any other
 * file whose content is a PDF (`%PDF-` in its first kilobyte); a `.txt` that holds a PDF is read as
 * one. Files of other kinds are counted (`skipped`), not read.
 * Symbolic links are not followed at all, neither to files nor to directories: following only the
 * ones that stay inside DIR would need a realpath per link and still race with a link changed
 * mid-run; not following them is simple and cannot leave DIR. They are listed as ignored, so
 * nothing is skipped silently. The result is sorted by path (UTF-16 code units, not locale), so
 * two runs over the same folder see the same order and write the same report.
 */
import { open, opendir, stat } from 'node:fs/promises';

export type InputKind = 'pdf' | 'text';

export interface WalkEntry {
  /** Path relative to DIR, with `/` separators. */
  path: string;
  absolute: string;
  kind: InputKind;
  size: number;
  mtimeMs: number;
  /** The absolute path as bytes, where a name on it is not valid UTF-8 (`path` then shows those names read as Latin-1). */
  absoluteBytes?: Buffer;
  /** Why the input is read otherwise than its name says (a PDF named `.txt`), or how its name was read. */
  notes?: string[];
}

export interface IgnoredEntry {
  path: string;
  reason: string;
}

export interface WalkResult {
  inputs: WalkEntry[];
  ignored: IgnoredEntry[];
  /** Files that are neither PDF nor text (by name and by content), not read. */
  skipped: number;
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

/** How far into a file `%PDF-` is looked for (readers accept it within the first kilobyte). */
const SNIFF_BYTES = 1024;

/** Whether the file starts like a PDF (its header within the first kilobyte), whatever its name. */
async function looksLikePdf(path: string | Buffer): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).includes('%PDF-');
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/** Whether bytes are valid UTF-8 (a name that is not cannot be handled as a string path). */
function isUtf8(bytes: Buffer): boolean {
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}

export async function walkArchive(dir: string): Promise<WalkResult> {
  const inputs: WalkEntry[] = [];
  const ignored: IgnoredEntry[] = [];
  let skipped = 0;

  // Names are listed as bytes: a name that is not valid UTF-8 (Latin-1 on old shares) is read by
  // its bytes and shown as Latin-1, instead of a path that names no file.
  async function visit(absolute: Buffer, relative: string, bytesNeeded: boolean): Promise<void> {
    let handle;
    try {
      handle = await opendir(absolute as unknown as string, { encoding: 'buffer' as BufferEncoding });
    } catch (error) {
      ignored.push({ path: relative || '.', reason: `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    for await (const entry of handle) {
      const rawName = entry.name as unknown as Buffer;
      const utf8 = isUtf8(rawName);
      const name = utf8 ? rawName.toString('utf8') : rawName.toString('latin1');
      const childAbsolute = Buffer.concat([absolute, Buffer.from('/'), rawName]);
      const childRelative = relative ? `${relative}/${name}` : name;
      const childBytes = bytesNeeded || !utf8;
      if (entry.isSymbolicLink()) {
        ignored.push({ path: childRelative, reason: 'symbolic link (not followed)' });
        continue;
      }
      if (entry.isDirectory()) {
        await visit(childAbsolute, childRelative, childBytes);
        continue;
      }
      if (!entry.isFile()) {
        if (inputKind(name)) ignored.push({ path: childRelative, reason: 'not a regular file' });
        continue;
      }
      const named = inputKind(name);
      const notes: string[] = [];
      if (childBytes) notes.push('its path is not valid UTF-8: read by its bytes, shown with those names read as Latin-1');
      let kind = named;
      // A PDF is a PDF whatever its name says (`.txt`, no extension, `.dat`).
      if (named !== 'pdf' && (await looksLikePdf(childAbsolute))) {
        kind = 'pdf';
        notes.push(`read as a PDF: its content is one, though its name ${named ? 'says text' : 'is neither .pdf nor .txt'}`);
      }
      if (!kind) {
        skipped++;
        continue;
      }
      const info = await stat(childAbsolute);
      const path = childAbsolute.toString(childBytes ? 'latin1' : 'utf8');
      inputs.push({
        path: childRelative,
        absolute: childBytes ? path : childAbsolute.toString('utf8'),
        kind,
        size: info.size,
        mtimeMs: info.mtimeMs,
        ...(childBytes ? { absoluteBytes: childAbsolute } : {}),
        ...(notes.length > 0 ? { notes } : {}),
      });
    }
  }

  const root = Buffer.from(dir, 'utf8');
  await visit(root, '', false);
  inputs.sort(byPath);
  ignored.sort(byPath);
  return { inputs, ignored, skipped };
}
