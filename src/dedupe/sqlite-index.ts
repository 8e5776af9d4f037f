/**
 * A persistent near-duplicate index on SQLite (better-sqlite3): every document's sketch and its LSH
 * band hashes, so a new document is checked against everything archived before, across runs,
 * without re-reading any text.
 *
 * The fingerprint options and the banding are fixed when the index is created (stored in `meta`):
 * signatures made differently cannot be compared, so a mismatch is refused, not silently mixed.
 */
import Database from 'better-sqlite3';
import { ArkivError } from '../errors.js';
import { clusterSketches, sketchDoc } from './cluster.js';
import { bandingFor, resolveOptions, type ResolvedOptions } from './options.js';
import { verify } from './verify.js';
import { checkFingerprintOptions, type FingerprintOptions } from './fingerprint.js';
import { bandHashes, type Banding } from './lsh.js';
import type { Cluster, ClusterOptions, DedupeDoc, DocSketch, Origin } from './types.js';

const SCHEMA_VERSION = '1';

export interface IndexMatch {
  id: string;
  /** Estimated Jaccard similarity. */
  similarity: number;
  /** Share of the queried document found in this one. */
  containment: number;
  /** Share of this document found in the queried one. */
  contained: number;
}

export interface DedupeIndex {
  readonly path: string;
  /** The LSH banding fixed when the index was made. */
  readonly banding: Banding;
  /** Number of documents in the index. */
  readonly size: number;
  /** Adds (or replaces, by id) one document or sketch; returns the sketch stored. */
  add(doc: DedupeDoc | DocSketch): DocSketch;
  /** Adds many in one transaction. */
  addMany(docs: (DedupeDoc | DocSketch)[]): DocSketch[];
  /** Archived documents that are versions of `doc` (LSH candidates, verified), most similar first. */
  query(doc: DedupeDoc | DocSketch, options?: ClusterOptions): IndexMatch[];
  get(id: string): DocSketch | undefined;
  remove(id: string): boolean;
  /** Every archived sketch, in insertion order. */
  sketches(): DocSketch[];
  /** Clusters over everything in the index. */
  clusters(options?: ClusterOptions): Cluster[];
  close(): void;
}

export interface OpenIndexOptions extends FingerprintOptions, ClusterOptions {}

interface DocRow {
  rowid: number;
  id: string;
  origin: string;
  quality: number | null;
  mtime: number | null;
  latest_date: string | null;
  origin_evidence: string | null;
  length: number;
  size: number;
  folded: number;
  signature: Buffer;
}

function isSketch(x: DedupeDoc | DocSketch): x is DocSketch {
  return 'fingerprint' in x;
}

function rowToSketch(r: DocRow): DocSketch {
  // Copy: the Buffer may sit at an offset a Uint32Array cannot view.
  const bytes = new Uint8Array(r.signature.byteLength);
  bytes.set(r.signature);
  const sketch: DocSketch = {
    id: r.id,
    fingerprint: { signature: new Uint32Array(bytes.buffer), size: r.size, length: r.folded },
    origin: r.origin as Origin,
    length: r.length,
  };
  if (r.quality !== null) sketch.quality = r.quality;
  if (r.mtime !== null) sketch.mtimeMs = r.mtime;
  if (r.latest_date !== null) sketch.latestDate = r.latest_date;
  if (r.origin_evidence !== null) sketch.originEvidence = r.origin_evidence;
  return sketch;
}

export function openIndex(path: string, options: OpenIndexOptions = {}): DedupeIndex {
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS docs (
        rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, origin TEXT NOT NULL, quality REAL, mtime REAL,
        latest_date TEXT, origin_evidence TEXT, length INTEGER NOT NULL, size INTEGER NOT NULL,
        folded INTEGER NOT NULL, signature BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS bands (
        band INTEGER NOT NULL, hash INTEGER NOT NULL, doc INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        PRIMARY KEY (band, hash, doc)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS bands_doc ON bands(doc);`);
  } catch (cause) {
    throw new ArkivError('IO', `cannot open the dedupe index: ${cause instanceof Error ? cause.message : String(cause)}`, { file: path, cause });
  }

  const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const fp = checkFingerprintOptions(
    meta.size > 0 ? { permutations: Number(meta.get('permutations')), shingle: Number(meta.get('shingle')), seed: Number(meta.get('seed')) } : options,
  );
  const stored: ResolvedOptions = resolveOptions(
    meta.size > 0
      ? {
          threshold: Number(meta.get('threshold')),
          containment: Number(meta.get('containment')),
          minShare: Number(meta.get('minShare')),
          ...(meta.has('recallWeight') ? { recallWeight: Number(meta.get('recallWeight')) } : {}),
        }
      : options,
  );
  if (meta.size > 0) {
    if (meta.get('version') !== SCHEMA_VERSION) {
      db.close();
      throw new ArkivError('INVALID_INPUT', `dedupe index version ${meta.get('version') ?? '?'} is not ${SCHEMA_VERSION}`, { file: path });
    }
    for (const key of ['permutations', 'shingle', 'seed'] as const) {
      if (options[key] !== undefined && options[key] !== fp[key]) {
        db.close();
        throw new ArkivError('INVALID_INPUT', `index was made with ${key} ${fp[key]}, not ${options[key]}`, { file: path });
      }
    }
  }
  const banding: Banding =
    meta.size > 0 ? { bands: Number(meta.get('bands')), rows: Number(meta.get('rows')) } : bandingFor(stored, fp.permutations);
  if (meta.size === 0) {
    const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      for (const [k, v] of Object.entries({ version: SCHEMA_VERSION, ...fp, ...stored, ...banding })) put.run(k, String(v));
    })();
  }

  const insertDoc = db.prepare(`INSERT INTO docs (id, origin, quality, mtime, latest_date, origin_evidence, length, size, folded, signature)
    VALUES (@id, @origin, @quality, @mtime, @latest_date, @origin_evidence, @length, @size, @folded, @signature)`);
  const insertBand = db.prepare('INSERT OR IGNORE INTO bands (band, hash, doc) VALUES (?, ?, ?)');
  const deleteDoc = db.prepare('DELETE FROM docs WHERE id = ?');
  const selectDoc = db.prepare('SELECT * FROM docs WHERE id = ?');
  const selectRow = db.prepare('SELECT * FROM docs WHERE rowid = ?');
  const selectAll = db.prepare('SELECT * FROM docs ORDER BY rowid');
  const selectCandidates = db.prepare('SELECT doc FROM bands WHERE band = ? AND hash = ?');
  const count = db.prepare('SELECT count(*) AS n FROM docs');
  const hashes = new Uint32Array(banding.bands);
  let open = true;

  const toSketch = (doc: DedupeDoc | DocSketch): DocSketch => {
    const sketch = isSketch(doc) ? doc : sketchDoc(doc, fp);
    if (sketch.fingerprint.signature.length !== fp.permutations) {
      throw new ArkivError('INVALID_INPUT', `signature has ${sketch.fingerprint.signature.length} values; this index holds ${fp.permutations}`, { file: sketch.id });
    }
    return sketch;
  };
  const ensureOpen = (): void => {
    if (!open) throw new ArkivError('INVALID_INPUT', 'the dedupe index is closed', { file: path });
  };

  const addOne = (doc: DedupeDoc | DocSketch): DocSketch => {
    const s = toSketch(doc);
    deleteDoc.run(s.id);
    const sig = s.fingerprint.signature;
    const info = insertDoc.run({
      id: s.id, origin: s.origin, quality: s.quality ?? null, mtime: s.mtimeMs ?? null, latest_date: s.latestDate ?? null,
      origin_evidence: s.originEvidence ?? null, length: s.length, size: s.fingerprint.size, folded: s.fingerprint.length,
      signature: Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength),
    });
    if (s.fingerprint.size > 0) {
      bandHashes(sig, banding, hashes);
      for (let b = 0; b < banding.bands; b++) insertBand.run(b, hashes[b], info.lastInsertRowid);
    }
    return s;
  };
  const addMany = db.transaction((docs: (DedupeDoc | DocSketch)[]) => docs.map(addOne));

  return {
    path,
    banding,
    get size() {
      ensureOpen();
      return (count.get() as { n: number }).n;
    },
    add(doc) {
      ensureOpen();
      return addMany([doc])[0] as DocSketch;
    },
    addMany(docs) {
      ensureOpen();
      return addMany(docs);
    },
    query(doc, queryOptions) {
      ensureOpen();
      const o = resolveOptions({ ...stored, ...queryOptions });
      const s = toSketch(doc);
      if (s.fingerprint.size === 0) return [];
      bandHashes(s.fingerprint.signature, banding, hashes);
      const candidates = new Set<number>();
      for (let b = 0; b < banding.bands; b++) {
        for (const r of selectCandidates.all(b, hashes[b]) as { doc: number }[]) candidates.add(r.doc);
      }
      const matches: IndexMatch[] = [];
      for (const rowid of candidates) {
        const row = selectRow.get(rowid) as DocRow | undefined;
        if (!row || row.id === s.id) continue;
        const other = rowToSketch(row);
        const edge = verify(s, other, o);
        if (edge) matches.push({ id: other.id, similarity: edge.jaccard, containment: edge.containsA, contained: edge.containsB });
      }
      return matches.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
    },
    get(id) {
      ensureOpen();
      const row = selectDoc.get(id) as DocRow | undefined;
      return row ? rowToSketch(row) : undefined;
    },
    remove(id) {
      ensureOpen();
      return deleteDoc.run(id).changes > 0;
    },
    sketches() {
      ensureOpen();
      return (selectAll.all() as DocRow[]).map(rowToSketch);
    },
    clusters(clusterOptions) {
      ensureOpen();
      return clusterSketches(this.sketches(), { ...stored, ...clusterOptions });
    },
    close() {
      if (open) db.close();
      open = false;
    },
  };
}
