/**
 * Refuses DIR/OUT pairs that would make the run read its own output or write into its input:
 * OUT equal to DIR, OUT inside DIR (the next run would walk the outputs) or DIR inside OUT (an
 * output could land on an input). Compared after resolving links, so a link cannot hide it.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { ArkivError } from '../errors.js';

/** realpath of the longest existing prefix, plus the rest: OUT need not exist yet. */
async function realpathLoose(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    if (parent === path) return path;
    return join(await realpathLoose(parent), basename(path));
  }
}

function isWithin(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export async function checkRunDirs(dir: string, out: string): Promise<{ dir: string; out: string }> {
  const absoluteDir = resolve(dir);
  const absoluteOut = resolve(out);
  let info;
  try {
    info = await stat(absoluteDir);
  } catch {
    throw new ArkivError('NOT_FOUND', 'no such folder', { file: dir });
  }
  if (!info.isDirectory()) throw new ArkivError('INVALID_INPUT', 'is not a folder (run takes a folder of PDFs and text files)', { file: dir });
  const outInfo = await stat(absoluteOut).catch(() => undefined);
  if (outInfo && !outInfo.isDirectory()) throw new ArkivError('INVALID_INPUT', 'the output exists and is not a folder', { file: out });

  const realDir = await realpath(absoluteDir);
  const realOut = await realpathLoose(absoluteOut);
  if (isWithin(realOut, realDir)) {
    throw new ArkivError('INVALID_INPUT', `the output folder ${out} is inside the input folder (the run never writes into its input); choose an OUT outside it`, { file: dir });
  }
  if (isWithin(realDir, realOut)) {
    throw new ArkivError('INVALID_INPUT', `the input folder is inside the output folder ${out}; choose an OUT that does not contain the input`, { file: dir });
  }
  return { dir: absoluteDir, out: absoluteOut };
}
