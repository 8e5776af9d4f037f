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

// The D-Bus reference of KmPlot's handbook (KDE, Swedish; the technical dev documents in
// /work/devtech2, never held out), Swedish-model photocopy-grade OCR: it writes its dotted names
// whole in places (`org.kde`, `Parser.removeFunetion`) and with a space after a dot in others
// (`org. kde kmplot. MainDlg`).
const KMPLOT_DBUS = `maindlg org. kde.kmplot MamDlg slotNames
Visar de fördefinierade matematiska funktionerna i handboken.
maindle org. kde.kmplot Main DlgfindMinimvemValue
Samma sak som att välja Verktyg — Hitta mwrumum... i menyn.
. maindig org.kde kmplot. MainDlg findMaximumValue
Samma sak som att välja Verktyg — Hitta maximum... i menyn.
-maindlg org. kde.kmplot. MainDlg.graphArea
Samma sak som att välja Verktvg — Diagramarea... i menyn.
smaindlg org. kde kmplot. MainPlg.caleulator
Samma sak som att välja Verktyg — Räknare i menyn.
parser org. kde kmplot Parser.addFunetion f strö € fstri
lägger till en ny funktion med uttrycket £.strö och £/stri. Om uttrycket inte
innehåller ett fonktionsnamn, skapas det automatiskt. Den nya funktionens
ID-nummer returneras, eller -1 om fonktionen inte kunde definieras.
parser org.kde kmplot Parser.removeFunetion id

Tar bort funktionen med ID-nummer id. Om funktionen inte kunde tas bort. re-
turneras falskt. annars sant.

-parser org. kde kmplot Parser.setFunetionExpression id eq f str

Sätter uttrycket för funktionen med ID-nummer id till f str. Returnerar sant
om den lyckas. annars falskt.

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

  it('keeps a stop beside a part of a dotted name the document writes whole (`org. kde`, `kmplot. MainDlg`)', () => {
    expect(marks(KMPLOT_DBUS)).toEqual(['handboken, maindle', 'menyn, smaindlg', 'falskt, annars', 'lyckas, annars']);
  });

  it('swaps those stops where the document writes no dotted name whole', () => {
    const spaced = KMPLOT_DBUS.replace(/([a-z])\.([A-Za-z])/gu, '$1. $2');
    expect(marks(spaced)).toContain('org, kde');
  });
});
