import { describe, expect, it } from 'vitest';
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

  it('repairs a modern passage as before', () => {
    const r = repair(MODERN_OCR);
    expect(r.orthography?.spelling).toBe('modern');
    expect(r.text).toBe('Kommunstyrelsen har beslutat att överenskommelsen med regionen är giltig. Beslutet gäller från och med den 1 januari och omfattar alla förvaltningar i kommunen.\n');
    expect(r.corrections).toEqual(repair(MODERN_OCR, { spelling: 'modern' }).corrections);
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
