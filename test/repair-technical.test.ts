import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { documentIdentifiers, NAME_SPANS, PLACEHOLDER_SPANS } from '../src/repair/technical.js';
import { defaultLexicon } from '../src/repair/lexicon.js';
import { repair } from '../src/repair/index.js';

// Technical text (issue #22, tech): command, option and file names are left alone while the OCR
// errors of the Swedish around them are still repaired. The passages are English-model OCR of the
// technical dev documents (/work/devtech/man: Swedish man pages that dpkg ships; never held out),
// as `arkivtext repair` reads them (raw rule scores, as every repair test: test/setup-raw-scores.ts).

/** dpkg(1), options: `help` is the option's name, no `helg`. */
const HELP = `
-Doktalvarde, --debug=oktalvarde Aktiverar felsékning. oktalvardet skapas ge-
nom att utfora bitvis logisk ”eller” av de 6nskade vardena fran listan nedan
(observera att dessa varden kan andras i framtida versioner). -Dh eller
--debug=help visar dessa felsokningsvarden.
`;

/** deb-control(5): field names and a package name in hyphenated chains. */
const FIELDS = `Subarchitecture: varde Kernel-Version: varde Installer-Menu-Item: varde Dessa

falt anvands av debian-installer och beh6vs normalt inte. For mer information

om dem, se
<https://salsa.debian.org/installer-team/debian-installer/-/raw/master/doc/devel/modules.txt>.`;

/** deb-control(5): `Pre-Depends` (a field name) beside `Depends-faltet` (a Swedish compound). */
const PRE_DEPENDS = `
i Depends-faltet innan de paket som beror pa dem. Under det omvanda forhallan-
det, en borttagning, kors prerm-skriptet fran ett paket innan de som kommer
fran paketen i dess Depends-falt.

Pre-Depends: paketlista Lista 6ver paket som maste vara installerade och kon-
figurerade innan paketet kan installeras. Detta anvands normalt i de fall pa-
ketet kraver att ett annat paket ar installerat fr sitt preinst-skript.
`;

/** dpkg(1), --compare-versions: the register's `operator`, `operatorer`, no `operatör`. */
const OPERATORS = `
trigname Bekraftar det givna utlésarnamnet (sedan dpkg 1.18.16).

archname Bekraftar det givna arkitekturnamnet (sedan dpky 1.18.16).

version Bekriftar den givnaa versionen (sedan dpkg 1.18.16).
--compare-versions Ver] op ver2 Janifér versionsnummmer, dar op aren binir ope-
rator. dpkg returnerar sant (0) om det angivna viirdet appfylis, och faiskt (1)
iannat fal. Det finns tva grupper operatorer, vilka endast skiljer sig i hur

de hanterar niir ver! eller ver2 dr tom. Dessa hanterar tom version som om den
iy Uidigare din alla andra versioner: It le eq ne ge gt. Dessa hanterar tom

version som om den ir senare iin alla andra versioner: It-ol le-nl ge-nl gt-nl.
Dessa tillhandahalls endast for kompatibilitet med styrtilssyntaxen: < << «= =
>= >> », Operatorerna < och > dr forildrade och bér inte anviindas, pa grand av
farvirrande semantik. Till exempel: 0.1 < 0.1 utvarderas som sant.

-?, ~help Visar en kortfattad hjalptext.

--force-help Get hjalp om --force-nanting -flaggorna.

-Dh. --debug<help Ger hjalp om felsokningsflaggorna.

`;

/** deb-control(5): `oegen`, the negated `egen`. */
const OEGEN = `foreign (oegen) Paketet kan inte installeras vid sidan av sig sjalvt, men bor
tillatas att tillfredsstalla beroenden som inte anger en arkitektur for paket
fran en annan arkitektur an sig sjalvt (om en beroende har en specifik arki-
tekturangivelse kommer vardet foreign att ignoreras).

allowed (tillatet) Detta tillater omvanda beroenden att ange i sitt
Depends-falt att de tillater det har paketet fran en oegen arkitektur genom
att kvalificera paketnamnet med :any, men har annars ingen effekt.`;

/** man(1): `groff` in a manual reference, then in prose; `bash` after an option. */
const GROFF = `handahalls av kerneln) 3 Biblioteksanrop (funktioner i programbibliotek) 4
Speciella filer (hittas vanligtvis i /dev) 5 Filformat och konventioner t.ex.
/etc/passwd 6 Spel 7 Diverse (inklusive makropaket och konventioner), t.ex.
man(7), groff(7), man-pages(7) 8 Kommandon for systemadministration
(vanligtvis bara for root) 9 Kernelrutiner [Icke-standard]

manualen. Det ar mojligt att avsluta mellan visningarna eller hoppa 6ver nagon
av dem.

man -t bash | lpr -Pps Formatera manualsidan for bash till standard troff- el-
ler groff-format och d6ppna ror till skrivaren med namnet ps. Standardutmat-
ningen for groff ar vanligtvis PostScript. man --help borde ange vilken hante-
rare som ar bunden till flaggan -t.`;

/** passwd(1): a paragraph the translation left in English. */
const ENGLISH = `BESKRIVNING The passwd command changes passwords for user accounts. A normal
user may only change the password for their own account, while the superuser

may change the password for any account. passwd also changes the account or
associated password validity period.`;

/** dpkg-query(1), Swedish-model OCR: a legend of one-letter states set with `=`. */
const LEGEND = `NAMN dpkg-query - ett verktyg för att slå upp i dpkg-databasen
SYNOPS dpkg-query [flaggor...] åtgärd

BESKRIVNING dpkg-query är ett verktyg för att visa information om paket i
dpkg-databasen.

KOMMANDON -l, --list [paketnamnsmönster ...] Lista alla kända paket som mat-
char ett eller flera mönster, oavsett status, inbegripet äkta och virtuella

paket som refereras i något beroenderelationsfält (såsom Breaks, Enhances,

osv.). Om inget paketnamnsmönster anges listas alla paket i

/var/lib/dpkg/status, förutom de paket som markerats som ej installerade (dvs.

de som tidigare har helt tagits bort). Skalets normala jokertecken tillåts i
paketnamnsmönster. Observera att du sannolikt måste skriva paketnamnsmönster
inom citationstecken för att förhindra att skalet expanderar filnamnet. Till
exempel kommer följande lista alla paket vars namn börjar på ”libc6”:

dpkg-query -I '"libc6"'

De första tre kolumnerna i utdata visar önskad åtgärd, paketstatus och fel, i
den ordningen.

Onskad åtgärd
u = Okänd i = Installera h = Håll r = Radera p = Rensa
Paketstatus:

n = Ej installerat c = konfigurationsfiler H = Halvt installerat U = Uppackat
F = Halvt konfigurerat W = Väntar på utlösare t = Utlösare väntar i = Instal-
lerat

Felflaggor:
<tom> = (ingen) R = Ominstallation krävs

`;

const changes = (text: string, lexicon: Awaited<ReturnType<typeof defaultLexicon>>): string[] =>
  repair(text, { lexicon }).corrections.filter((c) => c.applied !== false).map((c) => `${c.before}→${c.after}`);

/** pgrep(1): the command's name, in prose and options, that plain edits read as `grep`. */
const PGREP = `process-ID i utdata (nyrad som standard). (Endast pgrep.)

-e, --echo Visa namnet och PID processen som dédas. (Endast pkill.)

-f, --full Monstret matchas normalt endast mot processnamnet. Nar -f anges an-
vands hela kommandoraden.

-g, --pgroup perp,... Matcha endast processer i de processgrupper vars ID lis-
tas. Processgrupp 0 6versiatts till pgreps, pkills eller pidwaits egen process-

grupp.

-G, --group gid,... Matcha endast processer vars verkliga grupp-ID listas. Bade
det numeriska och det symboliska vardet kan anvandas.

-i, --ignore-case Matcha processer skiftlagesokansligt.
-l, --list-name Lista processnamnet saval som process-ID:t. (Endast pgrep.)

-a, --list-full Lista den fullstandiga kommandoraden saval som process-ID:t.
(Endast pgrep.)
`;

/** dpkg(1): numbered placeholders (`ver1`, `ver2`) that plain edits read as `verk` (Swedish-model OCR). */
const VERSIONS = `version Bekräftar den givna versionen (sedan dpkg 1.18.16).

--compare-versions ver1l op ver2 Jämför versionsnummer, där op är en binär ope-
rator. dpkg returnerar sant (0) om det angivna värdet uppfylls, och falskt (1)

i annat fall. Det finns två grupper operatorer, vilka endast skiljer sig i hur

de hanterar när ver1 eller ver2 är tom. Dessa hanterar tom version som om den
är tidigare än alla andra versioner: It le eq ne ge gt. Dessa hanterar tom

version som om den är senare än alla andra versioner: It-nl le-nl ge-nl gt-nl.
`;

/** Kig's handbook (KDE, Swedish; /work/devtech2, English-model OCR): a guide to Python code that names
 * no option or path, only calls and members of code. `def` is Python's, no `del`. */
const PYTHON = `ten ar ocksa punktobjekt, och vi kan anvanda funktionen Point.coordinate() for

att definiera de tva givna punkternas koordinater.

Beraékningen som kravs i vart exempel ar mycket enkel. Vi lagger helt enkelt
ihop de tva koordinatuppsattningarna, och dividerar resultatet med tva. Daref-
ter skapar vi en ny punkt med resultatet. Python-koden som behévs ar:

def calc( a, b ): m = ( a.coordinate() + b.coordinate() ) / 2; return Point( m

`;

/** Cantor's handbook (English-model OCR): the licence's acronym, no merged `till`. */
const GPL = `Sage ar ett fritt matematikpaket med 6ppen kallkod licensierat med GPL. Det
kombinerar kraftfullheten hos manga befintliga paket med 6ppen kallkod inom
ett gemensamt Python-baserat granssnitt.`;

/** KmPlot's handbook (Swedish-model OCR): `teta`, a variable the text writes as a call's argument. */
const TETA = `Polära koordinater representerar en punkt med dess avstånd från origo (oftast
benämnd r), och vinkeln en linje från origo till punkten får med den horison-
tella axeln (oftast representerad med 0, den grekiska bokstaven teta). För att
skriva in funktioner med polära koordinater, skapa ett nytt polärt diagram med
knappen Skapa. Fyll i funktionsdefinitionen i definitionsrutan, inklusive nam-
net på variabeln teta som du vill använda. För att till exempel rita Archime-
des spiral r=0, skriv:

r(teta) = teta

så att hela raden blir ”r(teta)=teta”. Observera att du kan använda vilket

namn som helst på variabeln teta, så ”r(t)=t” skulle ha gett exakt samma kur-
va.
`;

describe('identifiers in technical text', () => {
  it('finds the words of options, manual references, paths and variables', () => {
    const text = 'Se groff(1) och --no-act, -sA, /usr/share/man, $LANG, GID_MIN, <paket>, vim.1.gz och --target=mål.';
    const ids = documentIdentifiers(text);
    // Only name spans' words are identifiers throughout the document; placeholders only in place.
    expect([...ids.words].sort()).toEqual(['act', 'groff', 'lang', 'man', 'no', 'sa', 'share', 'target', 'usr']);
    expect([...ids.placeholders].map((i) => text.slice(i).match(/^\p{L}+/u)![0])).toEqual(['GID', 'MIN', 'target', 'mål', 'vim', 'gz']);
    // Name spans mark their words' offsets; so do placeholder spans (`_`, `=`, dotted names), apart.
    const named = [...ids.named].map((i) => text.slice(i).match(/^\p{L}+/u)![0]);
    expect(named).toEqual(['no', 'act', 'target', 'sA', 'groff', 'usr', 'share', 'man', 'LANG']);
  });

  it('finds the spans in the stretches with a code-like mark as in the whole text', () => {
    // The spans searched over the whole text, one pattern after the other: what documentIdentifiers
    // finds searching only the stretches between white space that hold a mark.
    const whole = (text: string): unknown => {
      const named: number[] = [], placeholders: number[] = [], words = new Set<string>();
      let nameSpans = 0;
      for (const [spans, isName] of [[NAME_SPANS, true], [PLACEHOLDER_SPANS, false]] as const) {
        for (const re of spans) {
          for (const m of text.matchAll(re)) {
            if (isName) nameSpans++;
            for (const w of m[0].matchAll(/[\p{L}\p{N}]+/gu)) {
              if (!/\p{L}/u.test(w[0])) continue;
              if (isName) words.add(w[0].toLowerCase());
              (isName ? named : placeholders).push(m.index + w.index);
            }
          }
        }
      }
      return { named: [...new Set(named)], placeholders: [...new Set(placeholders)], nameSpans, words: [...words] };
    };
    const found = (text: string): unknown => {
      const ids = documentIdentifiers(text);
      return { named: [...ids.named], placeholders: [...ids.placeholders], nameSpans: ids.nameSpans, words: [...ids.words] };
    };
    const texts = [HELP, FIELDS, GROFF, ENGLISH, LEGEND, 'a\u00a0-nc b “-x” (-sA) x--y --z a/b/c ~/.rc q=1 w_e v.1.gz $HOME ${X} n|m f(1)'];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (/^(ocr.*|truth)\.txt$/u.test(e)) texts.push(readFileSync(p, 'utf8'));
      }
    };
    walk(join(import.meta.dirname, '..', 'fixtures', 'heldout', 'software-manual'));
    let spans = 0;
    for (const text of texts) {
      expect(found(text)).toEqual(whole(text));
      spans += documentIdentifiers(text).nameSpans;
    }
    expect(spans).toBeGreaterThan(10);
  });

  it('keeps an option name while the Swedish around it is repaired', async () => {
    const lexicon = await defaultLexicon();
    const r = repair(HELP, { lexicon, explain: true });
    expect(r.leftAlone!.filter((l) => l.reason === 'identifier').map((l) => l.word)).toEqual(['help']);
    expect(changes(HELP, lexicon)).toEqual(expect.arrayContaining(['felsékning→felsökning', '.→,', 'ge-\nnom→genom', 'utfora→utföra', '6nskade→önskade', 'vardena→värdena', 'fran→från', 'varden→värden', 'andras→ändras']));
    expect(changes(HELP, lexicon).filter((c) => c.startsWith('help'))).toEqual([]);
    expect(r.text).toContain('--debug=help visar');
  });

  it('keeps the parts of a foreign hyphenated name, not of a Swedish compound', async () => {
    const lexicon = await defaultLexicon();
    const r = repair(FIELDS, { lexicon, explain: true });
    expect(r.leftAlone!.filter((l) => l.reason === 'foreign-compound').map((l) => l.word)).toEqual(['Installer', 'installer']);
    expect(changes(FIELDS, lexicon)).toEqual(expect.arrayContaining(['varde→värde', 'varde→värde', 'varde→värde', 'falt→fält', 'anvands→används', 'beh6vs→behövs', 'For→För']));
    expect(changes(FIELDS, lexicon).filter((c) => /nstall/.test(c))).toEqual([]);
    const p = repair(PRE_DEPENDS, { lexicon, explain: true });
    expect(p.leftAlone!.filter((l) => l.reason === 'foreign-compound').map((l) => l.word)).toEqual(['Pre']);
    expect(p.text).toContain('Pre-Depends: paketlista Lista över paket');
    // The Swedish head of `Depends-faltet` is still repaired.
    expect(p.text).toContain('i Depends-fältet innan');
  });

  it('reads no word as itself without its negating o-', async () => {
    const lexicon = await defaultLexicon();
    const out = changes(OEGEN, lexicon);
    expect(out.some((c) => c.startsWith('oegen'))).toBe(false);
    expect(out).toEqual(expect.arrayContaining(['sjalvt→självt', 'bor→bör', 'tillatas→tillåtas', 'tillfredsstalla→tillfredsställa', 'for→för', 'fran→från', 'sjalvt→självt', 'arki-\ntekturangivelse→arkitekturangivelse', 'vardet→värdet', 'tillatet→tillåtet', 'tillater→tillåter', 'omvanda→omvända', 'tillater→tillåter', 'fran→från']));
  });

  it('keeps a command name the document writes in a manual reference, in prose too', async () => {
    const lexicon = await defaultLexicon();
    const r = repair(GROFF, { lexicon, explain: true });
    expect(r.leftAlone!.filter((l) => l.reason === 'identifier').map((l) => l.word)).toEqual(['groff', 'groff', 'groff', 'help']);
    expect(changes(GROFF, lexicon).filter((c) => /groff|bash|help/.test(c))).toEqual([]);
    expect(changes(GROFF, lexicon)).toEqual(expect.arrayContaining(['for→för', 'mojligt→möjligt', 'nagon→någon', 'd6ppna→öppna', 'ror→rör']));
  });

  it('keeps the words of a passage in English', async () => {
    const lexicon = await defaultLexicon();
    const r = repair(ENGLISH, { lexicon, explain: true });
    expect(r.leftAlone!.filter((l) => l.reason === 'english-passage').map((l) => l.word)).toEqual(['passwd']);
    // (`for` between English words is the english-run check's.)
    expect(changes(ENGLISH, lexicon).filter((c) => c.startsWith('for'))).toEqual([]);
  });

  it('keeps a lone `=` in technical text, where it is the document\'s own symbol', async () => {
    const lexicon = await defaultLexicon();
    const out = changes(LEGEND, lexicon);
    expect(out.filter((c) => c.startsWith('='))).toEqual([]);
    expect(out).toEqual(expect.arrayContaining(['Onskad→Önskad', 'Instal-\nlerat→Installerat']));
    // The same legend alone is no technical text: there `=` is read as the dash it often was.
    const legendOnly = LEGEND.slice(LEGEND.indexOf('Onskad'));
    expect(changes(legendOnly, lexicon).filter((c) => c.startsWith('='))).not.toEqual([]);
  });
  it('keeps a lower-case name the document writes the same way three times, and numbered names', async () => {
    const lexicon = await defaultLexicon();
    const r = repair(PGREP, { lexicon, explain: true });
    expect(r.leftAlone!.filter((l) => l.reason === 'code-name').map((l) => l.word)).toEqual(['pgrep', 'pgreps', 'pgrep', 'pgrep']);
    expect(changes(PGREP, lexicon).filter((c) => /grep/.test(c))).toEqual([]);
    expect(changes(PGREP, lexicon)).toEqual(expect.arrayContaining(['dédas→dödas', 'Nar→När', 'vardet→värdet', 'saval→såväl']));
    const v = repair(VERSIONS, { lexicon, explain: true });
    expect(v.leftAlone!.filter((l) => l.reason === 'code-name').map((l) => l.word)).toEqual(['ver2', 'ver1', 'ver2']);
    expect(v.text).toContain('när ver1 eller ver2 är tom');
  });
  it('takes a document that writes calls and members of code for technical text', async () => {
    const lexicon = await defaultLexicon();
    expect(documentIdentifiers(PYTHON).nameSpans).toBe(0);
    // `Point.coordinate()` is a call and a member; `calc( a, b )`, `a.coordinate()`, `b.coordinate()`, `Point( m`.
    expect(documentIdentifiers(PYTHON).codeUses).toBe(8);
    expect(documentIdentifiers('Se t.ex. bilagan, bl.a. punkt(er) och m.fl. huvud(?) i texten.').codeUses).toBe(1);
    const out = changes(PYTHON, lexicon);
    expect(out.filter((c) => c.startsWith('def'))).toEqual([]);
    expect(out).toEqual(expect.arrayContaining(['ocksa→också', 'anvanda→använda', 'tva→två', 'Beraékningen→Beräkningen', 'kravs→krävs']));
  });

  it('reads an acronym that ends in an l-like capital as no merged `till`', async () => {
    const lexicon = await defaultLexicon();
    expect(changes(GPL, lexicon).filter((c) => c.startsWith('GPL'))).toEqual([]);
    expect(changes(GPL, lexicon)).toEqual(expect.arrayContaining(['6ppen→öppen', 'kallkod→källkod']));
  });
  it('keeps a recurring name the document writes as a call\'s argument from channel readings', async () => {
    const lexicon = await defaultLexicon();
    const r = repair(TETA, { lexicon, explain: true });
    expect(r.leftAlone!.filter((l) => l.reason === 'code-name').map((l) => l.word)).toEqual(Array(7).fill('teta'));
    expect(r.text).toContain('r(teta) = teta');
    expect(changes(TETA, lexicon)).toEqual(expect.arrayContaining(['horison-\ntella→horisontella', 'kur-\nva→kurva']));
  });
  it('keeps a technical text\'s own word where only the broad prior prefers its known twin', async () => {
    const lexicon = await defaultLexicon();
    const r = repair(OPERATORS, { lexicon, explain: true });
    expect(r.leftAlone!.filter((l) => l.reason === 'technical-twin').map((l) => l.word)).toEqual(['operator', 'operatorer']);
    expect(r.text).toContain('Det finns två grupper operatorer, vilka');
    // The stripped words around them are still repaired, function words by their prior too.
    expect(changes(OPERATORS, lexicon)).toEqual(expect.arrayContaining(['tva→två', 'tillhandahalls→tillhandahålls', 'for→för', 'pa→på', 'utvarderas→utvärderas']));
  });
});
