/**
 * Stand-in stages for testing the run's own logic (walking, resume, atomic writes, reporting)
 * without pdf.js, Tesseract or the lexicon. A "PDF" here is a file starting `%PDF-fake` whose
 * pages are separated by form feeds; `BROKEN` makes it a corrupt PDF, `CRASH` an unexpected
 * error. Texts cluster when their first word is the same.
 */
import { readFile } from 'node:fs/promises';
import { ArkivError } from '../src/errors.js';
import type { RunStages, RunIndex, SketchLike, ClusterLike } from '../src/run/stage-types.js';

export interface FakeStats {
  extracted: string[];
  /** The options of the last extractPdf call. */
  pdfOptions?: Parameters<RunStages['extractPdf']>[1];
  read: string[];
  closed: number;
  indexes: Map<string, Map<string, SketchLike>>;
}

function firstWordHash(text: string): number {
  const word = text.replace('[scan]', '').trim().split(/\s+/)[0] ?? '';
  let h = 2166136261;
  for (const ch of word.toLowerCase()) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h;
}

export function fakeStages(stats: FakeStats = { extracted: [], read: [], closed: 0, indexes: new Map() }): { stages: RunStages; stats: FakeStats } {
  const stages: RunStages = {
    async readTextFile(path) {
      stats.read.push(path);
      const bytes = await readFile(path);
      if (bytes.length === 0) throw new ArkivError('EMPTY', 'the file is empty', { file: path });
      const text = new TextDecoder('utf-8').decode(bytes);
      return { text, invalidBytes: [...text].filter((c) => c === '\uFFFD').length, windows1252Bytes: 0 };
    },
    repair(text) {
      // Fixes "teh" → "the", so corrections are visible.
      const corrections = [...text.matchAll(/\bteh\b/g)].map((m) => ({ offset: m.index ?? 0, length: 3, before: 'teh', after: 'the', confidence: 0.9, rule: 'confusion' as const }));
      return { text: text.replace(/\bteh\b/g, 'the'), corrections };
    },
    normalize: (text) => ({ text, corrections: [] }),
    async extractPdf(path, options) {
      stats.extracted.push(path);
      stats.pdfOptions = options;
      const text = await readFile(path, 'utf8');
      if (text.startsWith('CRASH')) throw new TypeError('cannot read properties of undefined');
      if (!text.startsWith('%PDF-fake')) throw new ArkivError('NOT_PDF', 'not a PDF', { file: options.fileName });
      if (text.includes('BROKEN')) throw new ArkivError('CORRUPT_PDF', 'the PDF structure is damaged', { file: options.fileName, page: 2 });
      const pages = text.slice('%PDF-fake\n'.length).split('\f');
      pages.forEach((_, i) => options.onProgress?.({ page: i + 1, pages: pages.length, stage: 'text' }));
      const out = pages.map((page, i) => {
        const ocr = page.startsWith('[scan]');
        return { number: i + 1, source: ocr ? ('ocr' as const) : ('text' as const), text: page, warnings: ocr ? ['no text layer, OCR'] : [], ...(ocr ? { confidence: 80 } : {}) };
      });
      const repaired = options.repair ? stages.repair(out.map((p) => p.text).join('\f')) : { text: out.map((p) => p.text).join('\f'), corrections: [] };
      return { pages: out, text: repaired.text, corrections: repaired.corrections };
    },
    guessOrigin: (text) => (text.includes('0cr') ? { origin: 'ocr', evidence: 'digits in words' } : { origin: 'born-digital', evidence: 'clean words' }),
    knownShare: (text) => (text.includes('zzz') ? 0.5 : 0.9),
    sketchDoc(doc) {
      return { id: doc.id, fingerprint: { signature: Uint32Array.from([firstWordHash(doc.text), 7]), size: 2, length: doc.text.length }, origin: doc.origin ?? 'unknown', ...(doc.quality !== undefined ? { quality: doc.quality } : {}), length: doc.text.length };
    },
    clusterSketches(sketches) {
      const groups = new Map<number, SketchLike[]>();
      for (const s of sketches) groups.set(s.fingerprint.signature[0] ?? 0, [...(groups.get(s.fingerprint.signature[0] ?? 0) ?? []), s]);
      const clusters: ClusterLike[] = [];
      let n = 0;
      for (const members of groups.values()) {
        const best = [...members].sort((a, b) => (b.origin === 'born-digital' ? 1 : 0) - (a.origin === 'born-digital' ? 1 : 0) || (b.quality ?? 0) - (a.quality ?? 0))[0] as SketchLike;
        clusters.push({ id: `c${++n}`, canonical: { id: best.id, reason: best.origin === 'born-digital' ? 'born-digital' : 'best quality' }, members: members.map((m) => ({ id: m.id, similarity: m === best ? 1 : 0.9, containment: 1 })) });
      }
      return clusters;
    },
    openIndex(path): RunIndex {
      const docs = stats.indexes.get(path) ?? new Map<string, SketchLike>();
      stats.indexes.set(path, docs);
      return {
        query: (sketch) => [...docs.values()].filter((d) => d.fingerprint.signature[0] === sketch.fingerprint.signature[0]).map((d) => ({ id: d.id, similarity: 0.95, containment: 1 })),
        add: (sketch) => void docs.set(sketch.id, sketch),
        close: () => {},
      };
    },
    async close() {
      stats.closed++;
    },
  };
  return { stages, stats };
}
