// Alignment of training OCR to its truth, below the word level the metrics module aligns at
// (src/eval/metrics.ts): the trainer's tokens (line-end hyphenation joined), the character edit
// chunks inside an aligned word pair, and a token's word core.

/** Tokens of a text split on white space, after joining line-end hyphenation the way print breaks words. */
export function joinedTokens(text: string): string[] {
  return joinedText(text).split(/\s+/u).filter(Boolean);
}

/** The text joinedTokens splits: NFC, a line-end hyphen between letters joined (`regio-⏎nala`). */
export function joinedText(text: string): string {
  return text.normalize('NFC').replace(/([\p{L}])-[ \t]*\n\s*(\p{Ll})/gu, '$1$2');
}

/** One edit chunk: truth characters `t` read as OCR characters `o`, at truth index `at`. */
export interface Chunk {
  t: string;
  o: string;
  at: number;
  /** The chunk ends the truth word. */
  end: boolean;
}

type Op = ['M' | 'S' | 'D' | 'I', number, number];

/** Character edit chunks turning truth word `t` into OCR word `o` (match runs omitted). */
export function charChunks(t: string, o: string): Chunk[] {
  const a = [...t], b = [...o], n = a.length, m = b.length, w = m + 1, d = new Uint32Array((n + 1) * w);
  for (let i = 0; i <= n; i++) d[i * w] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) {
    d[i * w + j] = Math.min(d[(i - 1) * w + j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), d[(i - 1) * w + j]! + 1, d[i * w + j - 1]! + 1);
  }
  // ops from the end: 'M' match, 'S' substitution, 'D' truth char dropped, 'I' OCR char inserted
  const ops: Op[] = [];
  let i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i * w + j] === d[(i - 1) * w + j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)) { ops.push([a[i - 1] === b[j - 1] ? 'M' : 'S', i - 1, j - 1]); i--; j--; }
    else if (i > 0 && d[i * w + j] === d[(i - 1) * w + j]! + 1) { ops.push(['D', i - 1, j]); i--; }
    else { ops.push(['I', i, j - 1]); j--; }
  }
  ops.reverse();
  const chunks: Chunk[] = [];
  let k = 0;
  while (k < ops.length) {
    const first = ops[k]!;
    if (first[0] === 'M') { k++; continue; }
    let ti = first[1], oj = first[2], te = ti, oe = oj;
    while (k < ops.length && ops[k]![0] !== 'M') {
      const [op, x, y] = ops[k]!;
      if (op === 'S') { te = x + 1; oe = y + 1; } else if (op === 'D') te = x + 1; else oe = y + 1;
      k++;
    }
    // A pure insertion or deletion gets one neighbouring character of context, so that the rule
    // reads as a substitution (`ff` → `f`, `Öv` → `v`) and can be applied to a word.
    if (te === ti || oe === oj) {
      if (ti > 0 && oj > 0) { ti--; oj--; } else if (te < n && oe < m) { te++; oe++; }
    }
    chunks.push({ t: a.slice(ti, te).join(''), o: b.slice(oj, oe).join(''), at: ti, end: te === n });
  }
  return chunks;
}

/** Strip leading/trailing punctuation that is the same on both sides; returns the word core. */
export function core(token: string): string {
  const m = token.match(/^[^\p{L}\p{N}&#@]*(.*?)[^\p{L}\p{N}]*$/u);
  return m ? m[1]! : token;
}
