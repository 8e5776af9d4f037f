/**
 * The settings that change what a run writes for an input, and their hash. The hash is stored in
 * each per-input record; a rerun reuses a record only when the hash matches, so changing `--ocr`,
 * `--no-repair`, a `--learn` file's content or the arkivtext version redoes the inputs. Settings
 * that do not change the output (workers, quiet, …) are left out on purpose.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArkivError } from '../errors.js';

/** Bumped when the per-input record's format changes. */
export const RECORD_FORMAT = 1;

export interface RunSettings {
  format: number;
  arkivtext: string;
  ocr: 'auto' | 'always' | 'never';
  repair: boolean;
  pageTimeoutMs: number | null;
  /** Learned word lists by path and content hash. */
  learn: { path: string; sha256: string }[];
}

let cachedVersion: string | undefined;

/** The package version, found by walking up from this module (works from src/ and from dist/). */
export function arkivtextVersion(): string {
  if (cachedVersion) return cachedVersion;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'arkivtext' && pkg.version) return (cachedVersion = pkg.version);
    } catch {
      // not here; look one level up
    }
    dir = dirname(dir);
  }
  return (cachedVersion = 'unknown');
}

export async function runSettings(options: { ocr: RunSettings['ocr']; repair: boolean; pageTimeoutMs?: number; learn: string[] }): Promise<RunSettings> {
  const learn = await Promise.all(
    options.learn.map(async (path) => {
      const bytes = await readFile(path).catch((error: unknown) => {
        throw new ArkivError('NOT_FOUND', 'cannot read the word list to learn', { file: path, cause: error });
      });
      return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  );
  return { format: RECORD_FORMAT, arkivtext: arkivtextVersion(), ocr: options.ocr, repair: options.repair, pageTimeoutMs: options.pageTimeoutMs ?? null, learn };
}

/** Stable JSON (sorted keys) so the hash does not depend on property order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The hash of what can change an input's outputs. Limits (`pageTimeoutMs`) are left out: an input
 * that finished under one limit has the same outputs under another (one that did not finish has
 * no outputs to reuse), so adding `--page-timeout` to a finished run redoes nothing.
 */
export function settingsHash(settings: RunSettings): string {
  const { pageTimeoutMs: _limit, ...result } = settings;
  return createHash('sha256').update(canonicalJson(result)).digest('hex').slice(0, 16);
}
