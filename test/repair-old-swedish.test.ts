import { describe, expect, it } from 'vitest';
import { repairCommand } from '../src/cli/repair.js';
import { fakeIO } from './fake-io.js';
import { decideOrthography, decideSpelling } from '../src/repair/orthography.js';
import { spellingKey } from '../src/repair/old-swedish.js';
import { repair } from '../src/repair/repair.js';

/** A newspaper paragraph in the spelling of the 1840s (written for this test). */
const OLD = `Stockholm den 14 Mars.

Hvad som i går förehades vid Kongl. Slottet, hafva vi redan i korthet omtalat. Sedan Hans Maj:t Konungen återkommit från Rosendal, samlades en talrik menighet utanför, hvilken med lifligt deltagande helsade den höga herrn. Det qvinliga könet var äfven talrikt närvarande, och man såg der många, som af nyfikenhet infunnit sig. Öfver hela staden hördes klockornas ljud, och godt väder gjorde dagen än gladare. Priset på råg har i veckan stigit till 12 R:dr Banco tunnan, hvarföre de fattige klaga öfver dyr tid.
`;

/** The same with errors a Fraktur OCR makes: long s read as `f`, `e` as `c`, `å` as `ä`. */
const OLD_OCR = OLD.replace('staden', 'ftaden')
  .replace('stigit', 'ftigit')
  .replace('gladare', 'gladarc')
  .replace('återkommit', 'äterkommit')
  .replace('hördes', 'hördcs')
  .replace('deltagande', 'dcltagande');

const MODERN_OCR = 'Kommunstyrelsen har beslutat att 6verenskommelsen med regionen #r giltig. Beslutet galler fran och med den 1 januari och omfattar alla forvaltningar i kommunen.\n';

const PAGE_1890 =
  'Stockholm den 3 Maj 1890.\n\nHvad som förehades vid sammanträdet hafva vi redan omtalat. Det qvinliga slägtet var äfven talrikt närvarande, och man såg der många, som af nyfikenhet infunnit sig. Öfver hela staden hördes klockornas ljud, och godt väder gjorde dagen än gladare för hvarje invånare.\n';

describe('orthography', () => {
  it('reads 1840s spelling as pre-1906, with the learned features as evidence', () => {
    const d = decideSpelling(OLD);
    expect(d.spelling).toBe('pre-1906');
    const features = d.evidence.map((e) => e.feature);
    expect(features).toContain('fv');
    expect(features).toContain('hv');
    expect(d.reasons[0]).toMatch(/^spelling before the 1906 reform/u);
  });

  it('reads modern prose and modern OCR as modern', () => {
    expect(decideSpelling(MODERN_OCR).spelling).toBe('modern');
    expect(decideSpelling('Regeringen har gett Myndigheten för samhällsskydd och beredskap i uppdrag att av vad som framgår av rapporten värdera övningarna.').spelling).toBe('modern');
  });

  it('decides each page of a bound volume on its own (an 1890 page and a 1990 page)', () => {
    const volume = `${PAGE_1890}\f${MODERN_OCR}\f`;
    const o = decideOrthography(volume);
    expect(o.pages.map((p) => [p.page, p.spelling])).toEqual([
      [1, 'pre-1906'],
      [2, 'modern'],
    ]);
    expect(o.pages[1]!.offset).toBe(PAGE_1890.length + 1);
    // Repair follows the pages: the 1890 page keeps its spelling, the 1990 page is repaired as alone.
    const r = repair(volume);
    const page2 = PAGE_1890.length + 1;
    expect(r.corrections.filter((c) => c.offset < page2 - 1)).toEqual([]);
    const alone = repair(MODERN_OCR).corrections.map((c) => [c.offset + page2, c.before, c.after, c.rule]);
    expect(r.corrections.filter((c) => c.offset >= page2 && c.offset < volume.length - 1).map((c) => [c.offset, c.before, c.after, c.rule])).toEqual(alone);
  });

  it('puts each page\'s decision, its evidence and the words left alone in the JSON of `repair --explain`', async () => {
    const volume = `${PAGE_1890}\f${MODERN_OCR}\f`;
    const io = fakeIO({ cwd: '.', stdin: volume });
    expect(await repairCommand(['--explain', '-'], io)).toBe(0);
    const out = JSON.parse(io.out()) as { text: string; orthography: { pages: Array<{ page: number; spelling: string; offset: number; reasons: string[]; evidence: Array<{ feature: string; count: number; weight: number }> }> }; leftAlone: Array<{ offset: number; word: string; reason: string }> };
    const [p1, p2] = out.orthography.pages;
    expect([p1!.spelling, p2!.spelling]).toEqual(['pre-1906', 'modern']);
    expect(p1!.evidence.map((e) => e.feature)).toContain('hv');
    expect(p1!.evidence.every((e) => e.count > 0 && e.weight !== 0)).toBe(true);
    expect(p2!.reasons[0]).toMatch(/^modern spelling/u);
    expect(out.text.slice(0, PAGE_1890.length)).toBe(PAGE_1890);
    // Words left alone on both pages, each at its place in the input.
    for (const l of out.leftAlone) expect(volume.slice(l.offset, l.offset + l.word.length)).toBe(l.word);
    expect(out.leftAlone.some((l) => l.offset < p2!.offset)).toBe(true);
    expect(out.leftAlone.some((l) => l.offset >= p2!.offset)).toBe(true);
    // The modern page's reasons are those of that page repaired alone.
    const alone = repair(MODERN_OCR, { explain: true }).leftAlone!.map((l) => [l.offset + p2!.offset, l.word, l.reason]);
    expect(out.leftAlone.filter((l) => l.offset >= p2!.offset).map((l) => [l.offset, l.word, l.reason])).toEqual(alone);
  });

  it('gives a page too short to tell the document decision', () => {
    const o = decideOrthography(`${OLD}\fSida 2\f`);
    expect(o.pages.map((p) => p.spelling)).toEqual(['pre-1906', 'pre-1906']);
    expect(o.pages[1]!.reasons.join(' ')).toMatch(/too few/u);
  });
});

describe('repair of older Swedish', () => {
  it('gives a passage in 1840s spelling back byte-identical when its OCR had no errors', () => {
    const r = repair(OLD);
    expect(r.text).toBe(OLD);
    expect(r.corrections).toEqual([]);
    expect(r.orthography?.spelling).toBe('pre-1906');
    // What the modern rules alone would have done to it (the damage this guards against).
    expect(repair(OLD, { spelling: 'modern' }).text).not.toBe(OLD);
  });

  it('fixes the Fraktur OCR errors of that passage and nothing else', () => {
    const r = repair(OLD_OCR);
    expect(r.text).toBe(OLD);
    expect(r.corrections.map((c) => `${c.before}→${c.after}`)).toEqual(['äterkommit→återkommit', 'dcltagande→deltagande', 'ftaden→staden', 'hördcs→hördes', 'gladarc→gladare', 'ftigit→stigit']);
    expect(new Set(r.corrections.map((c) => c.rule))).toEqual(new Set(['fraktur-confusion']));
  });

  it('on a damaged page also reads known words, lone dashes and sentence-final words, and nothing else', () => {
    const dashed = OLD.replace(', och godt', ' – och godt');
    const ocr = dashed
      .replace('staden', 'ftaden')
      .replace('stigit', 'ftigit')
      .replace('återkommit', 'aterkommit')
      .replace('hördes', 'hördcs')
      // A known word for another, one learned confusion away (`a` for `å`, as in `aterkommit`).
      .replace('många', 'manga')
      // The dash read as a hyphen; a lower-case word ending its sentence is no abbreviation.
      .replace(' – och', ' - och')
      .replace('infunnit sig.', 'infunnit fig.');
    const r = repair(ocr);
    expect(r.text).toBe(dashed);
    expect(r.corrections.map((c) => `${c.before}→${c.after} ${c.rule}`)).toEqual([
      'aterkommit→återkommit fraktur-confusion',
      'manga→många fraktur-word-confusion',
      'fig→sig fraktur-confusion',
      'ftaden→staden fraktur-confusion',
      'hördcs→hördes fraktur-confusion',
      '-→– lone-glyph',
      'ftigit→stigit fraktur-confusion',
    ]);
    // Without OCR damage the page's known words, hyphens and abbreviations stay as written.
    const clean = OLD.replace(', och godt', ' - och godt');
    expect(repair(clean).text).toBe(clean);
  });

  it('repairs a modern passage as before', () => {
    const r = repair(MODERN_OCR);
    expect(r.orthography?.spelling).toBe('modern');
    expect(r.text).toBe('Kommunstyrelsen har beslutat att överenskommelsen med regionen är giltig. Beslutet gäller från och med den 1 januari och omfattar alla förvaltningar i kommunen.\n');
    expect(r.corrections).toEqual(repair(MODERN_OCR, { spelling: 'modern' }).corrections);
  });

  it('says why a word on a pre-1906 page was left alone (explain), changing nothing', () => {
    const text = `${OLD_OCR.trimEnd()} Mr McLean fkrxqzv.\n`;
    const plain = repair(text);
    const r = repair(text, { explain: true });
    expect(plain.leftAlone).toBeUndefined();
    expect(r.text).toBe(plain.text);
    expect(r.corrections).toEqual(plain.corrections);
    const why = (word: string) => r.leftAlone!.filter((l) => l.word === word).map((l) => [text.slice(l.offset, l.offset + word.length), l.reason]);
    expect(why('Kongl')).toEqual([['Kongl', 'abbreviation-part']]);
    expect(why('dr')).toEqual([['dr', 'abbreviation-part']]);
    expect(why('12')).toEqual([['12', 'number']]);
    expect(why('McLean')).toEqual([['McLean', 'mixed-case']]);
    expect(why('fkrxqzv')).toEqual([['fkrxqzv', 'no-reading']]);
    // A word repaired is not left alone; an old spelling the lexicon knows is not listed either.
    const listed = new Set(r.leftAlone!.map((l) => l.word));
    for (const c of r.corrections) expect(listed.has(c.before)).toBe(false);
    for (const w of ['hvilken', 'qvinliga', 'öfver', 'godt', 'hafva']) expect(listed.has(w)).toBe(false);
    // Without OCR damage no known word of the page is read as another: the reason says so.
    for (const l of repair(OLD, { explain: true }).leftAlone!) expect(['single-letter', 'number', 'abbreviation-part', 'clean-document']).toContain(l.reason);
  });

  it('keys spelling variants together, so that none is "repaired" into another', () => {
    expect(spellingKey('hwilka')).toBe(spellingKey('vilka'));
    expect(spellingKey('hvilka')).toBe(spellingKey('vilka'));
    expect(spellingKey('öfwer')).toBe(spellingKey('över'));
    expect(spellingKey('stjernor')).toBe(spellingKey('stjärnor'));
    expect(spellingKey('godt')).toBe(spellingKey('gott'));
    expect(spellingKey('qvinna')).toBe(spellingKey('kvinna'));
    expect(spellingKey('af')).toBe(spellingKey('av'));
    expect(spellingKey('ſade')).toBe(spellingKey('sade'));
    expect(spellingKey('fade')).not.toBe(spellingKey('sade'));
  });
});
