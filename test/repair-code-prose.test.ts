import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../src/repair/lexicon.js';
import { repair } from '../src/repair/index.js';

// Names of code in running prose (issue #22, tech; src/repair/code-prose.ts). The passage is
// Swedish-model clean-scan OCR of Okteta's handbook (KDE, Swedish; the technical dev documents in
// /work/devtech3, never held out): a structure's fields in camel case (`anInt`, `bitFlag`) and a
// function the text calls (`function init()`) and then names in a sentence (`funktionen init`).
const OKTETA = `Till att börja med skapar vi en definition för en mycket enkel teststruktur
som bara innehåller enkla datatyper (ett tecken, ett 32-bitars heltal och ett
bitfält). De skulle uttryckas i C/C++ som:

struct simple | char aChar; int anInt; bool bitFlag :1; unsigned padding :7;

je

Det första steget är att skriva .osd-filen, som vi kallar enkelstrukt.osd:

<?xml version="1.0" encoding="UTF-8"?> <data> <struct name="simple">
<primitive name="aChar" type="Char"/> <primitive name="aniInt" type="Int32"/>
<bitfield name="bitFlag" type="bool" width="1"/> <bitfield name="padding"
type="unsigned" width="7"/> </struct> </data>

som är ganska lik definitionen i C/C++.

Skapa nu katalogen enkelstrukt inne i strukturens installationskatalog (se ma-
nuell installation av strukturdefinitioner), och kopiera de två filerna till
katalogen. Nu kan du starta om Okteta och använda den nya strukturen.

Den enkla strukturen i Javascript

För att implementera ovanstående struktur med Javascript, skapa en fil kallad
main.js istället för enkelstrukt.osd och ändra
X-KDE-PluginInfo-Category=structure till
X-KDE-PluginInfo-Category=structure/js. Filens innehåll ska vara:

function init() I var structure = struct((4 aChar : char(), anInt : int32(),
bitFlag : bitfield("bool", 1), padding : bitfield("unsigned", 7), )) return
structure; |

Strukturen som visas av Okteta är alltid returvärdet från funktionen init.
`;

describe('names of code in running prose', () => {
  it('keeps camel-case names, a called name and the same name after `funktionen`', async () => {
    const lexicon = await defaultLexicon();
    const r = repair(OKTETA, { lexicon, explain: true });
    expect(r.leftAlone!.filter((l) => l.reason === 'code-in-prose').map((l) => l.word)).toEqual(['anInt', 'bitFlag', 'aniInt', 'bitFlag', 'init', 'anInt', 'bitFlag', 'init']);
    const changes = r.corrections.filter((c) => c.applied !== false).map((c) => `${c.before}→${c.after}`);
    expect(changes).toContain('ma-\nnuell→manuell');
    expect(changes.filter((c) => /init|Int|Flag/u.test(c))).toEqual([]);
    expect(r.text).toContain('returvärdet från funktionen init.');
  });

  it('reads the same words as Swedish where nothing sets them as code', async () => {
    const lexicon = await defaultLexicon();
    // No call, no camel case, no cue: `init` in prose alone is read as the English model's `inåt`.
    const prose = 'Vi gick init i skogen och sedan vidare. Vägen ledde init mot sjön, och där stannade vi.';
    const r = repair(prose, { lexicon, explain: true });
    expect(r.leftAlone!.filter((l) => l.reason === 'code-in-prose')).toEqual([]);
  });
});
