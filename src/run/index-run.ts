/**
 * `--index FILE`: the run's documents go into the persistent dedupe index, and each input is told
 * which documents of earlier runs look like versions of it. Ids in the index are absolute paths,
 * because relative paths of two runs over different folders would collide. All queries come
 * before all additions, so "archived earlier" never lists a document of this same run (those are
 * in the run's own clusters already).
 */
import { join } from 'node:path';
import type { RunIndex, SketchLike } from './stage-types.js';
import type { InputReport } from './types.js';

/** Queries then adds; the caller opened the index (before reading any input) and closes it. */
export function recordIndex(index: RunIndex, dir: string, sketches: SketchLike[], inputs: InputReport[]): void {
  {
    const byPath = new Map(inputs.map((input) => [input.path, input]));
    const keyed = sketches.map((sketch) => ({ ...sketch, id: join(dir, sketch.id) }));
    keyed.forEach((sketch, i) => {
      const matches = index.query(sketch).filter((m) => m.id !== sketch.id);
      const input = byPath.get(sketches[i]?.id ?? '');
      if (input && matches.length > 0) input.indexMatches = matches.map((m) => ({ path: m.id, similarity: m.similarity, containment: m.containment }));
    });
    for (const sketch of keyed) index.add(sketch);
  }
}
