/**
 * Where the outputs of one input go: `OUT/<relative path>.txt` and `.json`. The relative path
 * comes from a directory listing, but it is still sanitised, because a file name is data: control
 * characters become `_`, `.`/`..`/empty segments are dropped, and a name too long for the file
 * system once `.json` is appended is shortened with a hash of the full name. Whatever happens,
 * the result is checked to lie inside OUT, so no name can make the run write elsewhere.
 */
import { createHash } from 'node:crypto';
import { resolve, sep } from 'node:path';
import { ArkivError } from '../errors.js';

/** NAME_MAX is 255 bytes on the usual file systems; leave room for `.json` and temp-file affixes. */
const MAX_SEGMENT_BYTES = 200;

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

function sanitiseSegment(segment: string): string {
  let clean = segment.replace(/[\u0000-\u001f\u007f\\]/g, '_');
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
