import type { Correction, RepairResult } from '../types.js';

/**
 * A word hyphenated across a page break (`integra-` at the end of one page, `tion` at the top of
 * the next). Pages are repaired one by one, so the repair stage never sees the two halves together.
 * Here the next page's first word is lent to the page before — `…integra-⏎tion` — and that page is
 * repaired with it: the repair stage's own line-end rule decides (joined when the joined word is
 * known or the halves are not both words; `arbetsmarknads-⏎och` stays apart), in the context of the
 * whole page. When it joins, the joined word stays at the end of the first page, where a reader
 * meets it, and the next page starts after it.
 */

/** A page's raw text still to be repaired, and where it starts in the raw text of the document. */
export interface RawSegment {
  /** Offset of `text` in the pages' raw texts joined by the page separator. */
  base: number;
  text: string;
}

export interface BreakJoin {
  /** The first page's repaired text, the joined word included, ending in a newline. */
  text: string;
  /** Its corrections in raw-document offsets, the page separator moved past the joined word. */
  corrections: Correction[];
  /** What is left of the next page to repair. */
  next: RawSegment;
  /** The two halves as printed, for the pages' warnings. */
  halves: [string, string];
}

/** A page ending in a letter and a hyphen (then at most a line end): a word may continue overleaf. */
const HYPHEN_AT_END = /(\S*\p{L}-)[ \t]*(\r?\n[ \t]*)?$/u;
/** The next page's first token, when it starts in lower case (a continuation, not a new sentence or heading). */
const CONTINUATION = /^(\s*)(\p{Ll}\S*)([ \t]*\r?\n?)/u;

/**
 * Joins a word broken across the break between `page` and `next` (both raw, adjacent in the
 * document with `separator` between them), or returns undefined when there is none or the repair
 * stage keeps the hyphen — then each page is repaired on its own as before.
 */
export function joinAcrossBreak(
  page: RawSegment,
  next: RawSegment,
  separator: string,
  repairText: (text: string) => RepairResult,
): BreakJoin | undefined {
  const end = HYPHEN_AT_END.exec(page.text);
  const head = CONTINUATION.exec(next.text);
  if (!end || !head) return undefined;
  const [, lead = '', token = '', trail = ''] = head;
  // The page with the next page's first token set on a line of its own under it, as the line-end
  // rule expects; `glue` is the line end added when the page had none.
  const glue = end[2] === undefined ? '\n' : '';
  const junction = page.text.length;
  const lent = page.text + glue + token;
  const repaired = repairText(lent);

  // Offsets in `lent` → offsets in the raw document. An offset at or past the junction lies on the
  // next page's side, so a correction that reaches the junction takes the page separator and the
  // next page's leading white space with it.
  const tokenStart = next.base + lead.length;
  const rawAt = (offset: number): number => (offset < junction ? page.base + offset : tokenStart + Math.max(0, offset - junction - glue.length));
  const whole = page.text + separator + next.text;
  const raw = (from: number, to: number): string => whole.slice(from - page.base, to - page.base);

  // Joined only if the repair stage removed the break: a correction from the page's side across the
  // whole junction (the hyphen, the line end, the lent token's start).
  const spans = repaired.corrections.filter((c) => c.offset < junction && c.offset + c.length >= junction + glue.length);
  if (spans.length !== 1 || !/dehyphenate/.test(spans[0]!.rule)) return undefined;
  // A correction that starts or ends inside the added line end would have no raw counterpart.
  if (repaired.corrections.some((c) => (c.offset > junction && c.offset < junction + glue.length) || (c.offset + c.length > junction && c.offset + c.length < junction + glue.length))) return undefined;

  const corrections: Correction[] = repaired.corrections.map((c) => {
    const from = rawAt(c.offset);
    const to = rawAt(c.offset + c.length);
    return { ...c, offset: from, length: to - from, before: raw(from, to) };
  });
  // The page separator moves from before the lent token to after it (its trailing white space
  // becomes the first page's final line end), so the next page starts with what followed.
  const tokenEnd = tokenStart + token.length;
  const moved: Correction = { offset: tokenEnd, length: trail.length, before: trail, after: '\n' + separator, confidence: 1, rule: 'page-break' };
  const last = corrections[corrections.length - 1];
  if (last && last.offset + last.length === tokenEnd) {
    corrections[corrections.length - 1] = { ...last, length: last.length + moved.length, before: last.before + moved.before, after: last.after + moved.after };
  } else {
    corrections.push(moved);
  }
  const joinedEnd = tokenEnd + trail.length;
  return {
    text: repaired.text + '\n',
    corrections,
    next: { base: joinedEnd, text: next.text.slice(joinedEnd - next.base) },
    halves: [end[1]!, token],
  };
}
