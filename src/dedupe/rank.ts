/**
 * Which version of a document is the best, and why: born-digital over OCR, complete over partial,
 * final over draft (later date in the text, then newer file), then cleaner text, then longest.
 */
import type { DocSketch, Origin } from './types.js';

const ORIGIN_RANK: Record<Origin, number> = { 'born-digital': 2, unknown: 1, ocr: 0 };

export interface RankedDoc {
  sketch: DocSketch;
  /** Contained in a clearly longer neighbour: an extract or an earlier, shorter version. */
  partial: boolean;
}

interface Criterion {
  name: string;
  /** > 0 when a is better. */
  compare(a: RankedDoc, b: RankedDoc): number;
  /** Why a beat b on this criterion. */
  explain(a: RankedDoc, b: RankedDoc): string;
}

const originName = (d: RankedDoc): string => {
  const o = d.sketch.origin;
  return o === 'ocr' ? 'OCR' : o;
};

const CRITERIA: Criterion[] = [
  {
    name: 'origin',
    compare: (a, b) => ORIGIN_RANK[a.sketch.origin] - ORIGIN_RANK[b.sketch.origin],
    explain: (a, b) => `${originName(a)}${a.sketch.originEvidence ? ` (estimated: ${a.sketch.originEvidence})` : ''} over ${originName(b)}`,
  },
  {
    name: 'complete',
    compare: (a, b) => Number(b.partial) - Number(a.partial),
    explain: () => 'complete over partial',
  },
  {
    name: 'date',
    compare: (a, b) => cmp(a.sketch.latestDate ?? '', b.sketch.latestDate ?? ''),
    explain: (a, b) => `later date in text (${a.sketch.latestDate ?? '?'} over ${b.sketch.latestDate ?? 'none'})`,
  },
  {
    name: 'mtime',
    compare: (a, b) => cmp(a.sketch.mtimeMs ?? -Infinity, b.sketch.mtimeMs ?? -Infinity),
    explain: () => 'newer file',
  },
  {
    name: 'quality',
    compare: (a, b) => cmp(a.sketch.quality ?? -1, b.sketch.quality ?? -1),
    explain: (a, b) => `cleaner text (${fmt(a.sketch.quality)} over ${fmt(b.sketch.quality)} known words)`,
  },
  {
    name: 'length',
    // Folded length (letters and digits), so white space and layout do not make a version "longer".
    compare: (a, b) => a.sketch.fingerprint.length - b.sketch.fingerprint.length || a.sketch.length - b.sketch.length,
    explain: (a, b) => `longest (${a.sketch.fingerprint.length} over ${b.sketch.fingerprint.length} letters and digits)`,
  },
];

function cmp<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fmt(q: number | undefined): string {
  return q === undefined ? '?' : `${Math.round(q * 100)}%`;
}

/** Sort order: negative when a is the better version. Ties end on the id, so order is stable. */
export function betterFirst(a: RankedDoc, b: RankedDoc): number {
  for (const c of CRITERIA) {
    const d = c.compare(a, b);
    if (d !== 0) return -d;
  }
  return cmp(a.sketch.id, b.sketch.id);
}

/** Why `canonical` was chosen over the other members: the deciding criterion against each. */
export function explainChoice(canonical: RankedDoc, others: RankedDoc[]): string {
  if (others.length === 0) return `only version (${describe(canonical)})`;
  const reasons = new Map<string, number>();
  for (const other of others) {
    const decisive = CRITERIA.find((c) => c.compare(canonical, other) > 0);
    const text = decisive ? decisive.explain(canonical, other) : 'identical on every criterion; first by id';
    reasons.set(text, (reasons.get(text) ?? 0) + 1);
  }
  return [...reasons].map(([text, n]) => (n > 1 ? `${text} ×${n}` : text)).join('; ');
}

function describe(d: RankedDoc): string {
  const parts = [`${originName(d)}${d.sketch.originEvidence ? ` (estimated: ${d.sketch.originEvidence})` : ''}`];
  if (d.sketch.latestDate) parts.push(`dated ${d.sketch.latestDate}`);
  parts.push(`${d.sketch.length} chars`);
  return parts.join(', ');
}
