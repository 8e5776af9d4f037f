/**
 * Parquet export of signatures and LSH band rows, for archives that outgrow one machine: Spark SQL,
 * DuckDB or Ray can group `bands.parquet` on (band, band_hash) to get candidate pairs, and compare
 * `signatures.parquet` rows to verify them, without this library.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { ArkivError } from '../errors.js';
import { bandHashes, type Banding } from './lsh.js';
import type { DocSketch } from './types.js';

export interface ExportResult {
  signatures: string;
  bands: string;
  documents: number;
  bandRows: number;
}

/**
 * Writes `DIR/signatures.parquet` (id, origin, length, size, folded_length, latest_date, signature:
 * K little-endian uint32 as one binary value) and `DIR/bands.parquet` (id, band, band_hash: uint32).
 * Documents without shingles get no band rows (they match nothing).
 */
export function exportParquet(sketches: DocSketch[], dir: string, banding: Banding): ExportResult {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw new ArkivError('IO', `cannot create the export folder: ${cause instanceof Error ? cause.message : String(cause)}`, { file: dir, cause });
  }
  const signatures = join(dir, 'signatures.parquet');
  const bands = join(dir, 'bands.parquet');
  const withBands = sketches.filter((s) => s.fingerprint.size > 0);
  const rows = withBands.length * banding.bands;
  const ids: string[] = new Array<string>(rows);
  const bandNo = new Int32Array(rows);
  const bandHash = new Uint32Array(rows);
  const tmp = new Uint32Array(banding.bands);
  let r = 0;
  for (const s of withBands) {
    bandHashes(s.fingerprint.signature, banding, tmp);
    for (let b = 0; b < banding.bands; b++, r++) {
      ids[r] = s.id;
      bandNo[r] = b;
      bandHash[r] = tmp[b] ?? 0;
    }
  }
  const meta = [
    { key: 'arkivtext.bands', value: String(banding.bands) },
    { key: 'arkivtext.rows', value: String(banding.rows) },
  ];
  try {
    parquetWriteFile({
      filename: signatures,
      kvMetadata: meta,
      columnData: [
        { name: 'id', data: sketches.map((s) => s.id), type: 'STRING', nullable: false },
        { name: 'origin', data: sketches.map((s) => s.origin), type: 'STRING', nullable: false },
        { name: 'length', data: Int32Array.from(sketches, (s) => s.length), type: 'INT32', nullable: false },
        { name: 'size', data: Int32Array.from(sketches, (s) => s.fingerprint.size), type: 'INT32', nullable: false },
        { name: 'folded_length', data: Int32Array.from(sketches, (s) => s.fingerprint.length), type: 'INT32', nullable: false },
        { name: 'latest_date', data: sketches.map((s) => s.latestDate ?? null), type: 'STRING' },
        {
          name: 'signature',
          data: sketches.map((s) => new Uint8Array(s.fingerprint.signature.buffer, s.fingerprint.signature.byteOffset, s.fingerprint.signature.byteLength)),
          type: 'BYTE_ARRAY',
          nullable: false,
        },
      ],
    });
    parquetWriteFile({
      filename: bands,
      kvMetadata: meta,
      schema: [
        { name: 'root', num_children: 3 },
        { name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        { name: 'band', type: 'INT32', repetition_type: 'REQUIRED' },
        { name: 'band_hash', type: 'INT32', converted_type: 'UINT_32', repetition_type: 'REQUIRED' },
      ],
      columnData: [
        { name: 'id', data: ids },
        { name: 'band', data: bandNo },
        // A plain array: hyparquet-writer 0.17 maps numbers to the signed INT32 bits of a UINT_32,
        // but passes a Uint32Array through unchanged and then rejects values ≥ 2^31.
        { name: 'band_hash', data: Array.from(bandHash) },
      ],
    });
  } catch (cause) {
    throw new ArkivError('IO', `cannot write Parquet: ${cause instanceof Error ? cause.message : String(cause)}`, { file: dir, cause });
  }
  return { signatures, bands, documents: sketches.length, bandRows: rows };
}
