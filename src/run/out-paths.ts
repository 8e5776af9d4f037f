/**
 * Where the outputs of one input go: `OUT/<relative path>.txt` and `.json`. The relative path
 * comes from a directory listing, but it is still sanitised, because a file name is data: control
 * characters become `_` (and the name gets a hash of the original, so two names never meet),
 * `.`/`..`/empty segments are dropped, and a name too long for the file system once `.json` is
 * appended is shortened with a hash of the full name. Links already inside OUT are not followed:
 * `assertInside` compares real paths before anything is written. Whatever happens,
 * the result is checked to lie inside OUT, so no name can make the run write elsewhere.
 */
import { createHash } from 'node:crypto';
import { mkdir, realpath } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { ArkivError } from '../errors.js';

/** NAME_MAX is 255 bytes on the usual file systems; leave room for `.json` and temp-file affixes. */
const MAX_SEGMENT_BYTES = 200;

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

function sanitiseSegment(segment: string): string {
  let clean = segment.replace(/[\u0000-\u001f\u007f\\]/g, '_');
  // A name changed here gets a hash of what it was, so no two names can meet (`a\nb.txt`,
  // `a\rb.txt` and `a_b.txt` would all be `a_b.txt`): `a_b~3f2a….txt`.
  if (clean !== segment) {
    const dot = clean.lastIndexOf('.');
    const at = dot > 0 && clean.length - dot <= 10 ? dot : clean.length;
    clean = `${clean.slice(0, at)}~${shortHash(segment)}${clean.slice(at)}`;
  }
  if (Buffer.byteLength(clean) > MAX_SEGMENT_BYTES) {
    let head = clean;
    while (Buffer.byteLength(head) > MAX_SEGMENT_BYTES - 12) head = head.slice(0, -1);
    clean = `${head}~${shortHash(segment)}`;
  }
  return clean;
}

/** The relative path cleaned for use under OUT, `/`-separated. */
export function sanitiseRelative(relative: string): string {
  const segments = relative
    .split(/[/\\]/)
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .map(sanitiseSegment);
  if (segments.length === 0) throw new ArkivError('INVALID_INPUT', 'input has no usable file name', { file: relative });
  return segments.join('/');
}

export interface OutputPaths {
  text: string;
  json: string;
}

export function outputPaths(out: string, relative: string): OutputPaths {
  const root = resolve(out);
  const base = resolve(root, sanitiseRelative(relative));
  if (!base.startsWith(root + sep)) throw new ArkivError('INVALID_INPUT', `output would lie outside ${root}`, { file: relative });
  return { text: `${base}.txt`, json: `${base}.json` };
}

/**
 * Makes the folder of `path` and checks that its real path (links resolved) lies in `realOut`, the
 * real path of OUT: a symbolic link inside OUT (to the input folder, to anywhere) would otherwise
 * carry outputs out of it. A string comparison of the paths as written cannot see a link.
 */
export async function assertInside(path: string, realOut: string, file: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const real = await realpath(dir);
  if (real !== realOut && !real.startsWith(realOut + sep)) {
    throw new ArkivError('INVALID_INPUT', `its output folder ${dir} is a symbolic link (or lies in one) that leads out of the output folder, to ${real}; nothing was written there`, { file });
  }
}

/** Whether the folder of `path` exists and really lies in `realOut` (for removing old outputs). */
export async function liesInside(path: string, realOut: string): Promise<boolean> {
  try {
    const real = await realpath(dirname(path));
    return real === realOut || real.startsWith(realOut + sep);
  } catch {
    return false;
  }
}
