/**
 * A document sketch as JSON, so the per-input record can carry it and a resumed run can cluster
 * inputs it did not re-read. The signature is stored as base64 of its little-endian bytes: an
 * array of 256 numbers would be about twice as large and no easier to read.
 */
import type { Origin, SketchLike } from './stage-types.js';

export interface SketchJson {
  id: string;
  signature: string;
  size: number;
  fingerprintLength: number;
  origin: Origin;
  quality?: number;
  mtimeMs?: number;
  latestDate?: string;
  originEvidence?: string;
  length: number;
}

export function sketchToJson(sketch: SketchLike): SketchJson {
  const { signature, size, length: fingerprintLength } = sketch.fingerprint;
  const bytes = Buffer.alloc(signature.length * 4);
  signature.forEach((value, i) => bytes.writeUInt32LE(value, i * 4));
  const json: SketchJson = { id: sketch.id, signature: bytes.toString('base64'), size, fingerprintLength, origin: sketch.origin, length: sketch.length };
  if (sketch.quality !== undefined) json.quality = sketch.quality;
  if (sketch.mtimeMs !== undefined) json.mtimeMs = sketch.mtimeMs;
  if (sketch.latestDate !== undefined) json.latestDate = sketch.latestDate;
  if (sketch.originEvidence !== undefined) json.originEvidence = sketch.originEvidence;
  return json;
}

export function sketchFromJson(json: SketchJson): SketchLike {
  const bytes = Buffer.from(json.signature, 'base64');
  if (bytes.length % 4 !== 0) throw new Error(`sketch of ${json.id}: signature is not a whole number of 32-bit values`);
  const signature = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = bytes.readUInt32LE(i * 4);
  const sketch: SketchLike = { id: json.id, fingerprint: { signature, size: json.size, length: json.fingerprintLength }, origin: json.origin, length: json.length };
  if (json.quality !== undefined) sketch.quality = json.quality;
  if (json.mtimeMs !== undefined) sketch.mtimeMs = json.mtimeMs;
  if (json.latestDate !== undefined) sketch.latestDate = json.latestDate;
  if (json.originEvidence !== undefined) sketch.originEvidence = json.originEvidence;
  return sketch;
}
