import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../src/repair/lexicon.js';
import { repair } from '../src/repair/index.js';
import { isEnglishForm } from '../src/repair/english.js';

// A sentence of English inside a Swedish man page (english-sentence.ts, check `english-passage`):
// its `for` is English, while `for` in the Swedish sentences around it is a stripped `för`. The
// passage is English-model OCR of passwd(1) from the technical dev documents (/work/devtech/man:
// Swedish man pages that dpkg ships; never held out).
const PASSWD = `
Problem i losenordssakerheten brukar normalt komma fran slarvigt valda losen-
ord eller hantering. Av denna anledning bor du inte valja ett losenord som

finns i en ordbok eller som maste skrivas ner. Losenordet bor heller inte vara

ett korrekt namn, ditt personnummer, fodelsedatum eller gatuadress. Dessa kan
anvandas som gissningar for att ta sig in i systemet.

You can find advice on how to choose a strong password on
http://en.wikipedia.org/wiki/Password_strength

FLAGGOR The options which apply to the passwd command are:

-a, --all This option can be used only with -S and causes show status for all
users.

-d, --delete Ta bort en anvandares losenord (gér det blankt). Detta ar ett
snabbt satt att inaktivera ett losenord f6r ett konto. Det kommer att ta bort
det angivna kontots lésenord.
-e, --expire Lésenordet for ett konto satts omedelbart som utganget. Detta kan
tvinga en anvandare att andra sitt losenord vid nasta inloggningsférsok.

`;

describe('an English sentence in Swedish text', () => {
  const lexicon = defaultLexicon();
  /** Each `for` changed, with the word before it. */
  const fors = (text: string) =>
    repair(text, { lexicon })
      .corrections.filter((c) => c.before === 'for' && c.applied !== false)
      .map((c) => `${text.slice(0, c.offset).trim().split(/\s/u).pop()} ${c.after}`);

  it('keeps `for` in a sentence of English words (`… causes show status for all users.`)', () => {
    expect(fors(PASSWD)).toEqual(['gissningar för', 'Lésenordet för']);
  });

  it('still reads `för` where one Swedish-only word joins the sentence', () => {
    expect(fors(PASSWD.replace('show status for all', 'show status for alla'))).toContain('status för');
  });
});

// dictionaries/en-words.txt.gz holds the forms Hunspell's prefix rules make (`re` + `source` + `s`),
// and the stems of en-extra-stems.txt (scripts/build-english.ts).
describe('English word forms', () => {
  it('hold prefixed forms and the extra stems, not the rarer forms of a larger list that are Swedish or its OCR damage', () => {
    expect(['resources', 'review', 'reviews', 'reset', 'unlikely', 'kerning', 'kerned'].filter((w) => !isEnglishForm(w))).toEqual([]);
    // Debian's en_US (the same SCOWL release, larger) holds these; `sem` is OCR's `som`.
    expect(['att', 'bort', 'dotter', 'sem'].filter((w) => isEnglishForm(w))).toEqual([]);
  });

  it('keep `for` between two English words where one is prefixed (train: `Classification for Resources`)', () => {
    const lexicon = defaultLexicon();
    // English-model OCR of a government assignment (../shared/train, regeringen.se: no copyright).
    const text = `ta fram ett forslag till klassificerings-
metod fér sekundara resurser i enlighet med den av FN accepterade: system for
resursklassificering av ravaror (United Nations Framework Classification for
Resources. UNFC) och uppriitta en databas 1 enlighet med denna.
`;
    const r = repair(text, { lexicon });
    expect(r.text).toContain('system för\nresursklassificering');
    expect(r.text).toContain('Framework Classification for\nResources.');
  });
});
