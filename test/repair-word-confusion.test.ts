import { describe, expect, it } from 'vitest';
import { repair } from '../src/repair/index.js';
import { fix, NORMAL, STRIPPED } from './repair-helpers.js';
import { tiny, tinyModel } from './repair-tiny.js';

// Whole words the training OCR wrote as another string (`ull` for `till`), counted by
// scripts/train-repair.ts where seen 3 times in 3 documents. Repair is tested on the made-up model
// of repair-tiny.ts (`ull` 50 times of 1 000 `till`, `t` and `j` for `i`, `bar` for `har` in the
// normal class); what the shipped model learned, and does on the held-out fixtures, is in its
// checks (test/repair-model-checks.test.ts).

describe('learned whole-word confusions', () => {
  it('are priced by their counts: −log P(ocr word | truth word)', () => {
    const words = tinyModel().tables.stripped.words;
    expect(words.get('ull')?.map((w) => w.truth)).toEqual(['till']);
    expect(words.get('ull')![0]!.cost).toBeCloseTo(-Math.log(50 / 1000), 9);
  });

  it('repair a real word the OCR made of `till` in a stripped document', () => {
    expect(fix('Uppdraget ska redovisas ull regeringen.', tiny(STRIPPED))).toBe('Uppdraget ska redovisas till regeringen.');
  });

  it('are logged as their own rule; a reading the letters also give keeps its rule', () => {
    // (`ull` is a word, wool: the letters give it no reading.)
    const { corrections } = repair('Det bidrar ull en bättre skola for alla.', tiny(STRIPPED));
    expect(corrections.map(({ before, after, rule, offset }) => ({ before, after, rule, offset }))).toEqual([
      { before: 'ull', after: 'till', rule: 'word-confusion', offset: 11 },
      { before: 'for', after: 'för', rule: 'stripped-diacritics', offset: 31 },
    ]);
  });

  it('leave a known word alone in a clean document read with Swedish (`bar` → `har` learned for the normal class too)', () => {
    expect(tinyModel().tables.normal.words.get('bar')?.map((w) => w.truth)).toContain('har');
    expect(fix('Kommunen bar ansvar för skolan.', tiny(NORMAL))).toBe('Kommunen bar ansvar för skolan.');
  });

  it('weigh it where the document read with Swedish shows OCR damage (`vanta`, `pa`)', () => {
    expect(fix('Kommunen bar ansvar för skolan och elever som inte far vanta pa beslut.', tiny(NORMAL))).toBe(
      'Kommunen har ansvar för skolan och elever som inte får vänta på beslut.',
    );
  });

  it('leave English words in a title alone (`an` is a learned `än`)', () => {
    expect(tinyModel().tables.stripped.words.get('an')?.map((w) => w.truth)).toContain('än');
    expect(repair('Strategy for an open world', tiny(STRIPPED)).corrections.some((c) => c.before === 'an')).toBe(false);
    expect(repair('Look at the map', STRIPPED).corrections.some((c) => c.before === 'at')).toBe(false);
  });

  it('read a lone learned letter as `i` between two lower-case words only (`t`, `j` in English-model OCR)', () => {
    // `4` was learned as `få`, but a lone digit other than `1` is a number and never a word unit.
    expect(tinyModel().tables.stripped.words.get('4')?.map((w) => w.truth)).toEqual(['få']);
    expect(fix('Se avsnitt 4 och kapitel 4 i rapporten.', tiny(STRIPPED))).toBe('Se avsnitt 4 och kapitel 4 i rapporten.');
    const { text, corrections } = repair('Det gäller t frågan och j dag.\nt Samarbeta med kommunen. Punkt j', tiny(STRIPPED));
    expect(text).toBe('Det gäller i frågan och i dag.\nt Samarbeta med kommunen. Punkt j');
    expect(corrections.filter((c) => c.rule === 'word-confusion').map((c) => [c.offset, c.before, c.after])).toEqual([[11, 't', 'i'], [24, 'j', 'i']]);
    // Other single letters are no words to repair (`a`, `o` are not learned).
    expect(repair('Det gäller a frågan.', tiny(STRIPPED)).text).toBe('Det gäller a frågan.');
  });
});

// English inside Swedish prose: a word that is English (dictionaries/en-words.txt.gz) and no
// Swedish word, even with its diacritics put back, stays beside another such word or an English
// function word. On text no model had seen, such words were the commonest damage.
describe('a run of English words', () => {
  it('is left alone (`controlled foreign company`, `Research institute of Sweden`)', () => {
    expect(fix('Det star for "controlled foreign company", regeln om bolag.', STRIPPED)).toBe('Det står för "controlled foreign company", regeln om bolag.');
    expect(fix('Sveriges lantbruksuniversitet, Research institute of Sweden', STRIPPED)).toBe('Sveriges lantbruksuniversitet, Research institute of Sweden');
  });

  it('does not shield OCR damage that spells English beside a word Swedish shares with English', () => {
    // `clever` for `elever` beside `under`, `jay` for `jag` beside the merged `till` `Gil`.
    expect(fix('att omplacera clever under en tid', STRIPPED)).toBe('att omplacera elever under en tid');
    expect(fix('Nar jay Gil exempel namner', STRIPPED)).toBe('När jag till exempel nämner');
  });

  it('does not shield a stripped Swedish word that is English too (`over` is `över`)', () => {
    expect(fix('ansvar for over 100 personer', STRIPPED)).toBe('ansvar för över 100 personer');
  });
});
