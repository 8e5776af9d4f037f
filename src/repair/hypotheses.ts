/**
 * For one OCR token: the words it may stand for (the token itself and the known readings of it
 * through the confusion model), each with its channel cost. Cached per token and document class,
 * because archives repeat their words and the known-word fast path must stay cheap.
 */
import { applyCase, casePattern } from './case.js';
import { readings } from './channel.js';
import type { ChannelTable, DocClass } from './model.js';
import type { WordKnowledge } from './words.js';

export interface Hypothesis {
  text: string;
  /** −log P(token | text). */
  cost: number;
  known: boolean;
}

export interface TokenHypotheses {
  /** The token read as itself (always first). */
  original: Hypothesis;
  /** Known words the token may be, cheapest channel cost first (without the original). */
  alternatives: Hypothesis[];
}

/** Old spellings an archive may hold on purpose (`hwilka`, `af`, `qvinna`, long s): never repaired. */
const ARCHAIC = /\u017f|^[Hh]w|[Qq]v|^[Aa]f$|^[Uu]ti$|^[Hh]afva|^[Oo]ck$/u;

/** Characters the OCR puts where a Swedish letter was: a token holding one is damaged for sure. */
const GLYPH = /[0-9&#@]/u;

export class HypothesisMaker {
  private readonly cache = new Map<string, TokenHypotheses | null>();
  private readonly knownCache = new Map<string, boolean>();

  constructor(
    private readonly words: WordKnowledge,
    private readonly tables: Record<DocClass, ChannelTable>,
  ) {}

  known(word: string): boolean {
    let k = this.knownCache.get(word);
    if (k === undefined) {
      k = this.words.has(word);
      this.knownCache.set(word, k);
    }
    return k;
  }

  /** null when the token is not to be touched at all. */
  for(token: string, docClass: DocClass): TokenHypotheses | null {
    const key = docClass + '\u0000' + token;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const result = this.make(token, docClass);
    this.cache.set(key, result);
    return result;
  }

  private make(token: string, docClass: DocClass): TokenHypotheses | null {
    if (ARCHAIC.test(token)) return null;
    const table = this.tables[docClass];
    const known = this.known(token);
    let selfCost = 0;
    for (const c of token) selfCost += table.keepCost(c);
    const original: Hypothesis = { text: token, cost: selfCost, known };
    // In a document read with Swedish, a known word is left alone: only diacritic-stripping OCR
    // turns real Swedish words into other real words often enough to second-guess them.
    if (known && docClass === 'normal') return { original, alternatives: [] };
    const pattern = casePattern(token);
    const damaged = GLYPH.test(token);
    const found = new Map<string, Hypothesis>();
    let checked = 0;
    let firstFound = Infinity;
    for (const r of readings(token, table, { beam: 48, limit: 160, maxCost: damaged ? 16 : 12 })) {
      if (r.text === token) continue;
      // Readings much less likely than the best known one cannot win on the prior.
      if (r.cost > firstFound + 6) break;
      // Keep the token's case: a capitalised or upper-case token stays so; mixed-case OCR junk
      // (`fOr`) takes the reading's case.
      const text = pattern === 'mixed' ? r.text.toLowerCase() : applyCase(r.text.toLowerCase(), pattern);
      if (text === token) continue;
      const seen = found.get(text);
      if (seen) {
        // The same word reached through another case of a confusion: keep the likelier path.
        if (r.cost < seen.cost) seen.cost = r.cost;
        continue;
      }
      if (++checked > 120) break;
      if (this.known(text)) {
        found.set(text, { text, cost: r.cost, known: true });
        firstFound = Math.min(firstFound, r.cost);
      }
      if (found.size >= 6) break;
    }
    return { original, alternatives: [...found.values()] };
  }
}
