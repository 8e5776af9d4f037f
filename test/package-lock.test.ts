/**
 * The committed lock file is one `npm ci` accepts on every platform: each optional dependency of
 * each locked package (the platform binaries of esbuild, rollup, @napi-rs/canvas …) has its own
 * entry, as npm resolves it from that package's folder. npm 11 drops the entries of other
 * platforms when it writes the lock over an existing node_modules, and `npm ci` then refuses the
 * lock as out of sync on those platforms; regenerate with `npm install --package-lock-only` and
 * no node_modules present.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const root = join(import.meta.dirname, '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

/** The lock key npm resolves `name` to from the package at `from` (Node's module lookup). */
function resolveKey(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const key = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (dir === '') return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('is a version-3 lock whose root lists exactly package.json’s dependencies', () => {
    expect(lock.lockfileVersion).toBe(3);
    const rootEntry = lock.packages[''];
    expect(rootEntry?.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(rootEntry?.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
  });

  it('locks every optional dependency for every platform, not only this one', () => {
    const missing: string[] = [];
    let optionalSeen = 0;
    for (const [key, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        optionalSeen++;
        if (!resolveKey(key, name)) missing.push(`${key || '(root)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(optionalSeen).toBeGreaterThan(0);
  });

  it('locks every required dependency of every locked package', () => {
    const missing: string[] = [];
    for (const [key, entry] of Object.entries(lock.packages)) {
      if (entry.link) continue;
      const deps = { ...entry.dependencies, ...(key === '' ? entry.devDependencies : {}) };
      for (const name of Object.keys(deps)) {
        if (!resolveKey(key, name)) missing.push(`${key || '(root)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
