/**
 * A lone glyph that OCR left where it read a dash badly (`tjänsteskrivelse ~ Hållbar`), put back as
 * the dash the DOCUMENT itself sets. Which glyphs stand for a dash is learned on train
 * (`RepairModel.loneGlyphs`: a lone `~` was `–` 41 times of 41, `=` 10 of 11); which dash is the
 * document's is read from the dashes its OCR did read as such:
 *
 * - Swedish typography sets a spaced en dash (`–`) between clauses; fiction, older print and
 *   translations often an em dash (`—`, the dialogue dash).
 * - The English model at photocopy grade reads an en dash as `-` or `~`, never (dev, train: 0 of
 *   27 documents) as a lone `—` but for one `—` in a page of 33 en dashes; it reads an em dash as
 *   `—` or `~`, and now and then as `-`.
 *
 * So a document whose OCR holds more lone `—` than lone `-` sets its dashes as em dashes and a
 * lone `~` in it is `—`; in any other document it is `–`. On the dev and train documents this
 * picks the right dash in 37 of 38 documents with a lone `~` (the miss: a novel whose one read
 * em dash is outnumbered by two hyphens read for em dashes — its `~` become `–`, no worse than
 * before).
 *
 * A dash itself (`-`, `–`, `—`) is never changed here: it may be the author's. Nor is one dash
 * repeated (`--`, `——`: a typist's dash). But a lone RUN of two or three dash glyphs that are
 * not one dash repeated (`—-`, `~-`, `—~`, `~~`, `-~`) is no mark any author sets: it is one dash
 * the OCR read in pieces (dev fiction and news, both models: 20 such runs, every one a dash in the
 * truth, whose texts hold no lone run at all; train holds none), put back as the document's dash
 * (`loneDashRuns`).
 */
import type { LoneGlyph } from './glyph-words.js';

/** The dashes a lone glyph may be put back as. */
export type Dash = '–' | '—';

const LONE_EM = /(?<=^|\s)—(?=\s|$)/gu;
const LONE_HYPHEN = /(?<=^|\s)-(?=\s|$)/gu;

/** Counts of the lone `—` and lone `-` of a text (white space or the text's edge on both sides). */
export function loneDashCounts(text: string): { em: number; hyphen: number } {
  let em = 0;
  let hyphen = 0;
  if (text.includes('—')) for (const _ of text.matchAll(LONE_EM)) em++;
  for (const _ of text.matchAll(LONE_HYPHEN)) hyphen++;
  return { em, hyphen };
}

/** The document's dash (see above): `—` where its OCR holds more lone `—` than lone `-`, else `–`. */
export function documentDash(text: string): Dash {
  const { em, hyphen } = loneDashCounts(text);
  return em > hyphen ? '—' : '–';
}

/** Whether a learned reading of a lone glyph is a dash and the glyph itself no dash or hyphen:
 * the places this module decides (the lone-glyph rule keeps the others, `|` → `I`). */
export function isDashGlyph(glyph: string, after: string): boolean {
  return (after === '–' || after === '—') && !/^[-–—‐‑]$/u.test(glyph);
}

export interface DashGlyph extends LoneGlyph {
  /** The dash it is put back as. */
  dash: Dash;
}

/** The lone glyphs of `glyphs` whose learned reading (`readings`) is a dash, each with the
 * document's dash. `text` is the document. */
export function dashGlyphs(text: string, glyphs: readonly LoneGlyph[], readings: ReadonlyMap<string, { after: string }>): DashGlyph[] {
  const found = glyphs.filter((g) => {
    const r = readings.get(g.glyph);
    return r !== undefined && isDashGlyph(g.glyph, r.after);
  });
  if (found.length === 0) return [];
  const dash = documentDash(text);
  return found.map((g) => ({ ...g, dash }));
}

/** A run of two or three dash glyphs standing alone before a word (white space or the text's
 * start before it). */
const LONE_DASH_RUN = /(?<=^|\s)[-–—~=]{2,3}(?=[ \t]+\p{L}|[ \t]*\r?\n[ \t]*\p{L})/gu;
/** One dash repeated: a typist's or typesetter's own dash, the author's. */
const ONE_DASH_REPEATED = /^(?:-+|–+|—+)$/u;

/** The lone runs of dash glyphs of `text` that are not one dash repeated (see above), in order. */
export function loneDashRuns(text: string): LoneGlyph[] {
  const out: LoneGlyph[] = [];
  if (!/[-–—~=][-–—~=]/u.test(text)) return out;
  for (const m of text.matchAll(LONE_DASH_RUN)) if (!ONE_DASH_REPEATED.test(m[0])) out.push({ offset: m.index, glyph: m[0] });
  return out;
}
