import { describe, expect, it } from 'vitest';
import { defaultModel } from '../src/repair/model.js';
import { repair } from '../src/repair/index.js';
import { fix, fixture, NORMAL, STRIPPED } from './repair-helpers.js';

// Whole words the training OCR wrote as another string (`ull` for `till`), learned by
// scripts/train-repair.ts from ../shared/train and shipped as counts in dictionaries/repair-model.json.

describe('learned whole-word confusions', () => {
  it('are learned from the training OCR with their counts, only where seen 3 times in 3 documents', () => {
    const words = defaultModel().tables.stripped.words;
    expect(words.get('ull')?.map((w) => w.truth)).toEqual(['till']);
    expect(words.get('dir')?.map((w) => w.truth)).toContain('är');
    // P(ull | till): 55 of the 919 `till` of the training truth came out as `ull`.
    expect(words.get('ull')![0]!.cost).toBeCloseTo(-Math.log(55 / 919), 6);
  });

  it.each([
    ['a real word the OCR made of `till`', 'Uppdraget ska redovisas ull regeringen.', 'Uppdraget ska redovisas till regeringen.'],
    ['a real word the OCR made of `är`, beside a stripped diacritic', 'Detta dir viktigt for kommunen.', 'Detta är viktigt för kommunen.'],
  ])('repair a stripped document: %s', (_name, input, output) => {
    expect(fix(input, STRIPPED)).toBe(output);
  });

  it('are logged as their own rule; a reading the letters also give keeps its rule', () => {
    // (`ull` is a word, wool: the letters give it no reading; a short unknown token like `dir` is
    // searched by the letter channel too, which reads `di` as `ä`, so it is logged as a confusion.)
    const { corrections } = repair('Det bidrar ull en bättre skola for alla.', STRIPPED);
    expect(corrections.map(({ before, after, rule, offset }) => ({ before, after, rule, offset }))).toEqual([
      { before: 'ull', after: 'till', rule: 'word-confusion', offset: 11 },
      { before: 'for', after: 'för', rule: 'stripped-diacritics', offset: 31 },
    ]);
    expect(repair('Detta dir viktigt for kommunen.', STRIPPED).corrections[0]).toMatchObject({ before: 'dir', after: 'är', rule: 'confusion' });
  });

  it('leave a known word alone in a clean document read with Swedish (the normal class learned `bar` → `har` too)', () => {
    expect(defaultModel().tables.normal.words.get('bar')?.map((w) => w.truth)).toContain('har');
    expect(fix('Kommunen bar ansvar för skolan.', NORMAL)).toBe('Kommunen bar ansvar för skolan.');
  });

  it('weigh it where the document read with Swedish shows OCR damage (`vanta`, `pa`)', () => {
    expect(fix('Kommunen bar ansvar för skolan och elever som inte far vanta pa beslut.', NORMAL)).toBe(
      'Kommunen har ansvar för skolan och elever som inte får vänta på beslut.',
    );
  });

  it('leave English words in a title alone (`an` was `än` in the training OCR)', () => {
    expect(defaultModel().tables.stripped.words.get('an')?.map((w) => w.truth)).toContain('än');
    expect(repair('Strategy for an open world', STRIPPED).corrections.some((c) => c.before === 'an')).toBe(false);
    expect(repair('Look at the map', STRIPPED).corrections.some((c) => c.before === 'at')).toBe(false);
  });

  it('read `an` and `at` without English beside them as the `än` and `åt` they were in the training OCR', () => {
    expect(fix('Kostnaden blir hogre an vantat.', STRIPPED)).toBe('Kostnaden blir högre än väntat.');
    expect(fix('Arbetet gjordes at kommunen och mer an sa.', STRIPPED)).toBe('Arbetet gjordes åt kommunen och mer än så.');
    // `at` was also `ut` 5 times: after `gick` (`gick ut`) the two readings split, and it stays.
    expect(fix('Uppdraget gick at kommunen.', STRIPPED)).toBe('Uppdraget gick at kommunen.');
  });

  it('repair the held-out seed-003 OCR where the letters alone could not', () => {
    const { corrections } = repair(fixture('seed-003/ocr-eng-l2.txt'));
    // `bur` → `hur` (`viljeriktning för hur arbetet`) was learned from the extra training material.
    expect(corrections.filter((c) => c.rule === 'word-confusion').map((c) => `${c.before} → ${c.after}`)).toEqual(['bur → hur', 'bar → har', 'alt → att']);
  });

  it('read a lone learned letter as `i` between two lower-case words only (`t`, `j` in English-model OCR)', () => {
    expect([...defaultModel().tables.stripped.words.keys()].filter((w) => w.length === 1).sort()).toEqual(['1', '4', 'f', 't', 'j'].sort());
    // `4` was `få` 7 times, but a lone digit other than `1` is a number and never a word unit.
    expect(fix('Se avsnitt 4 och kapitel 4 i rapporten.', STRIPPED)).toBe('Se avsnitt 4 och kapitel 4 i rapporten.');
    const { text, corrections } = repair('Det gäller t frågan och j dag.\nt Samarbeta med kommunen. Punkt j', STRIPPED);
    expect(text).toBe('Det gäller i frågan och i dag.\nt Samarbeta med kommunen. Punkt j');
    expect(corrections.filter((c) => c.rule === 'word-confusion').map((c) => [c.offset, c.before, c.after])).toEqual([[11, 't', 'i'], [24, 'j', 'i']]);
    // Other single letters are no words to repair (`a`, `o` are not learned).
    expect(repair('Det gäller a frågan.', STRIPPED).text).toBe('Det gäller a frågan.');
  });

  it('repair the held-out seed-002 OCR: `padnivande j fragorna`', () => {
    const { corrections } = repair(fixture('seed-002/ocr-eng.txt'));
    expect(corrections.filter((c) => c.before.length === 1 && /\p{L}/u.test(c.before) && c.rule !== 'glyph-word').map((c) => `${c.before} → ${c.after}`)).toEqual(['j → i']);
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
