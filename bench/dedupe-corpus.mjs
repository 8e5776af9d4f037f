/**
 * A generated archive for the dedupe benchmark: families of versions of documents made of real
 * Swedish official sentences, with known truth (which documents are versions of which).
 *
 * Sentences: the real sentences of /work/shared/train/*\/truth.txt and the fixtures, plus sentences
 * walked from the word bigrams of Swedish official prose (/work/shared/data/sv-official-bigrams.tsv).
 * The ~2 500 real sentences alone are too few for 100 000 distinct documents (random documents
 * would share sentences); the bigram sentences have the same words and character n-grams.
 *
 * Each document is a pure function of its spec (seeded PRNG), so a worker thread can make any
 * document, and the main thread can make it again for exact comparisons.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Mulberry32: a small seeded PRNG, enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];

function realSentences(shared, root) {
  const texts = [];
  const train = join(shared, 'train');
  for (const d of readdirSync(train)) {
    if (/^\d/.test(d)) texts.push(readFileSync(join(train, d, 'truth.txt'), 'utf8'));
  }
  const seeds = join(root, 'fixtures', 'seeds');
  for (const f of readdirSync(seeds)) texts.push(readFileSync(join(seeds, f), 'utf8'));
  const out = new Set();
  for (const t of texts) {
    for (const s of t.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ])/)) {
      const x = s.trim();
      if (x.length >= 30 && x.length <= 400) out.add(x);
    }
  }
  return [...out];
}

function bigramSentences(shared, count, seed) {
  const lines = readFileSync(join(shared, 'data', 'sv-official-bigrams.tsv'), 'utf8').split('\n');
  const next = new Map();
  for (const line of lines) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [w1, w2] = line.slice(0, tab).split(' ');
    const n = Number(line.slice(tab + 1));
    if (!w1 || !w2) continue;
    let e = next.get(w1);
    if (!e) next.set(w1, (e = { words: [], cum: [], total: 0 }));
    e.total += n;
    e.words.push(w2);
    e.cum.push(e.total);
  }
  const starts = [...next.keys()].filter((w) => (next.get(w)?.words.length ?? 0) >= 5);
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    let w = pick(r, starts);
    const words = [w];
    const len = 8 + Math.floor(r() * 18);
    while (words.length < len) {
      const e = next.get(w);
      if (!e) break;
      const x = r() * e.total;
      let lo = 0;
      let hi = e.cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (e.cum[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      w = e.words[lo];
      words.push(w);
    }
    if (words.length < 5) { i--; continue; }
    const s = words.join(' ');
    out.push(s[0].toUpperCase() + s.slice(1) + (r() < 0.1 ? ', enligt beslut.' : '.'));
  }
  return out;
}

const MUNICIPALITIES = ['Linköping', 'Norrköping', 'Motala', 'Mjölby', 'Finspång', 'Vadstena', 'Åtvidaberg', 'Söderköping', 'Valdemarsvik', 'Ödeshög', 'Boxholm', 'Kinda', 'Ydre', 'Växjö', 'Örebro'];
const BOARDS = ['Arbetsmarknadsnämnden', 'Kommunstyrelsen', 'Socialnämnden', 'Bildningsnämnden', 'Samhällsbyggnadsnämnden', 'Kultur- och fritidsnämnden'];

/** The shared material: sentence pool and municipal templates. */
export function loadMaterial({ shared, root, synthetic = 200_000, seed = 7, templates = 40 }) {
  const real = realSentences(shared, root);
  const pool = real.concat(bigramSentences(shared, synthetic, seed));
  const r = rng(seed ^ 0x51ed);
  const tpl = [];
  for (let i = 0; i < templates; i++) {
    const kommun = pick(r, MUNICIPALITIES);
    const board = pick(r, BOARDS);
    const headerSentences = Array.from({ length: 3 + Math.floor(r() * 3) }, () => pick(r, pool));
    const footerSentences = Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(r, pool));
    tpl.push({
      header: `${kommun.toUpperCase()}S KOMMUN\n${board}\nProtokollsutdrag, sammanträde\n${headerSentences.join(' ')}\n\n`,
      footer: `\n\n${footerSentences.join(' ')}\nJusterare: ordföranden. Anslaget på kommunens anslagstavla.\n${kommun}s kommun, ${100 + i} ${10 + (i % 80)} ${kommun}. Telefon 0${10 + i}-${100000 + i * 7919}. Organisationsnummer 212000-${1000 + i}.`,
    });
  }
  return { pool, templates: tpl, realCount: real.length };
}

/** Lines of about `width` characters, some line ends hyphenated inside a word, as print does. */
function layout(paragraphs, width, r, hyphenate) {
  const out = [];
  for (const p of paragraphs) {
    const lines = [];
    let line = '';
    for (const word of p.split(' ')) {
      if (line.length + word.length + 1 > width && line.length > 0) {
        if (hyphenate && word.length >= 8 && r() < 0.3) {
          const cut = 3 + Math.floor(r() * (word.length - 6));
          lines.push(`${line} ${word.slice(0, cut)}-`);
          line = word.slice(cut);
          continue;
        }
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    out.push(lines.join('\n'));
  }
  return out.join('\n\n');
}

const OCR_AAO = {
  ä: [['a', 0.45], ['d', 0.12], ['i', 0.08], ['#', 0.05], ['&', 0.05], ['ä', 0.25]],
  ö: [['o', 0.45], ['6', 0.12], ['d', 0.05], ['&', 0.05], ['é', 0.05], ['ö', 0.28]],
  å: [['a', 0.5], ['é', 0.1], ['&', 0.05], ['d', 0.05], ['å', 0.3]],
  Ä: [['A', 0.6], ['Ä', 0.4]],
  Ö: [['O', 0.6], ['6', 0.1], ['Ö', 0.3]],
  Å: [['A', 0.6], ['Å', 0.4]],
};
const OCR_CONFUSIONS = { m: 'rn', l: '1', i: 'l', e: 'c', c: 'e', o: '0', h: 'b', u: 'n', n: 'u', s: '5', t: 'f', a: 'o', r: 'n', f: 't' };

/** OCR-like damage: å/ä/ö confusions as in legacy English-model OCR, letter confusions, drops, splits. */
export function ocrNoise(text, r, rate = 0.02) {
  let out = '';
  for (const ch of text) {
    const aao = OCR_AAO[ch];
    if (aao) {
      let x = r();
      for (const [to, p] of aao) {
        x -= p;
        if (x <= 0) { out += to; break; }
      }
      if (x > 0) out += ch;
      continue;
    }
    const y = r();
    if (y < rate) {
      const conf = OCR_CONFUSIONS[ch];
      out += conf ?? ch;
    } else if (y < rate * 1.25) {
      // dropped character
    } else if (y < rate * 1.4) out += `${ch} `;
    else out += ch;
  }
  return out;
}

/**
 * The plan: families of versions, `docs` documents in all. About 40% of families are single
 * documents; the others hold versions (OCR copies, revisions, partial copies). A third of the
 * families use a municipal template (header + footer) shared with unrelated families.
 */
export function planCorpus({ docs, chars = 10_000, seed = 1, templates = 40 }) {
  const r = rng(seed);
  const specs = [];
  let family = 0;
  while (specs.length < docs) {
    const f = family++;
    const template = r() < 0.33 ? Math.floor(r() * templates) : -1;
    // Template documents are shorter decisions, where the template is a large share (15–35%).
    const length = template >= 0 ? Math.round(2500 + r() * 4000) : Math.round(chars * (0.85 + r() * 0.3));
    const base = { family: f, template, length, familySeed: (seed * 1_000_003 + f * 7919) >>> 0 };
    const kinds = ['original'];
    if (r() >= 0.4) {
      if (r() < 0.7) kinds.push('ocr');
      if (r() < 0.4) kinds.push('revised');
      if (r() < 0.3) kinds.push('partial');
      if (r() < 0.2) kinds.push('extract');
      if (kinds.includes('revised') && r() < 0.3) kinds.push('ocr-revised');
      if (kinds.length === 1) kinds.push('ocr');
    }
    for (const kind of kinds) {
      if (specs.length >= docs) break;
      specs.push({ ...base, id: `d${String(specs.length).padStart(6, '0')}-${kind}`, kind, docSeed: (base.familySeed ^ (kinds.indexOf(kind) + 1) * 0x9e3779b9) >>> 0 });
    }
  }
  return specs;
}

const ORIGIN = { original: 'born-digital', revised: 'born-digital', partial: 'born-digital', extract: 'born-digital', ocr: 'ocr', 'ocr-revised': 'ocr' };

/** The text of one planned document. */
export function makeDoc(spec, material) {
  const { pool, templates } = material;
  const fr = rng(spec.familySeed);
  // The family's body: sentences until the target length.
  const body = [];
  let len = 0;
  while (len < spec.length) {
    const s = pick(fr, pool);
    body.push(s);
    len += s.length + 1;
  }
  const year = 2015 + Math.floor(fr() * 8);
  const date = `${year}-${String(1 + Math.floor(fr() * 12)).padStart(2, '0')}-${String(1 + Math.floor(fr() * 28)).padStart(2, '0')}`;
  const r = rng(spec.docSeed);
  let sentences = body;
  let dateLine = `Beslutsdatum ${date}.`;
  const revise = () => {
    // About 12% of sentences reworded, a later date: the final version of a draft. Seeded by the
    // family, so the OCR of the revision is of this same revision.
    const rr = rng(spec.familySeed ^ 0x7e715e);
    sentences = body.map((s) => (rr() < 0.12 ? pick(rr, pool) : s));
    dateLine = `Beslutsdatum ${date}. Reviderad ${year + 1}-${String(1 + Math.floor(rr() * 12)).padStart(2, '0')}-15.`;
  };
  if (spec.kind === 'revised' || spec.kind === 'ocr-revised') revise();
  if (spec.kind === 'partial') {
    // The version before pages were added: the first 50–90%.
    sentences = body.slice(0, Math.max(1, Math.round(body.length * (0.5 + r() * 0.4))));
    dateLine = '';
  }
  if (spec.kind === 'extract') {
    // An extract: a contiguous 45–80% from somewhere in the middle.
    const n = Math.max(1, Math.round(body.length * (0.45 + r() * 0.35)));
    const start = Math.floor(r() * (body.length - n + 1));
    sentences = body.slice(start, start + n);
    dateLine = '';
  }
  const paragraphs = [];
  for (let i = 0; i < sentences.length; ) {
    const n = 2 + Math.floor(r() * 5);
    paragraphs.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  if (dateLine) paragraphs.push(dateLine);
  const ocr = spec.kind === 'ocr' || spec.kind === 'ocr-revised';
  let text = layout(paragraphs, 60 + Math.floor(r() * 30), r, !ocr || r() < 0.5);
  if (spec.template >= 0) {
    const t = templates[spec.template];
    text = t.header + text + t.footer;
  }
  if (ocr) text = ocrNoise(text, r);
  return { id: spec.id, text, origin: ORIGIN[spec.kind] };
}
