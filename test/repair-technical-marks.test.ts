import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../src/repair/lexicon.js';
import { repair } from '../src/repair/index.js';

// A man page starts sentences with its own names in lower case: a full stop before such a name is
// no comma OCR misread (sentence-mark, src/repair/technical-marks.ts). The passage is Swedish-model
// photocopy-grade OCR of update-alternatives(1) from the technical dev documents
// (/work/devtech/man: Swedish man pages that dpkg ships; never held out).
const UPDATE_ALTERNATIVES = `KOMMANDON -- install länk namn sökväg prioritet [--slave länk namn sökväg]...
Läpp till en grupp med alternativ till systemet. länk är det generiska namnet

för huvudlänken, namn är namnet på dess symboliska länk i alternativkatalogen
och sökväg är alternativet som introduceras för huvudläinken. Argumenten etter
--slave är det generiska namnet. namnet på den symboliska länken i alternativ-
katalogen och alternativet för stavlänken. Noll etter flera --slave-flaggor

kan anges, där alla följs av tre argument. Observera att om ett slavalternativ

inte finns kommer motsvarande slavlänk helt enkelt inte att installeras (en
varning kommer fortfarande att visas). Om en verklig fil är installerad där en
alternativlänk måste installeras behålls den savida inte --förce används.

Om det angivna alternativnamnet redan finns i alternativsystemets databas kom-
mer informationen som anges att läggas in som en ny uppsättning av alternativ
för gruppen. Om inte kommer en ny grupp, inställd på automatiskt läge, att
läggas till med given information. Om gruppen är i automatiskt läge och det
alternativ som Jäggs in bar högre prioritet än alla andra installerade alter-

nativ för groppen kommer de symboliska länkarna att uppdateras så att de pekar
på de nyligen tillagda alternativen.

--set namn sökväg Sätt programmet sökväg som ett alternativ till namn. Detta
motsvarar --config men är icke-interaktivt och kan därmed användas i ett
skript.

--remove namn <sökväg> Ta bort ett alternativ och alla dess anknutna slavlän-
kar. namn är ett namn i altervativkatalogen och sökväg är ett absolut filnamn
till vilket namn kunde länkas. Om namn faktiskt är länkat till sökväg kommer
namn att uppdateras till att peka på ett annat lämpligt alternativ (och grup-
pen ställs tillbaka till automatiskt läge). eller att tas bort om det inte

finns något alternativ kvar. Anknutna slavlinkar kommer uppdateras eller tas
bort på motsvarande vis. Om länken inte för tillfället pekar på sökväg kommer
inga länkar att uppdateras. endast informationen om alternativet tas bort.
--remove-all namn Tar bort alla alternativ och alla deras ansläatna slavliokar.
namn är ett namn I alternativkatalogen.
`;

describe('sentence marks in technical text', () => {
  const lexicon = defaultLexicon();
  /** Each mark sentence-mark changed: `word<new mark> next`. */
  const marks = (text: string) =>
    repair(text, { lexicon })
      .corrections.filter((c) => c.rule === 'sentence-mark' && c.applied !== false)
      .map((c) => `${text.slice(0, c.offset).split(/\s/u).pop()}${c.after} ${text.slice(c.offset + 1).trim().split(/\s/u)[0]}`);

  it('keeps a full stop before an argument name of an option (`systemet. länk är`), repairs the others', () => {
    expect(marks(UPDATE_ALTERNATIVES)).toEqual(['namnet, namnet', 'uppdateras, endast']);
  });

  it('swaps the same stop where the text gives no option that argument name', () => {
    const noOptions = UPDATE_ALTERNATIVES.replace(/--?\s?[a-z]+(?:-flaggor)?/gu, 'x').replace(/\[[^\]]*\]\.\.\./u, '');
    expect(marks(noOptions)).toContain('systemet, länk');
  });
});
