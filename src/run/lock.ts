/**
 * One run at a time per output folder. Two runs on one OUT would sweep each other's temp files and
 * then delete each other's outputs as those of failed inputs; so a run holds `OUT/.arkivtext.lock`
 * (created exclusively, holding its process id, host and start time) from before its start-up sweep
 * to its end. A second run finds it, says which process holds it, and stops (exit 2). A lock whose
 * process is gone on this host (a killed run) is taken over.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ArkivError } from '../errors.js';

export const LOCK_NAME = '.arkivtext.lock';

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on `out` (which exists); returns the call that releases it. */
export async function lockOut(out: string): Promise<() => Promise<void>> {
  const path = join(out, LOCK_NAME);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new ArkivError('IO', `cannot create the lock file ${path} (${(error as Error).message})`, { file: out, cause: error });
      }
    }
    let held: Partial<LockInfo> = {};
    try {
      held = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
    } catch {
      // Half-written by a run that is starting, or damaged: look again.
    }
    const sameHost = held.host === undefined || held.host === hostname();
    if (typeof held.pid === 'number' && (!sameHost || alive(held.pid))) {
      throw new ArkivError(
        'LOCKED',
        `the output folder is in use by another arkivtext run (process ${held.pid}${sameHost ? '' : ` on ${held.host}`}, started ${held.started ?? '?'}); wait for it to end, or remove ${path} if that run is gone`,
        { file: out },
      );
    }
    if (typeof held.pid === 'number' || attempt > 0) await rm(path, { force: true });
    else await new Promise((r) => setTimeout(r, 100));
  }
  throw new ArkivError('LOCKED', `cannot take the lock ${path}: another run keeps taking it`, { file: out });
}
