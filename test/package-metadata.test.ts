/**
 * package.json says what ships and where it runs: `license` is an SPDX expression that names the
 * licence of every file in dictionaries/ (its README's table), and `engines.node` admits no Node
 * that a runtime dependency (or the lint/test tools) refuses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  license: string;
  engines: { node: string };
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** How dictionaries/README.md names a licence → its SPDX identifier. */
const SPDX: [RegExp, string][] = [
  [/LGPL-3\.0/, 'LGPL-3.0-only'],
  [/CC BY-SA 4\.0/, 'CC-BY-SA-4.0'],
  [/SCOWL|MIT AND BSD/, 'LicenseRef-SCOWL'],
  [/^MIT\b/, 'MIT'],
];

describe('package.json', () => {
  const ids = pkg.license.split(' AND ');

  it('license is an SPDX AND-expression of known identifiers, the code’s MIT first', () => {
    expect(ids[0]).toBe('MIT');
    for (const id of ids) expect(id).toMatch(/^(MIT|LGPL-3\.0-only|CC-BY-SA-4\.0|LicenseRef-[A-Za-z0-9.-]+)$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('license names the licence of every shipped data file, and nothing else', () => {
    expect(pkg.files).toContain('dictionaries');
    const readme = readFileSync(join(root, 'dictionaries', 'README.md'), 'utf8');
    // The rows of the tables whose last column is the licence (other tables list other things).
    const rows: string[] = [];
    let licenceTable = false;
    for (const line of readme.split('\n')) {
      if (!line.startsWith('|')) licenceTable = false;
      else if (/^\| file \|/.test(line)) licenceTable = /\| licence \|$/.test(line.trim());
      else if (licenceTable && line.startsWith('| `')) rows.push(line);
    }
    expect(rows.length).toBeGreaterThan(5);
    const needed = new Set(['MIT']);
    for (const row of rows) {
      const cell = row.split('|').at(-2)!.replace(/\*/g, '').trim();
      // Counts of public-domain texts (the older-Swedish lexicon) need no licence of their own;
      // `as above` repeats the row before.
      if (cell === '—' || /^(see attribution|public domain|as above)/.test(cell)) continue;
      const id = SPDX.find(([re]) => re.test(cell))?.[1];
      expect(id, `licence of ${row.split('|')[1]!.trim()}: "${cell}"`).toBeDefined();
      needed.add(id!);
    }
    expect(new Set(ids)).toEqual(needed);
  });

  it('engines.node admits only Node versions every runtime dependency and dev tool supports', () => {
    const require = createRequire(join(root, 'package.json'));
    const ours = pkg.engines.node;
    expect(semver.validRange(ours)).not.toBeNull();
    const checked: string[] = [];
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) {
      let theirs: string | undefined;
      try {
        theirs = (require(`${name}/package.json`) as { engines?: { node?: string } }).engines?.node;
      } catch {
        continue; // a package that does not export its package.json
      }
      if (!theirs) continue;
      checked.push(name);
      expect(semver.subset(ours, theirs), `${name} needs node ${theirs}`).toBe(true);
    }
    expect(checked).toEqual(expect.arrayContaining(['pdfjs-dist', 'better-sqlite3', 'eslint']));
    // pdf.js 5.6 needs Node 20.19 (process.getBuiltinModule); the floor is not lower than that.
    expect(semver.minVersion(ours)?.version).toBe('20.19.0');
  });
});
