import { describe, expect, it } from 'vitest';
import { readDataBytes, readDataFile } from '../src/dictionaries.js';
import { FrontCodedTable } from '../src/repair/lexicon-frontcoded.js';
import { KeyFilter, hashKey } from '../src/repair/lexicon-hash.js';
import { SortedTable } from '../src/repair/lexicon-table.js';

describe('shipped word-form table', () => {
  const text = readDataFile('sv-forms.fc.txt.gz', 'latin1');
  const filter = new KeyFilter(readDataBytes('sv-forms.filter.bin'));
  const table = new FrontCodedTable(text, filter);

  it('finds every shipped form with its roles, and the filter holds every form (build and library hash alike)', () => {
    let n = 0;
    let prev = '';
    for (const [form, mask] of table.entries()) {
      n++;
      expect(form > prev).toBe(true); // sorted, no duplicates
      prev = form;
      if (!filter.mayHave(form) || table.mask(form) !== mask) expect.fail(`${form}: mask ${table.mask(form)} ≠ ${mask}`);
    }
    expect(n).toBeGreaterThan(800_000);
  });

  it('does not find forms that are not listed, including prefixes and extensions of listed ones', () => {
    for (const w of ['giller', 'ldnet', 'frin', 'sdtt', 'Ostergdtland', 'överenskommelsenx', 'övere', '', 'zzzz', 'aaaaa']) {
      expect(table.mask(w), w).toBe(0);
    }
    // Without the filter the walk itself must answer the same.
    const bare = new FrontCodedTable(text);
    for (const w of ['giller', 'överenskommelsenx', 'övere', 'gäller', 'länet', 'a', 'ö', 'östgöte']) {
      expect(bare.mask(w), w).toBe(table.mask(w));
    }
    expect(bare.mask('gäller')).toBeGreaterThan(0);
  });

  it('reports compound roles: arbets- only inside compounds, kommun both alone and as a first part', () => {
    expect(table.mask('arbets') & 1).toBe(0);
    expect(table.mask('åringens') & 17).toBe(16); // only after a number: `87-åringens`
    expect(table.mask('arbets') & 2).toBe(2);
    expect(table.mask('kommun') & 3).toBe(3);
  });
});

describe('SortedTable', () => {
  it('binary-searches key<TAB>value lines in place', () => {
    const t = new SortedTable('ab\t1\nabc\t22\nb\t3\nä\t4\n');
    expect(t.size).toBe(4);
    expect(t.number('ab')).toBe(1);
    expect(t.number('abc')).toBe(22);
    expect(t.number('ä')).toBe(4);
    expect(t.number('a')).toBe(0);
    expect(t.number('abcd')).toBe(0);
    expect(t.keyAt(1)).toBe('abc');
  });
});

describe('hashKey', () => {
  it('is FNV-1a over UTF-16 code units', () => {
    expect(hashKey('')).toBe(0x811c9dc5);
    expect(hashKey('a')).toBe(0xe40c292c);
  });
});
