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

// KatePart's handbook on indentation scripts (KDE, Swedish; /work/devtech3, never held out),
// English-model clean-scan OCR: the parameter `ch` of `function indent(line, indentWidth, ch)`.
const KATEPART_INDENT = String.raw`Indenteringens kallkod

Efter att ha specificerat huvudet, forklarar det har avsnittet hur sjalva in-
denteringsskriptet fungerar. Det grundlaggande skelettet for implementeringen
ser ut sa har:

// nédvandiga katepart js bibliotek, t.ex. range.js om Range anvands require
("range.js"); triggerCharacters = "{}/:;"; function indent(line, indentWidth,

ch) { // anropas for varje nyrad (ch == '\n’) och alla tecken angivna i // den
globala variabeln triggerCharacters. Vid anrop av Verktyg — Justera // ar va-
riabeln ch tom, dvs. ch ==". // // se ocksa: Programmeringsgranssnittet for
skripthantering return -2; }

Funktionen indent() har tre parametrar:
line: raden som ska indenteras
indentWidth: indenteringsbredden i antal mellanslag

ch: antingen ett nyradstecken (ch == '\n’), avtryckartecknet angivet i trig-
gerCharacters eller tom om anvandaren utférde atgarden Verktyg — Justera.

Returvardet fran funktionen indent() anger hur raden kommer att indenteras. Om
returvardet ar ett enkelt heltal, tolkas det pa foljande satt:

returvarde -2: gér ingenting

returvarde -1: behall indentering (sdker efter foregaende icke tomma rad)
returvarde 0: tal >= 0 anger indenteringsdjupet i mellanslag

Som alternativ kan ett falt med tva element returneras.

return [ indent, align ];

I detta fall ar det forst elementet indenteringsdjupet ovan med samma bety-
delse for specialvarden. Det andra elementet ar dock ett absolutvarde som re-
presenterar en kolumn for "justering”. Om vardet ar st6rre 4n indenteringsvar-
det, representerar skillnaden ett antal mellanslag att lagga till efter inden-
tering av den férsta parametern. Annars ignoreras det andra numret. Att an-
vanda tabulator och mellanslag for indentering kallas ofta ”blandat lage”.

Betrakta foljande exempel: Antag att tabulator anvands for indentering, och
tabulatorbredden 4r installd till 4. Har representerar <tab> en tabulator, och
"ett mellanslag.

1: <tab><tab>anropa("Hej", 2: <tab><tab>....... “allesamman");

Vid indentering av rad 2, returnerar funktionen indent() [8, 15]. Som resultat
infogas tva tabulatorer for att indentera till kolumn 8, och 7 mellanslag
laggs till for att justera den andra parametern under den forsta, sa att den
férblir justerad om filen visas med en annan tabulatorbredd.

En standardinstallation av KDE levererar KatePart med flera indenterare. Den
motsvarande JavaScript-koden finns i
$XDG_DATA_DIRS/katepart5/script/indentation.

Pa Windows® 4r filerna placerade i
%USERPROFILE%\A ppData\Local\katepart5\script\indentation. 7 USERPROFILE% expan-
deras oftast till C:\\Users\\anvandare.

Att utveckla en indenterare kraver att skript lases in igen for att se om and-
ringar beter sig lampligt. Istallet for att starta om programmet, byt helt en-
kelt till kommandoraden och utfér kommandot reload-scripts.

Om du utvecklar anvandbara skript, fundera pa att bidra med det till
KatePart-projektet genom att kontakta e-postlistan.

Kommandoradskript

Eftersom det ar svart att uppfylla allas behov, stéder KatePart sma hjalpverk-
tyg for snabb textbehandling via den inbyggda kommandoraden. Exempelvis ar
kommandot sort implementerat som ett skript. Det har avsnittet forklarar hur
man skapar *.js-filer for att utéka KatePart med godtyckliga hjalpskript.

Kommandoradskript ar placerade i samma katalog som indenteringsskript. Som ett
forsta steg, skapa alltsa en ny *js-fil som heter mina_verktyg.js i den lo-

kala hemkatalogen $XDG_DATA_HOME/katepart5/script/commands. I detta expanderas
miljovariabeln XDG_DATA_DIRS typiskt antingen som ~/.local eller

~/local/share.

Pa Windows® 4r filerna placerade i
%USERPROFILE%\A ppData\Local\katepart5\script\commands. %USERPROFILE% expande-
ras oftast till C:\\Users\\anvandare.

Kommandoradskriptets huvud

Huvudet for varje kommandoradskript ar inbaddat som JSON i bérjan av skriptet
enligt foljande:

var katescript = { "author": "Exempelnamn <exempel.namn@nagon.adress.org>",
"license": "LGPLv2+", "revision": 1, "kate-version": "5.1", "functions":

["sort", "moveLinesDown"], "actions": [ { "function": "sort", "name": "Sortera
markerad text", "category": "Editing", "interactive": "false" }, { "function":
"moveLinesDown", "name": "Flytta rader nerat", "category": "Editing",

"shortcut": "Ctrl+Shift+Down", "interactive": "false" } ] }; //

kate-script-header, maste finnas i bérjan av filen utan kommentarer

Varje post forklaras nu i detalj:
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

  it('keeps a recurring parameter the document lists in a call\'s arguments from channel readings', async () => {
    const lexicon = await defaultLexicon();
    const r = repair(KATEPART_INDENT, { lexicon, explain: true });
    expect(r.leftAlone!.filter((l) => l.word === 'ch').map((l) => l.reason)).toEqual(Array(6).fill('code-name'));
    expect(r.corrections.filter((c) => c.before === 'ch' && c.applied !== false)).toEqual([]);
  });
});
