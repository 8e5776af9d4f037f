/**
 * `arkivtext dedupe PATH…`: cluster the versions of documents. Exit 0 when every input was read,
 * 1 when some could not be (each named on stderr; the rest are still clustered), 2 on wrong usage.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  bandingFor,
  clusterSketches,
  DEFAULT_PERMUTATIONS,
  DEFAULT_THRESHOLD,
  exportParquet,
  openIndex,
  resolveOptions,
  sketchDoc,
  type Cluster,
  type DedupeIndex,
  type DocSketch,
} from '../dedupe/index.js';
import { ArkivError } from '../errors.js';
import { createDocReader, walkInputs } from './dedupe-inputs.js';
import { EXIT, usageError, type Command } from './io.js';

const HELP = `usage: arkivtext dedupe PATH… [options]

Clusters near-identical versions of documents: the born-digital original, OCR of its scan, revised
versions, extracts. PATH is a .txt or .pdf file or a folder (read recursively). Every input ends in
exactly one cluster, around its best version (born-digital over OCR, complete over partial, later
date over earlier, then longest); the reason for the choice is given.

options:
      --threshold T   estimated Jaccard similarity from which two documents are versions
                      (0 < T ≤ 1, default ${DEFAULT_THRESHOLD}); partial copies join by containment
      --index FILE    persistent SQLite index: add these documents and match them against every
                      document added before (by absolute path; re-adding a path replaces it)
      --json          print { "clusters": [ { "id", "canonical": { "path", "reason" },
                      "members": [ { "path", "similarity", "containment" } ] } ] }
      --export DIR    write DIR/signatures.parquet and DIR/bands.parquet (with --index: the whole index)
  -h, --help          this help

a .txt file whose bytes are not all UTF-8 is read (as Windows-1252 where a byte stands alone) and
named on stderr.

exit: 0 every input read, 1 some could not be read (named on stderr), 2 wrong usage
`;

interface JsonCluster {
  id: string;
  canonical: { path: string; reason: string };
  members: { path: string; similarity: number; containment: number }[];
}

function toJson(clusters: Cluster[], show: (id: string) => string): { clusters: JsonCluster[] } {
  return {
    clusters: clusters.map((c) => ({
      id: show(c.id),
      canonical: { path: show(c.canonical.id), reason: c.canonical.reason },
      members: c.members.map((m) => ({ path: show(m.id), similarity: m.similarity, containment: m.containment })),
    })),
  };
}

function table(clusters: { clusters: JsonCluster[] }): string {
  const lines: string[] = [];
  const many = clusters.clusters.filter((c) => c.members.length > 1);
  const single = clusters.clusters.length - many.length;
  lines.push(`${clusters.clusters.length} cluster${clusters.clusters.length === 1 ? '' : 's'}: ${many.length} with versions, ${single} single document${single === 1 ? '' : 's'}`);
  const width = Math.min(70, Math.max(4, ...clusters.clusters.flatMap((c) => c.members.map((m) => m.path.length))));
  clusters.clusters.forEach((c, i) => {
    lines.push('');
    lines.push(`#${i + 1}  ${c.members.length} version${c.members.length === 1 ? '' : 's'} — canonical: ${c.canonical.path}`);
    lines.push(`    why: ${c.canonical.reason}`);
    if (c.members.length > 1) {
      lines.push(`    ${'path'.padEnd(width)}  similarity  containment`);
      for (const m of c.members) {
        const mark = m.path === c.canonical.path ? '*' : ' ';
        lines.push(`  ${mark} ${m.path.padEnd(width)}  ${m.similarity.toFixed(3).padStart(10)}  ${m.containment.toFixed(3).padStart(11)}`);
      }
    }
  });
  return `${lines.join('\n')}\n`;
}

export const dedupeCommand: Command = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        threshold: { type: 'string' },
        index: { type: 'string' },
        json: { type: 'boolean' },
        export: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usageError(io, 'dedupe', err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.OK;
  }
  if (positionals.length === 0) return usageError(io, 'dedupe', 'no PATH given');
  let threshold = DEFAULT_THRESHOLD;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!(threshold > 0 && threshold <= 1)) return usageError(io, 'dedupe', `--threshold must be a number in (0, 1], got '${values.threshold}'`);
  }

  const walked = await walkInputs(positionals, io.cwd);
  let failed = walked.problems.length > 0;
  const report = (err: unknown): void => {
    io.stderr.write(`arkivtext dedupe: ${err instanceof Error ? err.message : String(err)}\n`);
  };
  walked.problems.forEach(report);
  if (walked.skipped > 0) io.stderr.write(`arkivtext dedupe: ${walked.skipped} file(s) in the folders are neither .txt nor .pdf and were skipped\n`);

  // Shown paths are relative to the working directory when inside it; index ids are absolute.
  const show = (abs: string): string => {
    const rel = relative(io.cwd, abs);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  };
  // A warning is no failure: the file was read (as `run` reports it too).
  const reader = createDocReader((file, message) => io.stderr.write(`arkivtext dedupe: ${show(file)}: ${message}\n`));
  const sketches: DocSketch[] = [];
  try {
    for (const file of walked.files) {
      try {
        // Sketch at once: the text is not kept, so memory does not grow with the archive.
        sketches.push(sketchDoc(await reader.read(file, file)));
      } catch (err) {
        failed = true;
        report(err instanceof ArkivError && err.file ? err : new ArkivError('IO', err instanceof Error ? err.message : String(err), { file: show(file), cause: err }));
      }
    }
  } finally {
    await reader.close();
  }

  let index: DedupeIndex | undefined;
  let clusters: Cluster[];
  try {
    if (values.index !== undefined) {
      index = openIndex(resolve(io.cwd, values.index));
      index.addMany(sketches);
      const mine = new Set(sketches.map((s) => s.id));
      // Clusters over the whole archive, shown where they hold a document of this run.
      clusters = index.clusters({ threshold }).filter((c) => c.members.some((m) => mine.has(m.id)));
    } else {
      clusters = clusterSketches(sketches, { threshold });
    }
    if (values.export !== undefined) {
      const all = index ? index.sketches() : sketches;
      const banding = index ? index.banding : bandingFor(resolveOptions({ threshold }), all[0]?.fingerprint.signature.length ?? DEFAULT_PERMUTATIONS);
      const done = exportParquet(all, resolve(io.cwd, values.export), banding);
      io.stderr.write(`arkivtext dedupe: wrote ${done.documents} signatures to ${done.signatures} and ${done.bandRows} band rows (${banding.bands} bands × ${banding.rows} rows) to ${done.bands}\n`);
    }
  } catch (err) {
    report(err);
    return EXIT.FAILED;
  } finally {
    index?.close();
  }

  const out = toJson(clusters, show);
  io.stdout.write(values.json ? `${JSON.stringify(out, null, 2)}\n` : table(out));
  return failed ? EXIT.FAILED : EXIT.OK;
};
