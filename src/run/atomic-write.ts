/**
 * Atomic file writes: the data goes to a temporary file in the same directory, which is then
 * renamed over the target. rename(2) within one file system is atomic, so a run killed at any
 * moment leaves either the old file or the new one, never half of one. A temp file a kill left
 * behind is hidden (dot name) and swept by `removeStaleTempFiles` at the next run's start.
 * No fsync: the guarantee asked for is against a killed process, not a power cut, and an fsync
 * per output would cost more than small outputs are worth.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, opendir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_NAME = /^\..+\.arkiv-\d+-[0-9a-f]{8}\.tmp$/;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.arkiv-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * As `writeFileAtomic`, with the data given in pieces and written as they come: a record of
 * hundreds of thousands of corrections is never one string in memory.
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'wx');
    try {
      for (const chunk of chunks) await handle.write(chunk);
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Deletes temp files that killed runs left under `dir` (only names this module makes). */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  let handle;
  try {
    handle = await opendir(dir);
  } catch {
    return 0; // OUT does not exist yet
  }
  for await (const entry of handle) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed += await removeStaleTempFiles(path);
    else if (entry.isFile() && TEMP_NAME.test(entry.name)) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
