import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIO } from './fake-io.js';
import { repairCommand } from '../src/cli/repair.js';
import { FIXTURES } from './repair-helpers.js';

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIO({ cwd: FIXTURES, stdin });
  const code = await repairCommand(args, io);
  return { code, out: io.out(), err: io.err() };
}

const tmp = mkdtempSync(join(tmpdir(), 'arkiv-repair-'));

describe('arkivtext repair', () => {
  it('prints the repaired text of a file', async () => {
    const r = await run(['seed-001-pair/ocr.txt']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Den regionala överenskommelsen ska bidra till att länet nyttjar');
  });

  it('reads stdin for - and for no FILE', async () => {
    const a = await run(['-'], 'Det #r en 6verenskommelse.');
    const b = await run([], 'Det #r en 6verenskommelse.');
    expect(a.out).toBe('Det är en överenskommelse.');
    expect(b.out).toBe(a.out);
  });

  it('--json prints the text and the corrections against the input', async () => {
    const r = await run(['--json', '-'], 'Det #r en 6verenskommelse.');
    const parsed = JSON.parse(r.out) as { text: string; corrections: Array<{ offset: number; before: string; after: string; rule: string }> };
    expect(parsed.text).toBe('Det är en överenskommelse.');
    expect(parsed.corrections.map((c) => [c.offset, c.before, c.after, c.rule])).toEqual([
      [4, '#r', 'är', 'confusion'],
      [10, '6verenskommelse', 'överenskommelse', 'confusion'],
    ]);
  });

  it('--explain adds the words left alone and why to the JSON', async () => {
    const r = await run(['--explain', '-'], 'Det #r en 6verenskommelse med EU.');
    const parsed = JSON.parse(r.out) as { text: string; corrections: unknown[]; leftAlone: Array<{ offset: number; word: string; reason: string }> };
    expect(parsed.text).toBe('Det är en överenskommelse med EU.');
    expect(parsed.corrections).toHaveLength(2);
    expect(parsed.leftAlone).toContainEqual({ offset: 30, word: 'EU', reason: 'acronym' });
    expect(JSON.parse((await run(['--json', '-'], 'Det #r en 6verenskommelse med EU.')).out)).not.toHaveProperty('leftAlone');
  });

  it('--min-confidence 1 applies no word repair', async () => {
    const r = await run(['--min-confidence', '1', '-'], 'Det #r en 6verenskommelse.');
    expect(r.out).toBe('Det #r en 6verenskommelse.');
  });

  it('--learn makes the archive’s own words win', async () => {
    const clean = join(tmp, 'clean.txt');
    writeFileSync(clean, 'Tarna bygdegård ligger i Tarna.\n');
    // A long English-model OCR text, so the document counts as diacritic-stripped.
    const text = `${readFileSync(join(FIXTURES, 'seed-000/ocr-eng-l1.txt'), 'utf8')}\nMötet hölls i Tarna bygdegard.\n`;
    expect((await run(['-'], text)).out).toContain('i Tårna bygdegård');
    expect((await run(['--learn', clean, '-'], text)).out).toContain('i Tarna bygdegård');
  });

  it('warns about bytes that are not UTF-8 and still prints the repair', async () => {
    const bad = join(tmp, 'bad.txt');
    // A Latin-1 `ä` (E4) is read as Windows-1252; a cut-off UTF-8 `–` (E2 80) becomes U+FFFD.
    writeFileSync(bad, Buffer.concat([Buffer.from('Det #r klart, det g'), Buffer.from([0xe4]), Buffer.from('ller alla '), Buffer.from([0xe2, 0x80]), Buffer.from(' nu.')]));
    const r = await run([bad]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('Det är klart, det gäller alla \uFFFD nu.');
    expect(r.err).toBe(`arkivtext repair: ${bad}: 3 bytes not valid UTF-8: 1 read as Windows-1252, 2 replaced by U+FFFD\n`);
  });

  it('leaves the pieces of a word cut by a U+FFFD alone', async () => {
    // `ller` is a fragment of a word whose letter was lost, not a damaged `eller`.
    const r = await run(['-'], 'Det g\uFFFDller f\uFFFDr alla som #r med.');
    expect(r.out).toBe('Det g\uFFFDller f\uFFFDr alla som är med.');
  });

  it('names a missing file', async () => {
    const r = await run(['no/such.txt']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('arkivtext repair: no/such.txt: no such file\n');
  });

  it('refuses bad usage', async () => {
    const help = "\n\nTry 'arkivtext repair --help'.\n";
    for (const [args, why] of [
      [['--min-confidence', 'high', '-'], "--min-confidence must be a number from 0 to 1, got 'high'"],
      [['a.txt', 'b.txt'], 'one FILE at most, got 2'],
    ] as const) {
      const r = await run([...args]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`arkivtext repair: ${why}${help}`);
      expect(r.out).toBe('');
    }
    const bogus = await run(['--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.err).toMatch(/^arkivtext repair: Unknown option '--bogus'.*\n\nTry 'arkivtext repair --help'\.\n$/s);
  });

  it('--help explains the options', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--min-confidence');
    expect(r.out).toContain('--learn');
  });
});
