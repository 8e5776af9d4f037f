/**
 * The Swedish lexicon the repair stage checks words against: Hunspell sv_SE word forms (expanded at
 * build time), Swedish compounds, domain lists (municipalities, regions, authorities, terms,
 * abbreviations), word and bigram frequencies from official Swedish prose and subtitles, and what
 * it learns from clean documents of the archive being processed. See .readme/lexicon.md.
 */
import { splitCompound, type CompoundRoles } from './lexicon-compound.js';
import { readDataBytes, readDataFile } from '../dictionaries.js';
import { parseList } from './lexicon-data.js';
import { domainForms } from './lexicon-domain.js';
import { escapeRegExp, languageClass, languageList, languageSet, languageTable } from '../language.js';
import { FrontCodedTable } from './lexicon-frontcoded.js';
import { hashKey, KeyFilter } from './lexicon-hash.js';
import { PrefixFilter, prefixReach } from './lexicon-prefixes.js';
import { SortedTable } from './lexicon-table.js';
import { wordTokens } from './lexicon-tokens.js';
import { unfoldings } from './number-tails.js';
import { remember } from '../memo.js';

/** Role bits of sv-forms.fc.txt.gz (see scripts/build-lexicon.ts); 2 and 4 (compound begin and
 * middle) are read through the `compoundParts` set, not as bits. */
const STANDALONE = 1;
const END = 8;
const NUMERIC_SUFFIX = 16;
const NO_SUGGEST = 32;

/** Domain list files in dictionaries/domain/. */
export const DOMAIN_FILES = ['municipalities.txt', 'regions.txt', 'authorities.txt', 'terms.txt', 'abbreviations.txt'] as const;

/**
 * How frequency() mixes its sources, in "official-corpus occurrences" (12 M words):
 * - official: the count in official Swedish prose, all spellings of the word's case summed;
 * - subtitles: scaled to the official corpus's size and weighted down (spoken language, and the
 *   subtitle list holds OCR'd forms such as `dr` 28 502): counted only for words the lexicon knows;
 * - learned: every occurrence in the archive's own clean documents counts as LEARN_WEIGHT official
 *   occurrences, so the archive's own names and terms win over national frequencies;
 * - domain list entries get at least DOMAIN_FLOOR.
 */
export const FREQUENCY_WEIGHTS = { subtitles: 0.5, learn: 100, domainFloor: 10 } as const;

/** A compound-only word is rejected when changing one letter the way OCR damages Swedish letters
 * gives a known word at least this frequent (`Linsstyrelsen` is `Länsstyrelsen`, not lens board). */
const SHADOW_MIN_FREQUENCY = 20;
/** OCR-typical one-letter changes, by the letter as written (dictionaries/ocr/letter-swaps.txt). */
const shadowSubstitutions = (): ReadonlyMap<string, readonly string[]> => languageTable('ocr/letter-swaps');

/** Domain and learned words serve as compound parts from this length: shorter ones are mostly
 * function words of multi-word names (`för`, `och`), which would glue OCR fragments together. */
const PART_WORD_MIN = 5;
/** A compound part is suspect when one OCR-typical letter change gives a part of the same role
 * this many times more frequent (`…pensions|ratt` is `…pensions|rätt`). */
const PART_SHADOW_RATIO = 20;
/** Conjunctions that end a suspended compound (`hälso- och`): glued to a hyphen they are OCR damage. */
const compoundConjunctions = (): ReadonlySet<string> => languageSet('sv/compound-conjunctions');

const MEMO_LIMIT = 200_000;
let vowelPattern: RegExp | undefined;
/** A vowel letter, any case (dictionaries/sv/vowels.txt). */
function vowel(): RegExp {
  vowelPattern ??= languageClass('sv/vowels', 'iu');
  return vowelPattern;
}
// Patterns of has(), built once: the bundler turns a literal with \p{…} into `new RegExp(…)` where
// it stands, which inside a function means once per call.
const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
const NUMBER_HYPHEN_WORD = /^\p{N}+-(\p{L}+)$/u;
const SHORT_CAPITALS = /^\p{Lu}{2,5}$/u;
let colonEndingPattern: RegExp | undefined;
/** An ending an abbreviation takes after a colon (`EU:s`, `SFI:n`), any case. */
function colonEnding(): RegExp {
  colonEndingPattern ??= new RegExp(`^(${languageList('sv/colon-endings').map(escapeRegExp).join('|')})$`, 'iu');
  return colonEndingPattern;
}
const ABBREVIATION_HEAD = /^\p{Lu}[\p{Lu}\p{Ll}]{0,4}$/u;
/** Beyond U+02FF: only there are combining marks and characters NFC replaces (`Å` U+212B). */
const BEYOND_LATIN = /[^\u0000-\u02ff]/u;
/** NFC of `s`, without the call when every character is below U+0300 (already NFC, and nearly
 * every word repair looks up). */
const nfc = (s: string) => (BEYOND_LATIN.test(s) ? s.normalize('NFC') : s);

interface LexiconBase {
  forms: FrontCodedTable;
  /** Forms that may begin or stand inside a compound (Hunspell BEGIN/MIDDLE). */
  compoundParts: Set<string>;
  /** Filters of compoundParts, built on first use (compound analysis only): their prefixes, and
   * the parts themselves by hash (most stretches the analyser reaches are no part, and the filter
   * tells so without a substring). A lexicon copies both and adds its own parts. */
  partFilters: () => PartFilters;
  /** Loaded on first use: has() and knownShare() (the PDF page decisions) do not need them. */
  unigrams: () => { official: SortedTable; subtitles: SortedTable; subtitleScale: number };
  domain: Set<string>;
  /** The domain forms by hash: nearly every word asked is none, and the filter says so. */
  domainFilter: KeyFilter;
  /** Lower-case domain words of 3+ letters: usable as compound parts (`migrationsverket…`). */
  domainLower: Set<string>;
  /** Entries of abbreviations.txt exactly as written (`RÖK`, `SFI`, `SoL`). */
  abbreviations: Set<string>;
  bigrams: () => SortedTable;
}

/** The prefixes of compound parts and the parts themselves, by hash (lexicon-prefixes.ts). */
interface PartFilters {
  prefixes: PrefixFilter;
  parts: KeyFilter;
}

/** Adds an own part `w` as the lexicon takes it: `w` and `ws` (the linking s). */
function addPart(f: PartFilters, w: string): void {
  f.prefixes.add(`${w}s`);
  f.parts.addHash(hashKey(w));
  f.parts.addHash(hashKey(`${w}s`));
}

let baseCache: LexiconBase | undefined;

function loadBase(): LexiconBase {
  if (baseCache) return baseCache;
  const extra = new Map<string, number>();
  for (const line of parseList(readDataFile('sv-forms-extra.txt'))) {
    const [form = '', mask = '0'] = line.split('\t');
    extra.set(form, Number.parseInt(mask, 16));
  }
  const forms = new FrontCodedTable(readDataFile('sv-forms.fc.txt.gz', 'latin1'), new KeyFilter(readDataBytes('sv-forms.filter.bin')), extra);
  const compoundParts = new Set<string>();
  const partsText = readDataFile('sv-compound-parts.txt.gz');
  for (let p = 0; p < partsText.length; ) {
    const tab = partsText.indexOf('\t', p);
    const nl = partsText.indexOf('\n', p);
    if (tab === -1 || nl === -1) break;
    compoundParts.add(partsText.slice(p, tab));
    p = nl + 1;
  }
  let unigrams: ReturnType<LexiconBase['unigrams']> | undefined;
  const loadUnigrams = () => {
    const meta = JSON.parse(readDataFile('lexicon-meta.json')) as { officialTokens: number; subtitleTokens: number };
    return {
      official: new SortedTable(readDataFile('sv-official-unigrams.txt.gz')),
      subtitles: new SortedTable(readDataFile('sv-opensubtitles-50k.txt.gz')),
      subtitleScale: FREQUENCY_WEIGHTS.subtitles * (meta.officialTokens / meta.subtitleTokens),
    };
  };
  const domain = new Set<string>();
  for (const file of DOMAIN_FILES) {
    for (const entry of parseList(readDataFile(`domain/${file}`))) for (const f of domainForms(entry)) domain.add(f);
  }
  // Kept apart from the other domain forms: an all-caps token is an abbreviation only if listed
  // so, while `hasExact('DÖ')` is true for the verb `dö` in capitals.
  const abbreviations = new Set(parseList(readDataFile('domain/abbreviations.txt')));
  const domainFilter = KeyFilter.forKeys(domain.size);
  for (const w of domain) domainFilter.addHash(hashKey(w));
  const domainLower = new Set<string>();
  for (const w of domain) if (w.length >= PART_WORD_MIN && w === w.toLowerCase()) domainLower.add(w);
  let bigrams: SortedTable | undefined;
  let partFilters: PartFilters | undefined;
  const buildPartFilters = (): PartFilters => {
    // ~5 prefixes a part (180 k for the 36 k parts shipped).
    const prefixes = new PrefixFilter(5 * compoundParts.size);
    const parts = KeyFilter.forKeys(compoundParts.size);
    for (const p of compoundParts) {
      prefixes.add(p);
      parts.addHash(hashKey(p));
    }
    return { prefixes, parts };
  };
  baseCache = {
    forms,
    compoundParts,
    partFilters: () => (partFilters ??= buildPartFilters()),
    unigrams: () => (unigrams ??= loadUnigrams()),
    domain,
    domainFilter,
    domainLower,
    abbreviations,
    // Loaded on first use: only the repair stage's context decisions need it.
    bigrams: () => (bigrams ??= new SortedTable(readDataFile('sv-official-bigrams.txt.gz'))),
  };
  return baseCache;
}

/** A word fit for the edit-distance vocabulary: letters only, at least four of them. */
const VOCABULARY_WORD = /^\p{L}{4,}$/u;
let officialWords: string[] | undefined;

/**
 * The lower-case official unigram words fit for the vocabulary, most frequent first by powers of
 * two (a bucket sort: exact order among words of about the same count does not matter, and a full
 * sort of 80 k entries would cost more than the rest of building the edit index). Capitalised keys
 * of the corpus (any name, sentence-initial forms) are left out: proposing one of them by edit
 * distance is a guess. The domain lists' names are the exception (`Östergötland`, `Linköpings`,
 * `Migrationsverket`): the names municipal documents are about, lower-cased here like the rest
 * (the repair stage puts the token's case back, and proposes only what the lexicon knows as written).
 */
function officialVocabulary(base: LexiconBase): string[] {
  if (officialWords) return officialWords;
  const table = base.unigrams().official;
  const buckets: string[][] = [];
  const add = (w: string, count: number) => (buckets[31 - Math.clz32(count || 1)] ??= []).push(w);
  for (let i = 0; i < table.size; i++) {
    const w = table.keyAt(i);
    if (w.length < 4 || w !== w.toLowerCase() || !VOCABULARY_WORD.test(w)) continue;
    add(w, Number.parseInt(table.valueAt(i), 10));
  }
  const names = new Set<string>();
  for (const name of base.domain) {
    const lower = name.toLowerCase();
    // Names only (lower-case terms are corpus words already); not abbreviations (`MUCF`).
    if (name === lower || isUpper(name) || name.length < 4 || !VOCABULARY_WORD.test(name) || table.number(lower) > 0 || names.has(lower)) continue;
    names.add(lower);
    add(lower, Math.max(table.number(name), FREQUENCY_WEIGHTS.domainFloor));
  }
  officialWords = buckets.reverse().flatMap((b) => b ?? []);
  return officialWords;
}

const isUpper = (s: string) => s !== s.toLowerCase() && s === s.toUpperCase();
/** Whether `lower` (= w.toLowerCase(), w !== lower) is one of caseVariants(w): w is ALL CAPS, or
 * capitalised with the rest in lower case. */
function lowerIsCaseVariant(w: string, lower: string): boolean {
  if (w.length > 1 && w === w.toUpperCase()) return true;
  return w.charAt(0) !== lower.charAt(0) && w.slice(1) === lower.slice(1);
}
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

/** The spellings under which a word may be listed: as written; sentence-initial capital → lower;
 * ALL CAPS → lower and Capitalised (`ÖSTERGÖTLAND` → `Östergötland`). Lower-case is not raised:
 * names are known only as written. */
export function caseVariants(word: string): string[] {
  const out = [word];
  const first = word.charAt(0);
  const rest = word.slice(1);
  if (word.length > 1 && isUpper(word)) {
    out.push(word.toLowerCase(), capitalise(word));
  } else if (first !== first.toLowerCase() && rest === rest.toLowerCase()) {
    out.push(first.toLowerCase() + rest);
  }
  return out;
}

export class Lexicon {
  private readonly base: LexiconBase;
  private readonly learned = new Map<string, number>();
  private readonly learnedLower = new Map<string, number>();
  private readonly learnedBigrams = new Map<string, number>();
  private readonly hasMemo = new Map<string, boolean>();
  private readonly compoundMemo = new Map<string, string[] | null>();
  /** frequency() by word as asked: repair asks it of every word of a document several times (the
   * prior, the document's officialness, the context model's pairs). */
  private readonly frequencyMemo = new Map<string, number>();
  /** hasExact() by word as asked (a reading is asked again by the word checks and the counts). */
  private readonly exactMemo = new Map<string, boolean>();
  private readonly roles: CompoundRoles;
  private readonly ownParts = new Set<string>();
  /** Prefixes of ownParts (sized for 64 k prefixes; more only make it say "maybe" more often). */
  /** The base's part filters with ownParts added, made on first use (one probe a stretch, not two). */
  private ownFilters: PartFilters | undefined;
  private readonly ownEnds = new Set<string>();

  /** Use defaultLexicon() or loadLexicon(); the data tables are shared between instances. */
  constructor(base: LexiconBase = loadBase()) {
    this.base = base;
    for (const w of base.domainLower) this.addOwnPart(w);
    this.roles = {
      begin: (p) => this.base.compoundParts.has(p) || this.ownParts.has(p),
      // Middle: Hunspell's COMPOUNDMIDDLE forms and, as real three-part compounds use them, BEGIN forms.
      middle: (p) => this.base.compoundParts.has(p) || this.ownParts.has(p),
      end: (p) => this.formRole(p, END) || this.ownEnds.has(p),
      // Begin and middle parts are both compoundParts or ownParts: none reaches past where the
      // word stops being a prefix of one (most stretches of a candidate need no lookup then).
      reach: (word, start, hashes) => prefixReach(word, start, this.partFilters().prefixes, undefined, hashes),
      // Begin and middle parts by hash: compoundParts or ownParts (a superset of either role).
      mayBePart: (h) => this.partFilters().parts.mayHaveHash(h),
    };
  }

  private formRole(form: string, mask: number): boolean {
    return (this.base.forms.mask(form) & mask) !== 0;
  }

  /** Domain and learned lower-case words as compound parts: as first/middle part also with the
   * linking s (`etableringsuppdrags|…`), as last part as they are. One Set lookup each, because the
   * analyser tries every prefix of every candidate word. */
  private addOwnPart(w: string): void {
    if (w.length < PART_WORD_MIN || w !== w.toLowerCase()) return;
    this.ownParts.add(w);
    this.ownParts.add(`${w}s`);
    this.ownEnds.add(w);
    if (this.ownFilters) addPart(this.ownFilters, w);
  }

  /** The part filters with this lexicon's own parts (every `w` of ownEnds, as addOwnPart adds it). */
  private partFilters(): PartFilters {
    if (this.ownFilters) return this.ownFilters;
    const base = this.base.partFilters();
    const own = { prefixes: base.prefixes.copy(), parts: base.parts.copy() };
    for (const w of this.ownEnds) addPart(own, w);
    this.ownFilters = own;
    return own;
  }

  /** Known as written (one spelling, no case folding, no compound analysis). */
  private listed(w: string): boolean {
    // One hash for the domain filter and the form table's: most non-words are turned away by it.
    const h = hashKey(w);
    if ((this.base.domainFilter.mayHaveHash(h) && this.base.domain.has(w)) || (this.learned.size > 0 && this.learned.has(w))) return true;
    if ((this.base.forms.maskHashed(w, h) & STANDALONE) === 0) return false;
    // A lower-case "word" without a vowel is an abbreviation; Hunspell lists some (`dr`) that in OCR
    // text are nearly always damaged words (`är`), so only the curated abbreviation list counts.
    return !(w.length > 1 && w === w.toLowerCase() && !vowel().test(w));
  }

  /** Listed as an abbreviation exactly as written (`RÖK`, `SFI`; not `DÖ`, not `Rök`): one Set lookup. */
  isAbbreviation(word: string): boolean {
    return this.base.abbreviations.has(nfc(word));
  }

  /** A domain list's name as written (`Trafikverket`, `Linköpings`; not `trafikverket`): one Set
   * lookup. The lists' lower-case terms (`arbetsmarknadsnämnd`) are no names. */
  isName(word: string): boolean {
    const w = nfc(word);
    return w !== w.toLowerCase() && this.base.domain.has(w);
  }

  /** Known without compound analysis (case variants as in caseVariants). */
  hasExact(word: string): boolean {
    const memo = this.exactMemo.get(word);
    if (memo !== undefined) return memo;
    return remember(this.exactMemo, word, this.listedInCase(word), MEMO_LIMIT);
  }

  private listedInCase(word: string): boolean {
    const w = nfc(word);
    if (this.listed(w)) return true;
    // Inline caseVariants (this is the repair stage's hot path: called for every candidate).
    const first = w.charAt(0);
    const lowerFirst = first.toLowerCase();
    if (first === lowerFirst) return false;
    const rest = w.slice(1);
    const restLower = rest.toLowerCase();
    if (rest === restLower) return this.listed(lowerFirst + rest);
    if (rest === rest.toUpperCase()) return this.listed(lowerFirst + restLower) || this.listed(first + restLower);
    return false;
  }

  /** Known: as a word form, a domain or learned word, or a compound of known parts. */
  has(word: string): boolean {
    const memo = this.hasMemo.get(word);
    if (memo !== undefined) return memo;
    return remember(this.hasMemo, word, this.check(nfc(word)), MEMO_LIMIT);
  }

  private check(w: string): boolean {
    if (w === '' || !LETTER.test(w)) return false;
    if (this.listedInCase(w)) return true; // (check is memoised by has: no hasExact memo here)
    if (NUMBER.test(w)) {
      // `87-åringens`, `60-talet`: a number joined by a hyphen to a known word ending.
      const m = NUMBER_HYPHEN_WORD.exec(w);
      const tail = m?.[1]?.toLowerCase();
      return tail !== undefined && (this.formRole(tail, NUMERIC_SUFFIX) || this.roles.end(tail) || this.hasExact(tail) || this.numberCompoundTail(tail));
    }
    if (w.includes('-')) {
      // `ATP-avgift`, `EU-medel`, `arbetsmarknads-` handled by parts: each known or an abbreviation.
      const parts = w.split('-');
      if (compoundConjunctions().has((parts[parts.length - 1] ?? '').toLowerCase())) return false;
      return parts.every((p, i) => p === '' ? i === parts.length - 1 || i === 0 : this.has(p) || SHORT_CAPITALS.test(p) || (i < parts.length - 1 && this.roles.begin(p.toLowerCase())));
    }
    if (w.includes(':')) {
      // `EU:s`, `SFI:n`: an abbreviation with a colon ending.
      const [head = '', tail = ''] = w.split(':');
      return colonEnding().test(tail) && (this.hasExact(head) || ABBREVIATION_HEAD.test(head) && isUpper(head.slice(0, 2)));
    }
    return this.compoundParts(w) !== null;
  }

  /** A compound on a number's word (`70-talsfärger`, `100-kronorsbelopp`: `tals` + `färger`): a
   * head that follows a number on its own (`70-tals`) and ends in the linking `s`, then a word the
   * lexicon takes as a compound's last part, of 4+ letters — unless the tail with stripped
   * diacritics put back is a number's word itself (`5-arsplan` is `5-årsplan`: `ars` is a word
   * too, but `års` is the number's). */
  private numberCompoundTail(tail: string): boolean {
    if (!this.numberCompoundSplit(tail, false)) return false;
    for (const u of unfoldings(tail)) if (this.formRole(u, NUMERIC_SUFFIX) || this.roles.end(u) || this.hasExact(u) || this.numberCompoundSplit(u, true)) return false;
    return true;
  }

  /** Whether `tail` is a head ending in `s` (flagged as following a number, or unless `flaggedOnly` any
   * word) and a compound's last part of 4+ letters. */
  private numberCompoundSplit(tail: string, flaggedOnly: boolean): boolean {
    for (let i = tail.indexOf('s', 1); i >= 0 && i <= tail.length - 5; i = tail.indexOf('s', i + 1)) {
      const head = tail.slice(0, i + 1);
      if ((this.formRole(head, NUMERIC_SUFFIX) || (!flaggedOnly && this.hasExact(head))) && this.roles.end(tail.slice(i + 1))) return true;
    }
    return false;
  }

  /** Known, and fit to be proposed as a correction: not a Hunspell NOSUGGEST word (offensive or
   * very rare forms, 13 k of them) nor a compound with such a part. The repair stage should choose
   * its candidates with this; a NOSUGGEST word already in the text is still `has()`. */
  suggestable(word: string): boolean {
    if (!this.has(word)) return false;
    const w = nfc(word);
    for (const v of caseVariants(w)) {
      if (this.base.domain.has(v) || this.learned.has(v)) return true;
      const m = this.base.forms.mask(v);
      if (m & STANDALONE) return (m & NO_SUGGEST) === 0;
    }
    const parts = this.compoundParts(w);
    return parts === null || !parts.some((p) => (this.base.forms.mask(p) & NO_SUGGEST) !== 0);
  }

  /** The parts of `word` as a compound of known parts (lower-case), or null when it does not split
   * (or the split looks like OCR damage of a known word). Listed words are split too
   * (`underlätta` → under|lätta), so the repair stage can see a word's head. */
  compoundParts(word: string): string[] | null {
    const w = nfc(word);
    const cached = this.compoundMemo.get(w);
    if (cached !== undefined) return cached;
    let parts: string[] | null = null;
    // Compounds are analysed lower-case, so only spellings whose lower case is one of their case
    // variants (as written, sentence-initial capital, ALL CAPS); a proper-name first part
    // (`Östergötlands…`) is tried as written.
    const lower = w.toLowerCase();
    if (w === lower || lowerIsCaseVariant(w, lower)) {
      parts = splitCompound(lower, this.roles);
      if (!parts && w !== lower && w.charAt(0) !== lower.charAt(0)) {
        const cap = capitalise(w);
        parts = splitCompound(cap, { ...this.roles, begin: (p) => this.base.compoundParts.has(p) });
      }
      if (parts && (this.shadowsKnownWord(lower, parts.length) || this.hasShadowedPart(parts))) parts = null;
    }
    return remember(this.compoundMemo, w, parts, MEMO_LIMIT);
  }

  /** True when one OCR-typical letter change turns `lower` into a frequent listed word, or (for a
   * split into 3+ parts) into a compound of fewer parts: `folk|hals|omyndigheten` is
   * `folkhälso|myndigheten`, `yrkes|ben|amningar` is `yrkes|benämningar`. */
  private shadowsKnownWord(lower: string, nParts: number): boolean {
    const swaps = shadowSubstitutions();
    for (let i = 0; i < lower.length; i++) {
      const subs = swaps.get(lower.charAt(i));
      if (!subs) continue;
      for (const s of subs) {
        const v = lower.slice(0, i) + s + lower.slice(i + 1);
        if ((this.listed(v) || this.listed(capitalise(v))) && this.frequency(v) >= SHADOW_MIN_FREQUENCY) return true;
        if (nParts >= 3) {
          const vp = splitCompound(v, this.roles);
          if (vp && vp.length < nParts) return true;
        }
      }
    }
    return false;
  }

  /** True when a part of the split is, by one OCR-typical letter change, a much more frequent part
   * of the same role: the compound is then more likely a damaged word than a new compound. */
  private hasShadowedPart(parts: string[]): boolean {
    const swaps = shadowSubstitutions();
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k] ?? '';
      const role = k === parts.length - 1 ? this.roles.end : k === 0 ? this.roles.begin : this.roles.middle;
      const own = this.frequency(part) + 1;
      for (let i = 0; i < part.length; i++) {
        const subs = swaps.get(part.charAt(i));
        if (!subs) continue;
        for (const s of subs) {
          const v = part.slice(0, i) + s + part.slice(i + 1);
          if (role(v) && this.frequency(v) >= Math.max(SHADOW_MIN_FREQUENCY, PART_SHADOW_RATIO * own)) return true;
        }
      }
    }
    return false;
  }

  /** Prior frequency, in official-corpus occurrences (see FREQUENCY_WEIGHTS). Case-insensitive. */
  frequency(word: string): number {
    const memo = this.frequencyMemo.get(word);
    if (memo !== undefined) return memo;
    return remember(this.frequencyMemo, word, this.countOf(word), MEMO_LIMIT);
  }

  private countOf(word: string): number {
    const w = nfc(word);
    const lower = w.toLowerCase();
    const u = this.base.unigrams();
    let official = 0;
    // Each distinct spelling once (an array and indexOf: a Set per call was a measurable share).
    const spellings = [lower, capitalise(lower), lower.toUpperCase(), w];
    for (let i = 0; i < spellings.length; i++) if (spellings.indexOf(spellings[i]!) === i) official += u.official.number(spellings[i]!);
    let f = official;
    const sub = u.subtitles.number(lower);
    if (sub > 0 && this.hasExact(w)) f += sub * u.subtitleScale;
    f += FREQUENCY_WEIGHTS.learn * (this.learnedLower.get(lower) ?? 0);
    if (f < FREQUENCY_WEIGHTS.domainFloor && caseVariants(w).some((v) => this.base.domain.has(v))) f = FREQUENCY_WEIGHTS.domainFloor;
    return f;
  }

  /** The words of the frequency list (official prose) and the learned ones, most frequent first:
   * lower-case, letters only, four letters or more. What the repair stage's edit-distance index is built from, so a
   * word far off the channel is only ever proposed if real text uses it. */
  vocabulary(): string[] {
    const official = officialVocabulary(this.base);
    if (this.learnedLower.size === 0) return official;
    // The archive's own words first: they are what its documents most likely say.
    const own = [...this.learnedLower.keys()].filter((w) => VOCABULARY_WORD.test(w));
    const seen = new Set(own);
    return [...own, ...official.filter((w) => !seen.has(w))];
  }

  /** Count of the lower-cased pair `a b` in official prose (pruned table), plus learned pairs. */
  bigram(a: string, b: string): number {
    const key = `${nfc(a).toLowerCase()} ${nfc(b).toLowerCase()}`;
    return this.base.bigrams().number(key) + FREQUENCY_WEIGHTS.learn * (this.learnedBigrams.get(key) ?? 0);
  }

  /** Learns words and word pairs from a clean document of the archive (born-digital text). */
  learn(text: string): void {
    const clean = text.normalize('NFC');
    const tokens = wordTokens(clean);
    let prev: { word: string; end: number } | undefined;
    let afterBreak = false;
    for (const t of tokens) {
      // Halves of a word hyphenated at a line end (`organi-` / `sationer`) are not words: a text
      // from a PDF text layer has them, and learning them would make OCR fragments "known".
      const end = t.offset + t.word.length;
      const brokenHere = /^-[^\S\n]*\n/u.test(clean.slice(end, end + 8));
      const skip = t.hasDigit || brokenHere || afterBreak;
      afterBreak = brokenHere;
      if (skip) {
        prev = undefined;
        continue;
      }
      this.learned.set(t.word, (this.learned.get(t.word) ?? 0) + 1);
      const lower = t.word.toLowerCase();
      this.learnedLower.set(lower, (this.learnedLower.get(lower) ?? 0) + 1);
      // Sentence-initial capitals are common in clean text: the lower-case form is the part.
      if (t.word.slice(1) === t.word.slice(1).toLowerCase()) this.addOwnPart(lower);
      // A pair is two words with only white space between them, as in the official bigram table.
      if (prev && /^\s+$/u.test(clean.slice(prev.end, t.offset))) {
        const key = `${prev.word.toLowerCase()} ${lower}`;
        this.learnedBigrams.set(key, (this.learnedBigrams.get(key) ?? 0) + 1);
      }
      prev = { word: t.word, end: t.offset + t.word.length };
    }
    this.hasMemo.clear();
    this.compoundMemo.clear();
    this.frequencyMemo.clear();
    this.exactMemo.clear();
  }

  /** Share of word tokens in `text` that are known (0..1); 0 when the text has no words. */
  knownShare(text: string): number {
    const tokens = wordTokens(text.normalize('NFC'));
    if (tokens.length === 0) return 0;
    let known = 0;
    for (const t of tokens) if (this.has(t.word)) known++;
    return known / tokens.length;
  }

  /** Number of distinct word forms learned so far. */
  get learnedSize(): number {
    return this.learned.size;
  }
}

let defaultInstance: Lexicon | undefined;

/** The shared lexicon (loaded once; ≤ 300 ms). Do not learn() into it unless the whole process
 * works on one archive: use loadLexicon() for a per-archive lexicon. */
export function defaultLexicon(): Lexicon {
  return (defaultInstance ??= new Lexicon());
}

/** A fresh lexicon (sharing the read-only data), optionally learning from the given texts. */
export function loadLexicon(options: { learn?: string[] } = {}): Lexicon {
  const lex = new Lexicon();
  for (const text of options.learn ?? []) lex.learn(text);
  return lex;
}
