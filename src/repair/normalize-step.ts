/** The normalisation that runs before repair, with its changes against the input. */
import { normalizeDetailed } from '../normalise/index.js';
import type { InputChange } from './edits.js';

export function normalizeStep(text: string): { text: string; changes: InputChange[] } {
  return normalizeDetailed(text);
}
