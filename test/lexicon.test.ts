import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLexicon, loadLexicon } from '../src/repair/lexicon.js';
import { parseList } from '../src/repair/lexicon-data.js';
import { genitive } from '../src/repair/lexicon-domain.js';

const lex = defaultLexicon();
const domainList = (name: string) => parseList(readFileSync(new URL(`../dictionaries/domain/${name}`, import.meta.url), 'utf8'));

describe('Lexicon: Hunspell word forms', () => {
  it.each(['gäller', 'länet', 'för', 'är', 'på', 'över', 'överenskommelse', 'verksamheten', 'kommunen', 'skall'])('knows %s', (w) => {
    expect(lex.hasExact(w)).toBe(true);
    expect(lex.has(w)).toBe(true);
  });

  it('keeps real words that look like stripped diacritics (the repair stage decides them in context)', () => {
    for (const w of ['for', 'bor', 'ar', 'sa', 'far']) expect(lex.has(w)).toBe(true);
  });

  it('does not accept forms that exist only inside compounds', () => {
    // `arbets` and `ränte` are Hunspell compound-begin forms (ONLYINCOMPOUND), not words.
    expect(lex.hasExact('arbets')).toBe(false);
    expect(lex.has('ränte')).toBe(false);
    expect(lex.has('arbetsmarknad')).toBe(true);
  });
});

describe('Lexicon: OCR garbage is not a word', () => {
  it.each([
    'Ostergdtland',
    '6verenskommelsen',
    'giller',
    'ldnet',
    'frin',
    'Linsstyrelsen',
    'sdtt',
    'dverenskommelsen',
    'verenskommelsen',
    'Gverstiger',
    'ir',
    'dr',
    'Link&pings',
    'ROK',
  ])('rejects %s', (w) => {
    expect(lex.has(w)).toBe(false);
  });

  it('rejects Linsstyrelsen although lins + styrelsen would split: Länsstyrelsen is one OCR letter away', () => {
    expect(lex.has('Länsstyrelsen')).toBe(true);
    expect(lex.compoundParts('linsstyrelsen')).toBeNull();
  });
});

describe('Lexicon: compounds', () => {
  it.each([
    ['arbetsmarknadsnämndens', ['arbetsmarknads', 'nämndens']],
    ['integrationsavdelningen', ['integrations', 'avdelningen']],
    ['jämställdhetsperspektivet', ['jämställdhets', 'perspektivet']],
    ['kommunfullmäktiges', ['kommun', 'fullmäktiges']],
  ])('splits %s', (w, parts) => {
    expect(lex.has(w)).toBe(true);
    expect(lex.compoundParts(w)).toEqual(parts);
  });

  it('accepts a three-part compound with linking s and the inflection on the last part', () => {
    expect(lex.has('bostadsförsörjningsprogrammets')).toBe(true);
    expect(lex.compoundParts('bostadsförsörjningsprogrammets')?.at(-1)).toBe('programmets');
  });

  it('knows heads Hunspell does not mark as compound ends when official prose shows them heading s-compounds', () => {
    // `råd` has no COMPOUNDEND flag in sv_SE; the build promotes it from corpus evidence.
    expect(lex.compoundParts('integrationsrådets')).toEqual(['integrations', 'rådets']);
    expect(lex.has('Integrationsrådet')).toBe(true);
  });

  it('accepts simplified triple consonants (natt + tåg = nattåg)', () => {
    expect(lex.compoundParts('nattåg')).toEqual(['natt', 'tåg']);
  });

  it('isAbbreviation: listed in abbreviations.txt exactly as written, not a word in capitals', () => {
    for (const w of ['RÖK', 'SFI', 'Sfi', 'SoL', 'DO', 'kr']) expect(lex.isAbbreviation(w)).toBe(true);
    // `DÖ` is the verb `dö` in capitals (hasExact is true), `ROK` the stripped `RÖK`.
    expect(lex.hasExact('DÖ')).toBe(true);
    for (const w of ['DÖ', 'ROK', 'Rök', 'rök', 'SOL', 'sfi', 'KR']) expect(lex.isAbbreviation(w)).toBe(false);
  });

  it('hasExact does no compound analysis', () => {
    expect(lex.hasExact('bostadsförsörjningsprogrammets')).toBe(false);
    expect(lex.has('bostadsförsörjningsprogrammets')).toBe(true);
  });
});

describe('Lexicon: hyphens, colons and numbers', () => {
  it('knows hyphen joins of known parts and abbreviations, and suspended compound parts', () => {
    expect(lex.has('ATP-avgift')).toBe(true);
    expect(lex.has('EU-medel')).toBe(true);
    expect(lex.has('hälso-')).toBe(true); // `hälso- och sjukvård`
    expect(lex.has('integra-')).toBe(false); // a line-end fragment, not a word
    expect(lex.has('expert-och')).toBe(false); // a lost space, not a compound
  });

  it('knows colon endings of abbreviations and number-prefixed words', () => {
    expect(lex.has('EU:s')).toBe(true);
    expect(lex.has('RÖK:en')).toBe(true);
    expect(lex.has('RÖK:xyz')).toBe(false);
    expect(lex.has('87-åringens')).toBe(true);
    expect(lex.has('6verenskommelsen')).toBe(false);
  });

  it('counts a suspended compound part as a known word token', () => {
    expect(lex.knownShare('hälso- och sjukvård')).toBe(1);
    expect(lex.knownShare('integra-\ntion')).toBe(0);
  });
});

describe('Lexicon: suggestable', () => {
  it('knows NOSUGGEST words but does not offer them, nor compounds made with them', () => {
    expect(lex.has('porrklubb')).toBe(true);
    expect(lex.suggestable('porrklubb')).toBe(false);
    expect(lex.suggestable('gäller')).toBe(true);
    expect(lex.suggestable('integrationsavdelningen')).toBe(true);
    expect(lex.suggestable('Linköpings')).toBe(true);
    expect(lex.suggestable('giller')).toBe(false);
  });
});

describe('Lexicon: case', () => {
  it('knows a name as written and in capitals, not in lower case', () => {
    expect(lex.has('Östergötland')).toBe(true);
    expect(lex.has('ÖSTERGÖTLAND')).toBe(true);
    expect(lex.has('östergötland')).toBe(false);
  });

  it('accepts sentence-initial capitals and capitals of known lower-case words', () => {
    expect(lex.has('Överenskommelsen')).toBe(true);
    expect(lex.has('ÖVERENSKOMMELSEN')).toBe(true);
    expect(lex.has('Arbetsmarknadsnämndens')).toBe(true);
  });

  it('does not take mixed case as a word', () => {
    expect(lex.has('öVerenskommelsen')).toBe(false);
  });

  it('splits compounds written in capitals or sentence-initial, not in mixed case', () => {
    expect(lex.compoundParts('ARBETSMARKNADSNÄMNDEN')).toEqual(['arbetsmarknads', 'nämnden']);
    expect(lex.compoundParts('Arbetsmarknadsnämnden')).toEqual(['arbetsmarknads', 'nämnden']);
    expect(lex.compoundParts('arbetsMarknadsnämnden')).toBeNull();
  });
});

describe('Lexicon: Unicode forms', () => {
  it('knows a word written decomposed or with a compatibility character (normalised to NFC first)', () => {
    expect(lex.has('a\u030Atgärden')).toBe(true); // a + combining ring
    expect(lex.has('\u212Bterkomsten')).toBe(true); // ANGSTROM SIGN for Å
    expect(lex.hasExact('\u212Bterkomsten')).toBe(true);
    expect(lex.compoundParts('integrationsa\u030Atgärder')).toEqual(['integrations', 'åtgärder']);
  });
});

describe('Lexicon: domain lists', () => {
  it('lists exactly the 290 municipalities, each once', () => {
    const m = domainList('municipalities.txt');
    expect(m).toHaveLength(290);
    expect(new Set(m).size).toBe(290);
    expect(m).toContain('Linköping');
    expect(m).toContain('Upplands Väsby');
    expect(m).toContain('Malung-Sälen');
    expect(m).toContain('Ödeshög');
  });

  it('lists the 21 län and 21 regions', () => {
    const r = domainList('regions.txt');
    expect(r.filter((e) => e.endsWith(' län') && !e.startsWith('Region ') && !e.startsWith('Landstinget '))).toHaveLength(21);
    expect(r.filter((e) => e.startsWith('Region ') || e === 'Västra Götalandsregionen')).toHaveLength(21);
  });

  it('knows municipalities, regions, authorities, terms and abbreviations with their genitives', () => {
    for (const w of ['Linköping', 'Linköpings', 'Ödeshög', 'Ödeshögs', 'Kalix', 'Västerås', 'Väsby', 'Malung-Sälen', 'Malung-Säleners']) {
      expect(lex.has(w), w).toBe(w !== 'Malung-Säleners');
    }
    for (const w of ['Östergötlands', 'Arbetsförmedlingen', 'Arbetsförmedlingens', 'Migrationsverket', 'Migrationsverkets', 'Integrationsverket']) {
      expect(lex.has(w), w).toBe(true);
    }
    for (const w of ['tjänsteskrivelse', 'beslutsunderlag', 'delegationsbeslut', 'etableringsuppdrag', 'nyanlända']) expect(lex.has(w), w).toBe(true);
    for (const w of ['RÖK', 'RÖK:en', 'SFI', 'SFI:s', 'AMS', 'SKR', 'LSS', 'SoL', 'kr', 'nr']) expect(lex.has(w), w).toBe(true);
  });

  it('forms genitives by the Swedish rule', () => {
    expect(genitive('Linköping')).toBe('Linköpings');
    expect(genitive('Västerås')).toBe('Västerås');
    expect(genitive('Kalix')).toBe('Kalix');
    expect(genitive('Ljusdal')).toBe('Ljusdals');
    expect(genitive('SFI')).toBe('SFI:s');
  });
});

describe('Lexicon: frequencies and bigrams', () => {
  it('ranks a word above its stripped form', () => {
    expect(lex.frequency('för')).toBeGreaterThan(100 * lex.frequency('for'));
    expect(lex.frequency('bör')).toBeGreaterThan(lex.frequency('bor'));
    expect(lex.frequency('är')).toBeGreaterThan(1000 * lex.frequency('dr'));
    expect(lex.frequency('giller')).toBe(0);
  });

  it('is case-insensitive', () => {
    expect(lex.frequency('FÖR')).toBe(lex.frequency('för'));
    expect(lex.frequency('Linköping')).toBe(lex.frequency('linköping'));
    expect(lex.frequency('Linköping')).toBeGreaterThan(0);
  });

  it('has context for confusable pairs', () => {
    expect(lex.bigram('bör', 'följa')).toBeGreaterThan(lex.bigram('bor', 'följa'));
    expect(lex.bigram('bor', 'och')).toBeGreaterThan(0);
    expect(lex.bigram('för', 'att')).toBeGreaterThan(lex.bigram('for', 'att'));
    expect(lex.bigram('Det', 'ÄR')).toBe(lex.bigram('det', 'är'));
  });
});

describe('Lexicon: learn', () => {
  it('learns names and terms from clean documents, with a frequency boost, without touching others', () => {
    const fresh = loadLexicon();
    expect(fresh.has('Ljunghusenskolan')).toBe(false);
    const before = fresh.frequency('hemspråksstöd');
    fresh.learn('Ljunghusenskolan och Hemspråksstöd. Ljunghusenskolan får hemspråksstöd.');
    expect(fresh.has('Ljunghusenskolan')).toBe(true);
    expect(fresh.has('LJUNGHUSENSKOLAN')).toBe(true);
    expect(fresh.has('ljunghusenskolan')).toBe(false);
    expect(fresh.frequency('hemspråksstöd')).toBe(before + 200);
    expect(fresh.bigram('ljunghusenskolan', 'och')).toBe(100);
    expect(fresh.bigram('hemspråksstöd', 'ljunghusenskolan')).toBe(0); // a full stop breaks the pair
    expect(lex.has('Ljunghusenskolan')).toBe(false); // the default lexicon is not changed
  });

  it('does not learn the halves of words hyphenated at line ends', () => {
    const fresh = loadLexicon({ learn: ['Samverkan mellan myndigheter och organi-\nsationer sker i Zyxby.'] });
    expect(fresh.has('organisationer')).toBe(true);
    expect(fresh.has('organi')).toBe(false);
    expect(fresh.has('sationer')).toBe(false);
    expect(fresh.has('Zyxby')).toBe(true);
    expect(fresh.has('myndigheter')).toBe(true);
    expect(fresh.learnedSize).toBe(7); // Samverkan mellan myndigheter och sker i Zyxby: not the halves
  });

  it('uses learned lower-case words as compound parts', () => {
    const fresh = loadLexicon({ learn: ['Projektet heter mottagningsenheten.'] });
    expect(fresh.has('mottagningsenhetens')).toBe(true);
  });
});

describe('Lexicon: knownShare', () => {
  it('is high on clean seed text and low on OCR damage', () => {
    const truth = readFileSync(new URL('../fixtures/seed-001-pair/truth.txt', import.meta.url), 'utf8');
    const ocr = readFileSync(new URL('../fixtures/seed-001-pair/ocr.txt', import.meta.url), 'utf8');
    const clean = lex.knownShare(truth);
    const damaged = lex.knownShare(ocr);
    expect(clean).toBeGreaterThan(0.97);
    expect(damaged).toBeLessThan(clean - 0.05);
  });

  it('counts words only', () => {
    expect(lex.knownShare('Överenskommelsen gäller 2021-05-01, dnr 2021/123.')).toBe(1);
    expect(lex.knownShare('6verenskommelsen giller')).toBe(0);
    expect(lex.knownShare('')).toBe(0);
    expect(lex.knownShare('Det ir bra')).toBeCloseTo(2 / 3, 10);
  });
});
