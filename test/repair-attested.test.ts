import { describe, expect, it } from 'vitest';
import { attestedCount, attestedLogP, olderInflection } from '../src/repair/attested.js';
import { defaultLexicon } from '../src/repair/lexicon.js';
import { repair } from '../src/repair/index.js';

// Words the modern lexicon lacks but real text writes (issue #22, oldforms): they are kept where
// they stand, while a real OCR error beside them is still repaired. The passages are OCR of the dev
// documents (modern-spelling ELTeC-swe novels; never held out), as `arkivtext repair` reads them.

/** Swedish-model OCR of Hjalmar Söderberg's prose (dev doc-05): `foro` is the older plural of `for`. */
const FORO = `yngre, och Nana bemötte honom ofta på ett nästan moderligt sätt. som kom honom
att gapskratta.

De gjorde formliga vallfärder till alla hans gamla älsklingsställen: foro upp
i Katrinahissen för att se solen lysa på Stockhohnstaken eller halvlågo, rö-
kande cigarretter på en färja, som kilade rant Djurgarden förbi Blockhusudden.
Han förde henne upp på ett litet berg bakom Waklemarsudde, där man endast sag
en väderkvarn och blått glittrande vatten och kunde inbilla sig. att man vore

på landet, till dess man ater kom ner till Djurgardssparvagnen. follpackad med`;

/** English-model OCR of dev doc-00: `hellenisk`, a regular adjective the lexicon lacks. */
const HELLENISK = `
~ Aden! utbrast Filippa. Jasa. det var Pohtheimer!

— Helst hade han velat forevisa nakna kvinnor pa elefanten. Phryne, forstar
ni, ada hellenisk skonhetskult, Han tyckte, det var synd om packet. som ald-

rig fick se nagot vackert. Men det gick ju inte for polisen.`;

/** English-model OCR of the training set (19-proposition): `nybeviljas`, a compound with `ny-`. */
const NYBEVILJAS = `Formanen hustrutilligg upphorde den 1 januari 2001 och kan efter det inte
Kingre nybeviljas, De som daremot redan fatt formanen beviljad fick den fort-
satt uthetald. Antatet kvinnor som far formanen utbetald har minskat sucees-
sivt och under 2014 var det totalt tva stycken som fick formanen utbetald.
`;

/** English-model OCR of the training set (32-interpellations): `SSKT`, a network's acronym. */
const SSKT = `rem Erbey. Erbey sitter sedan julen 2009 fangslad i Diyarbakir. Han ar atalad
bland annat for att under ett besdk i Sveriges riksdag pa inbjudan av det i
riksdagen befintliga niitverket SSKT. Svenska kommuittén for manskliga rattighe-
teri Turkiet, ha uttalat sig kritiskt om situationen fér manskliga rattighe-

fer i Turkiet.

Jay ar for narvarande ordférande for SSKT och har f6ljt och upprérts 6ver hur
Erbey behandlats av den turkiska cittsapparaten sedan 2009. jag har besokt ho-`;

describe('older Swedish the novels attest (attested-form)', () => {
  it('keeps an older verb plural while the confusions beside it are repaired', () => {
    const r = repair(FORO, { explain: true });
    expect(r.text).toContain('älsklingsställen: foro upp');
    expect(r.text).toContain('där man endast såg\nen väderkvarn');
    expect(r.text).toContain('fullpackad med');
    expect(r.corrections.some((c) => c.before === 'foro')).toBe(false);
    expect(r.leftAlone).toContainEqual({ offset: FORO.indexOf('foro'), word: 'foro', reason: 'attested-form' });
  });

  it('keeps an attested adjective in English-model OCR while its neighbours get their letters back', () => {
    const r = repair(HELLENISK, { explain: true });
    expect(r.text).toContain('ada hellenisk skönhetskult');
    expect(r.text).toContain('velat förevisa nakna kvinnor på elefanten');
    expect(r.leftAlone).toContainEqual({ offset: HELLENISK.indexOf('hellenisk'), word: 'hellenisk', reason: 'attested-form' });
  });

  it('lists the reading it did not take as a suggestion when asked', () => {
    const s = repair(FORO, { suggest: true }).corrections.find((c) => c.before === 'foro');
    expect(s).toMatchObject({ after: 'föra', rule: 'confusion', applied: false });
  });

  it('counts a form in the period spelling the 1906 reform changed, and no other fold', () => {
    // `gåvo` is written `gåfvo` in the novels; `eler` (a double consonant lost) and `cHer` (a
    // capital inside) are OCR damage on a modern page, whatever the old spelling rules fold.
    expect(attestedCount('gåvo')).toBeGreaterThanOrEqual(3);
    expect(attestedCount('voro')).toBeGreaterThan(1000);
    expect(attestedCount('eler')).toBe(0);
    expect(attestedCount('cHer')).toBe(0);
    // Two letters are too short to tell an older form from a stripped modern word (`da` for `då`).
    expect(attestedLogP('da')).toBeNull();
    expect(attestedLogP('voro')).toBeGreaterThan(attestedLogP('stodo')!);
  });
});

describe('a compound whose first part the lexicon does not join', () => {
  it('is not read as its last part by plain edits, while plain-edit damage beside it is repaired', () => {
    const out = repair(NYBEVILJAS).text;
    expect(out).toContain('längre nybeviljas');
    expect(out).toContain('Antalet kvinnor');
    expect(out).toContain('har minskat successivt');
    expect(out).toContain('Förmånen hustrutillägg upphörde');
  });
});

describe('a unit of measure after a number (unit)', () => {
  // No listed unit after a number was OCR damage in the training or dev OCR; `cm` is a vowel-less
  // form the lexicon refuses unless listed, which made it a damaged `en`.
  it('stays, in each way a number stands before it, while the words around it are repaired', () => {
    const input = 'Plantan ar 12 cm hog och bladen 1,5 cm breda; vattna med 2–3 dl i veckan och 10\ncm jord racker.';
    const r = repair(input, { documentClass: 'stripped', explain: true });
    expect(r.text).toBe('Plantan är 12 cm hög och bladen 1,5 cm breda; vattna med 2–3 dl i veckan och 10\ncm jord räcker.');
    expect(r.leftAlone!.filter((l) => l.reason === 'unit').map((l) => l.word)).toEqual(['cm', 'cm', 'dl', 'cm']);
  });

  it('is read as a word elsewhere', () => {
    expect(repair('Det ar cm av dem.', { documentClass: 'stripped', explain: true }).leftAlone!.some((l) => l.reason === 'unit')).toBe(false);
  });
});

describe('a regular older inflection of a known verb (older-inflection)', () => {
  const lex = defaultLexicon();

  it('knows the older verb forms the dev novels write, as read into their modern endings', () => {
    // Right words of the dev documents' truth (modern-spelling novels) that the lexicon lacks.
    expect(olderInflection('kommo', 'komma', lex)).toBe(true);
    expect(olderInflection('blevo', 'blev', lex)).toBe(true);
    expect(olderInflection('stodo', 'stod', lex)).toBe(true);
    expect(olderInflection('tego', 'tega', lex)).toBe(true);
    expect(olderInflection('lyssnen', 'lyssna', lex)).toBe(true);
    expect(olderInflection('välsigne', 'välsigna', lex)).toBe(true);
  });

  it('is not a reading that changes more than the ending, nor a word of no known verb', () => {
    expect(olderInflection('kommo', 'tomma', lex)).toBe(false);
    expect(olderInflection('stallning', 'ställning', lex)).toBe(false);
    expect(olderInflection('Kinsstyrelsen', 'Länsstyrelsen', lex)).toBe(false);
  });

  it('keeps a plural imperative read by plain edits, while the stripped words beside it are repaired', () => {
    const r = repair('Hören nu och lyssnen pa mig, forst maste ni ata.', { documentClass: 'stripped', explain: true });
    expect(r.text).toBe('Hören nu och lyssnen på mig, först måste ni äta.');
    expect(r.leftAlone).toContainEqual({ offset: 13, word: 'lyssnen', reason: 'older-inflection' });
  });
});

describe('an acronym the lexicon lacks (all-caps)', () => {
  it('keeps an all-caps word whose reading changes a consonant, while the words beside it are repaired', () => {
    const r = repair(SSKT, { explain: true });
    expect(r.text).toContain('befintliga nätverket SSKT.');
    expect(r.text).toContain('Jag är för närvarande ordförande för SSKT och har följt');
    expect(r.leftAlone!.filter((l) => l.reason === 'all-caps').map((l) => l.word)).toEqual(['SSKT', 'SSKT']);
  });

  it('still puts the diacritics back in capitals', () => {
    expect(repair('Regionen OSTERGOTLAND och SKANE samarbetar om RUT-avdraget.', { documentClass: 'stripped' }).text).toBe('Regionen ÖSTERGÖTLAND och SKÅNE samarbetar om RUT-avdraget.');
  });
});
