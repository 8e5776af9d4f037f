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

/** Tables an arkivtext index holds; a file with any other table is someone else's database. */
const OWN_TABLES = new Set(['meta', 'docs', 'bands']);
/** How long a writer waits for another process's transaction before it gives up (ms). */
const BUSY_TIMEOUT_MS = 30_000;

export function openIndex(path: string, options: OpenIndexOptions = {}): DedupeIndex {
  let db: Database.Database | undefined;
  const refuse = (code: 'INVALID_INPUT' | 'IO', message: string, cause?: unknown): never => {
    db?.close();
    throw new ArkivError(code, message, { file: path, ...(cause === undefined ? {} : { cause }) });
  };
  let meta = new Map<string, string>();
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // What the file holds is looked at before anything is written to it: another program's
    // database gets no tables of ours, and no switch to WAL.
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    const foreign = tables.filter((t) => !OWN_TABLES.has(t) && !t.startsWith('sqlite_'));
    if (foreign.length > 0 || (tables.length > 0 && !tables.includes('meta'))) {
      refuse('INVALID_INPUT', `is not an arkivtext dedupe index (it holds the tables ${tables.join(', ')}); nothing was changed in it — give --index a new file or one an earlier run made`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Created in one immediate transaction: processes creating one new index at once wait for
    // each other instead of each writing its own meta.
    db.transaction(() => {
      db!.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS docs (
        rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, origin TEXT NOT NULL, quality REAL, mtime REAL,
        latest_date TEXT, origin_evidence TEXT, length INTEGER NOT NULL, size INTEGER NOT NULL,
        folded INTEGER NOT NULL, signature BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS bands (
        band INTEGER NOT NULL, hash INTEGER NOT NULL, doc INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        PRIMARY KEY (band, hash, doc)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS bands_doc ON bands(doc);`);
      meta = new Map((db!.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
      if (meta.size === 0) {
        const fp0 = checkFingerprintOptions(options);
        const stored0 = resolveOptions(options);
        const put = db!.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        for (const [k, v] of Object.entries({ version: SCHEMA_VERSION, ...fp0, ...stored0, ...bandingFor(stored0, fp0.permutations) })) put.run(k, String(v));
        meta = new Map((db!.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
      }
    }).immediate();
  } catch (cause) {
    if (cause instanceof ArkivError) throw cause;
    const message = cause instanceof Error ? cause.message : String(cause);
    if (/not a database|file is encrypted|malformed/i.test(message)) refuse('INVALID_INPUT', `is not an arkivtext dedupe index (not an SQLite database: ${message}); nothing was changed in it`, cause);
    refuse('IO', `cannot open the dedupe index: ${message}`, cause);
  }
  const database = db!;
  db = database;

  const fp = checkFingerprintOptions({
    permutations: Number(meta.get('permutations')),
    shingle: Number(meta.get('shingle')),
    seed: Number(meta.get('seed')),
    ...(meta.has('stopShingles') ? { stopShingles: meta.get('stopShingles') === 'true' } : {}),
  });
  const stored: ResolvedOptions = resolveOptions({
    threshold: Number(meta.get('threshold')),
    containment: Number(meta.get('containment')),
    minShare: Number(meta.get('minShare')),
    ...(meta.has('recallWeight') ? { recallWeight: Number(meta.get('recallWeight')) } : {}),
  });
  if (meta.get('version') !== SCHEMA_VERSION) {
    refuse('INVALID_INPUT', `is a dedupe index of version ${meta.get('version') ?? '?'}, not ${SCHEMA_VERSION}`);
  }
  // Signatures made with other fingerprint settings cannot be compared: such an index would
  // silently find nothing.
  for (const key of ['permutations', 'shingle', 'seed', 'stopShingles'] as const) {
    if (options[key] !== undefined && options[key] !== fp[key]) {
      refuse('INVALID_INPUT', `the index was made with ${key} ${String(fp[key])}, not ${String(options[key])} as asked; use an index made with the same settings, or a new file`);
    }
  }
  const banding: Banding = { bands: Number(meta.get('bands')), rows: Number(meta.get('rows')) };

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
  // Immediate: a writer takes the lock at the start (another waits, busy_timeout) rather than
  // failing when it upgrades from reading.
  const addManyTx = db.transaction((docs: (DedupeDoc | DocSketch)[]) => docs.map(addOne));
  const addMany = (docs: (DedupeDoc | DocSketch)[]): DocSketch[] => addManyTx.immediate(docs);

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
