/**
 * A cheap guess whether a text came from OCR, for inputs whose history is unknown (.txt files).
 *
 * Two signs, both visible in legacy OCR of Swedish: words with a digit or symbol inside letters
 * (`6verenskommelse`, `#r`, `Link&pings`), and å/ä/ö missing where Swedish prose has them (English-model
 * OCR turns them into a/o/d/i). Measured on /work/shared/train: the clean texts have 4.9–5.3 å/ä/ö per
 * 100 letters and at most 0.7% broken words; English-model OCR has 0.0 å/ä/ö (all 38 caught by the
 * < 1.5 rule). Swedish-model OCR keeps å/ä/ö and is not told apart by these signs (2 of 38). A lexicon share (repair's `knownShare`) is a better signal when available:
 * pass it as `quality` and this is not needed.
 */
import { languageLetters } from '../language.js';

export interface OriginGuess {
  origin: 'born-digital' | 'ocr';
  /** 0..1: share of words that look clean. */
  quality: number;
  /** What the guess rests on, for the canonical reason. */
  evidence: string;
}

const WORD = /[\p{L}\p{N}#&@$%|§]+/gu;
const LETTER = /\p{L}/u;
const BROKEN = /\p{L}[\d#&@$%|]|[\d#&@$%|]\p{L}|^[#&@$%|]/u;

export function guessOrigin(text: string): OriginGuess {
  let words = 0;
  let broken = 0;
  let letters = 0;
  let swedish = 0;
  const rateLetters = languageLetters('sv/rate-letters');
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (!LETTER.test(w)) continue;
    words++;
    if (BROKEN.test(w)) broken++;
    for (const ch of w) {
      if (LETTER.test(ch)) {
        letters++;
        if (rateLetters.includes(ch)) swedish++;
      }
    }
  }
  if (words === 0) return { origin: 'ocr', quality: 0, evidence: 'no words' };
  const brokenShare = broken / words;
  const aaoRate = letters > 0 ? (100 * swedish) / letters : 0;
  const quality = Math.max(0, 1 - brokenShare * 10 - (aaoRate < 1.5 ? 0.3 : 0));
  const ocr = brokenShare > 0.02 || aaoRate < 1.5;
  const evidence = `${(brokenShare * 100).toFixed(1)}% broken words, ${aaoRate.toFixed(1)} å/ä/ö per 100 letters`;
  return { origin: ocr ? 'ocr' : 'born-digital', quality, evidence };
}
