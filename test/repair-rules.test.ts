// The rules of repair as one ordered list (src/repair/rules.ts): every rule id that can appear in
// the output is in the RuleId union and in the list, each rule's trainer counter and model keys
// exist, and `explain` says why a word was left alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repair } from '../src/repair/index.js';
import type { Hypothesis, HypothesisSource } from '../src/repair/hypotheses.js';
import { RULES, isCorrectionRule, isWordRepair, ruleIds, wordRuleFor } from '../src/repair/rules.js';
import type { CorrectionRule, RuleId, SkipReason, WordRuleId } from '../src/types.js';
import { STRIPPED, NORMAL, fix, fixture } from './repair-helpers.js';

const ROOT = join(import.meta.dirname, '..');

/** Every RuleId, spelt out: the compiler fails here when the union gains or loses one. */
const ALL_IDS: Record<RuleId, true> = {
  normalize: true,
  dehyphenate: true,
  confusion: true,
  'stripped-diacritics': true,
  'word-confusion': true,
  'till-start': true,
  'edit-distance': true,
  'join-words': true,
  'split-words': true,
  'glyph-word': true,
  'lone-glyph': true,
  'dash-glyph': true,
  abbreviation: true,
  'year-range': true,
  'sentence-mark': true,
  'page-break': true,
  'fraktur-confusion': true,
  'fraktur-word-confusion': true,
};

/** Every SkipReason, spelt out likewise. */
const ALL_REASONS: Record<SkipReason, true> = {
  'not-joined': true,
  fragment: true,
  'single-letter': true,
  number: true,
  'no-letter': true,
  'dotted-abbreviation': true,
  'abbreviation-part': true,
  archaic: true,
  english: true,
  acronym: true,
  'lone-character': true,
  'english-neighbour': true,
  'mixed-case': true,
  'english-run': true,
  unit: true,
  'no-reading': true,
  'clean-document': true,
  'as-written': true,
  'below-threshold': true,
  'hyphen-part': true,
  'split-word-part': true,
  'against-context': true,
  'repeated-name': true,
  'used-word': true,
  'attested-form': true,
  'older-inflection': true,
  'all-caps': true,
  identifier: true,
  'code-name': true,
  'technical-twin': true,
  'code-in-prose': true,
  'foreign-compound': true,
  'foreign-word': true,
  'english-passage': true,
  'compound-part': true,
  'name-sequence': true,
};

/** The TypeScript files below a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the rule list', () => {
  it('holds every RuleId once, and nothing else', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(ALL_IDS).sort());
  });

  it('names every rule the source code writes into an edit or correction', () => {
    const written = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\brule: '([a-z-]+)'/gu)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(5);
    for (const id of written) expect(Object.keys(ALL_IDS), id).toContain(id);
  });

  it('names trainer counters that exist and model keys the shipped model has', () => {
    const trainer = readFileSync(join(ROOT, 'scripts', 'train-repair.ts'), 'utf8');
    const fitter = readFileSync(join(ROOT, 'scripts', 'repair-fit.ts'), 'utf8');
    const json = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, 'dictionaries', name), 'utf8'));
    const files = { ...(json('repair-model.json') as object), settings: json('repair-settings.json') };
    const at = (path: string[], node: unknown): boolean => {
      if (path.length === 0) return node !== undefined;
      if (node === null || typeof node !== 'object') return false;
      const [head, ...rest] = path as [string, ...string[]];
      const o = node as Record<string, unknown>;
      return head === '*' ? Object.values(o).length > 0 && Object.values(o).every((v) => at(rest, v)) : at(rest, o[head]);
    };
    for (const rule of RULES) {
      for (const counter of rule.trainedBy) {
        const source = counter === 'fit' ? fitter : trainer;
        expect(source, `${rule.id}: ${counter}`).toMatch(new RegExp(`function ${counter}\\(`, 'u'));
      }
      for (const key of rule.model) expect(at(key.split('.'), files), `${rule.id}: ${key}`).toBe(true);
    }
  });

  it('gives each kind of reading one word rule', () => {
    const h = (source: HypothesisSource, known = true): Hypothesis => ({ text: 'x', cost: 0, known, source });
    const cases: Array<[HypothesisSource, boolean, WordRuleId]> = [
      ['channel', false, 'confusion'],
      ['channel', true, 'stripped-diacritics'],
      ['learned-word', false, 'word-confusion'],
      ['learned-word', true, 'word-confusion'],
      ['till-start', true, 'till-start'],
      ['edit-distance', false, 'edit-distance'],
    ];
    for (const [source, known, rule] of cases) expect(wordRuleFor(h(source), h('token', known)), source).toBe(rule);
    expect(() => wordRuleFor(h('token'), h('token'))).toThrow();
  });

  it('splits a correction rule into its ids', () => {
    expect(ruleIds('dehyphenate+confusion+document')).toEqual(['dehyphenate', 'confusion']);
    expect(ruleIds('dehyphenate+glyph-word')).toEqual(['dehyphenate', 'glyph-word']);
    expect(isWordRepair('dehyphenate+edit-distance')).toBe(true);
    expect(isWordRepair('dehyphenate')).toBe(false);
    expect(isWordRepair('sentence-mark')).toBe(false);
    expect(isCorrectionRule('confusion+document')).toBe(true);
    expect(isCorrectionRule('document')).toBe(false);
    expect(isCorrectionRule('sentence-mark+document')).toBe(false);
    expect(isCorrectionRule('spelling')).toBe(false);
    // Composed labels are typed: these compile.
    const typed: CorrectionRule[] = ['dehyphenate+till-start', 'edit-distance+document', 'dehyphenate+confusion+document', 'dehyphenate+glyph-word', 'page-break'];
    expect(typed.every(isCorrectionRule)).toBe(true);
  });

  it('labels every correction of the OCR fixtures with a valid rule', () => {
    const seen = new Set<string>();
    for (const path of ['seed-000/ocr-eng-l1.txt', 'seed-000/ocr-swe-l2.txt', 'seed-001-pair/ocr.txt', 'seed-002/ocr-eng.txt']) {
      for (const c of repair(fixture(path)).corrections) seen.add(c.rule);
    }
    for (const rule of seen) expect(isCorrectionRule(rule), rule).toBe(true);
    expect(seen).toContain('dehyphenate+confusion');
  });
});

describe('explain', () => {
  const leftAlone = (text: string, options = {}) => repair(text, { ...options, explain: true }).leftAlone!.map((l) => [l.offset, l.word, l.reason]);

  it('changes nothing of the repair, and is absent by default', () => {
    const text = fixture('seed-002/ocr-eng.txt');
    const plain = repair(text);
    const explained = repair(text, { explain: true });
    expect(plain.leftAlone).toBeUndefined();
    expect(explained.text).toBe(plain.text);
    expect(explained.corrections).toEqual(plain.corrections);
    expect(explained.leftAlone!.length).toBeGreaterThan(100);
    for (const l of explained.leftAlone!) expect(Object.keys(ALL_REASONS)).toContain(l.reason);
  });

  it('says why words get no readings', () => {
    expect(leftAlone('Ministry of Justice och EU samt DO.', STRIPPED)).toEqual([
      [0, 'Ministry', 'english-run'],
      [9, 'of', 'english'],
      [12, 'Justice', 'english-run'],
      [24, 'EU', 'acronym'],
      [32, 'DO', 'acronym'],
    ]);
    // No word of this text is damaged: a known word keeps its spelling (`har`, not `hår`).
    expect(leftAlone('Kommunen har 2021 ett regio- nala ansvar och hwilka t.ex. skolor.', NORMAL)).toEqual([
      [9, 'har', 'clean-document'],
      [13, '2021', 'number'],
      [22, 'regio', 'fragment'],
      [29, 'nala', 'fragment'],
      [45, 'hwilka', 'archaic'],
      [52, 't', 'abbreviation-part'],
      [54, 'ex', 'abbreviation-part'],
    ]);
    expect(leftAlone('Skolan har 1 elev och 1 maj. t Samarbeta med', STRIPPED)).toEqual([
      [7, 'har', 'as-written'],
      [11, '1', 'as-written'],
      [22, '1', 'lone-character'],
      [29, 't', 'lone-character'],
    ]);
    // An English word that is also a stripped Swedish one (`for`) inside a run of English.
    expect(leftAlone('Programmet Visual Basic for Applications anvands', STRIPPED)).toEqual([
      [11, 'Visual', 'english-run'],
      [18, 'Basic', 'english-run'],
      [24, 'for', 'english-run'],
      [28, 'Applications', 'as-written'],
    ]);
    expect(fix('Visual Basic for Applications och det ar bra for alla.', STRIPPED)).toBe('Visual Basic for Applications och det är bra för alla.');
    expect(leftAlone('offentlig handling eller tex. muntligen', STRIPPED)).toEqual([[25, 'tex', 'dotted-abbreviation']]);
    expect(leftAlone('organi-\nsationen', { ...STRIPPED, dehyphenate: false })).toEqual([[0, 'organi-\nsationen', 'not-joined']]);
    expect(leftAlone('Det @# var bra', STRIPPED)).toEqual([
      [4, '@#', 'no-letter'],
      [7, 'var', 'as-written'],
    ]);
  });

  it('says why a reading was not taken', () => {
    expect(leftAlone('Strategy for an open world.', NORMAL)).toEqual([
      [0, 'Strategy', 'below-threshold'],
      [9, 'for', 'clean-document'],
      [13, 'an', 'english-neighbour'],
      [16, 'open', 'english-run'],
      [21, 'world', 'english-run'],
    ]);
    expect(leftAlone('Utan Reglab-prajektet hade vi inte', STRIPPED)).toEqual([
      [5, 'Reglab', 'as-written'],
      [12, 'prajektet', 'hyphen-part'],
    ]);
    expect(leftAlone('mangfald sum en horison\n\ntell fraga i det', STRIPPED)).toEqual([
      [13, 'en', 'as-written'],
      [16, 'horison', 'no-reading'],
      [25, 'tell', 'split-word-part'],
      [36, 'i', 'single-letter'],
    ]);
  });

  it('says so when a line-end join is less sure than the bar', () => {
    // An unknown joined word is joined at the learned `hyphenJoin` confidence, below 0.999.
    const r = repair('Planen och Dokumen-\ntansvariv', { ...STRIPPED, minConfidence: 0.999, explain: true });
    expect(r.corrections).toEqual([]);
    expect(r.leftAlone).toEqual([{ offset: 11, word: 'Dokumentansvariv', reason: 'below-threshold' }]);
  });

  it('gives every reason a check can give (each appears in the examples above)', () => {
    const examples = [
      repair('Ministry of Justice och EU samt DO.', { ...STRIPPED, explain: true }),
      repair('Kommunen har 2021 ett regio- nala ansvar och hwilka t.ex. skolor.', { ...NORMAL, explain: true }),
      repair('Skolan har 1 elev och 1 maj. t Samarbeta med', { ...STRIPPED, explain: true }),
      repair('offentlig handling eller tex. muntligen', { ...STRIPPED, explain: true }),
      repair('organi-\nsationen', { ...STRIPPED, dehyphenate: false, explain: true }),
      repair('Det @# var bra', { ...STRIPPED, explain: true }),
      repair('Strategy for an open world.', { ...NORMAL, explain: true }),
      repair('Utan Reglab-prajektet hade vi inte', { ...STRIPPED, explain: true }),
      repair('mangfald sum en horison\n\ntell fraga i det', { ...STRIPPED, explain: true }),
      // The context model's checks (context-gate.ts): `sa` (said) is no `så` here, `Agga` a name,
      // `voro` an older plural.
      repair('Det ar sa att Agga kom hem. Sedan gick Agga ut igen, och da sa Agga att det var sent.', { ...STRIPPED, explain: true }),
      repair('Det ar sa att barnen åter voro över henne och maste ga.', { ...STRIPPED, explain: true }),
      // `hellenisk`: a form the older-Swedish lexicon attests (attested.ts).
      repair('Helst hade han velat forevisa nakna kvinnor pa elefanten, ada hellenisk skonhetskult.', { ...STRIPPED, explain: true }),
      // `cm` after a number: a unit of measure (dictionaries/sv/units.txt).
      repair('Plantan ar 12 cm hog.', { ...STRIPPED, explain: true }),
      // `SSKT`: an acronym (a consonant would change).
      repair('Jay ar for narvarande ordférande for SSKT och har f6ljt det.', { ...STRIPPED, explain: true }),
      // `lyssnen`: a plural imperative of `lyssna` (attested.ts).
      repair('Hören nu och lyssnen pa mig, forst maste ni ata.', { ...STRIPPED, explain: true }),
      // Technical text (technical.ts): `help` an option's name, `groff` a command's; `Pre-Depends` and
      // `debian-installer` foreign hyphenated names.
      repair('Visa hjalptexten med dpkg --help, och las mer i groff(1) fore installationen.', { ...STRIPPED, explain: true }),
      repair('Faltet Pre-Depends anvands av debian-installer nar paketen ar installerade.', { ...STRIPPED, explain: true }),
      // `ver1`, `ver2`: numbered names of code (technical.ts), no `verk`.
      repair('Jamfor sedan ver1 med ver2 nar versionerna ar klara.', { ...STRIPPED, explain: true }),
      // `apt`, `bash`: English words of a technical text; `passwd` in a passage of English.
      repair('Kor dpkg --list, dpkg --status och dpkg --search. Anvand sedan apt for att hamta paketen, eller bash.', { ...STRIPPED, explain: true }),
      // `operatorer`: a technical text's own word, where only the broad prior prefers `operatörer`.
      repair('Jamfor med dpkg --compare-versions, dpkg --status och dpkg --search. Det finns tva grupper operatorer, vilka endast skiljer sig.', { ...STRIPPED, explain: true }),
      // `init`: a function the text calls, then names after `funktionen` (code-prose.ts).
      repair('Skriv function init() och lat sedan funktionen init skapa strukturen.', { ...STRIPPED, explain: true }),
      repair('BESKRIVNING The passwd command changes passwords for user accounts. A normal user may only change the password for their own account, while the superuser may change the password for any account. passwd also changes the account or associated password validity period.', { ...STRIPPED, explain: true }),
      // `vagnsboden`: a compound of known parts, not `vagnshuden`; `Ba` beside the name `Demba`
      // (regular-words.ts).
      repair('Mor gjorde slut på idyllen i vagnsboden.', { ...NORMAL, explain: true }),
      repair('Newcastles succévarvning Demba Ba inledde malskyttet.', { ...STRIPPED, explain: true }),
      // A page in older spelling (old-swedish.ts) reads no token of mixed case.
      repair('Hvad som hände Mr McLean.', { spelling: 'pre-1906', explain: true }),
    ];
    const given = new Set(examples.flatMap((r) => r.leftAlone!.map((l) => l.reason)));
    expect([...given].sort()).toEqual(Object.keys(ALL_REASONS).sort());
  });

  it('reports offsets in the input, before normalisation', () => {
    // The ligature `ﬁ` (one code unit) becomes `fi` (two): the words after it move by one.
    const r = repair('Den ﬁnns. Ministry of Justice', { ...NORMAL, explain: true });
    const of = r.leftAlone!.find((l) => l.word === 'of')!;
    expect('Den ﬁnns. Ministry of Justice'.slice(of.offset, of.offset + 2)).toBe('of');
  });
});
