/**
 * `till` at a word's start, merged by OCR into one or two glyphs. Without Swedish, the English
 * model reads the narrow `ti`/`til` of a photocopied `till…` as one wide letter: a capital `G`,
 * `U`, `W` or `H` (`GH` and `UH` for `till`, `Ghandahallas` for `tillhandahållas`, `Wlkannage` for
 * `tillkännage`), or a lower-case letter before the `l`s (`tll`, `ull`, `ullfalligt`). Each such
 * form is rare on its own — the training OCR has a dozen of them once or twice — so no letter
 * confusion learns it; taken together they are the commonest damage of the commonest word start
 * of official prose.
 *
 * This module only spells out the words a token may be (before its diacritics are put back);
 * how often each kind stood for them is learned by scripts/train-repair.ts on the training OCR
 * (`ChannelTable.tillStarts`), which calls this same function, and repair ranks such a reading at
 * that learned price beside the token's other readings.
 */

/**
 * `capital`: a capital G, U, W or H and at most two more glyphs for `til(l)`; `lower`: one
 * lower-case letter before an `l` for `ti(l)`.
 */
export type TillStartKind = 'capital' | 'lower';

export interface TillReading {
  kind: TillStartKind;
  /** Lower-case spelling, diacritics not yet put back (`tillhandahallas`). */
  spelling: string;
}

/** The glyphs for `ti`/`til` before the rest: a capital, then up to two more capitals or strokes
 * (`GU`, `Wl`, `Hil`) — a lower-case letter after the capital is the rest's own (`Ghandahallas`). */
const CAPITAL_START = /^[GUWH][\p{Lu}li]{0,2}/u;
/** The rest of the word after the glyphs: lower case, or nothing. */
const LOWER_REST = /^\p{Ll}*$/u;
/** A token that is all glyphs stands for `till` alone only when what follows the capital is
 * strokes, `l`-like at the end (`GH`, `Gil`, `GIL`, `UI`; train and dev OCR hold no other middle
 * glyph than `i`, `I`, `l`): `GJP`, `HLM`, `GPL` are acronyms. */
const TILL_ALONE = /^[GUWH][iIlLt1]?[lLHI]$/u;
const LOWER_START = /^\p{Ll}l/u;

/** The spellings `token` may stand for with `till` at its start (see above), longest glyphs first. */
export function tillReadings(token: string): TillReading[] {
  const out: TillReading[] = [];
  const seen = new Set<string>();
  const add = (kind: TillStartKind, spelling: string): void => {
    if (!seen.has(spelling)) {
      seen.add(spelling);
      out.push({ kind, spelling });
    }
  };
  const glyphs = CAPITAL_START.exec(token)?.[0];
  if (glyphs) {
    if (TILL_ALONE.test(token)) return [{ kind: 'capital', spelling: 'till' }];
    for (let k = glyphs.length; k >= 1; k--) {
      const rest = token.slice(k);
      if (rest.length < 2 || !LOWER_REST.test(rest)) continue;
      add('capital', withTill(rest));
    }
  } else if (LOWER_START.test(token) && token.length >= 2) {
    add('lower', withTill(token.slice(1)));
  }
  return out;
}

/** `till` put before a rest that may keep one or both of its `l`s (`lgangen` → `tillgangen`). */
function withTill(rest: string): string {
  const r = rest.toLowerCase();
  if (r.startsWith('ll')) return 'ti' + r;
  if (r.startsWith('l')) return 'til' + r;
  return 'till' + r;
}
