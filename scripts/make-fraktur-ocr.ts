// Older Swedish set in a Fraktur font, degraded like a photocopy and OCR'd: training pairs for the
// Fraktur confusion channel (scripts/fit-old-sv.ts) and the old-sv bench set (bench/repair.mjs).
//
//   tsx scripts/make-fraktur-ocr.ts TEXT.txt OUTDIR [--font maguntia|cook|blankenburg] [--models frk,Fraktur,swe]
//
// Writes OUTDIR/truth.txt (paragraphs, one a line) and OUTDIR/ocr-<model>.txt (pages end in a form
// feed, as Tesseract writes them). Lines are set ragged (no hyphenation). With the Blankenburg font
// (which has the long s) a lower-case s is printed `ſ` where period type had it (not at a word's
// end); the truth keeps `s`, as transcriptions of such print do. Needs ImageMagick with Pango and
// tesseract-ocr-frk / tesseract-ocr-script-frak / tesseract-ocr-swe; the fonts: the OFL packages
// @fontsource/unifrakturmaguntia and @fontsource/unifrakturcook (woff, fontconfig reads them) and
// Debian's fonts-blankenburg. Run it under `nice -n 10` (Tesseract runs with OMP_THREAD_LIMIT=1).
// The degradation adds random noise, so two runs give different OCR.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const FONTS = { maguntia: 'UnifrakturMaguntia', cook: 'UnifrakturCook', blankenburg: 'Blankenburg_UNZ1A' } as const;
type Font = keyof typeof FONTS;
const isFont = (f: string): f is Font => Object.hasOwn(FONTS, f);

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    font: { type: 'string', default: 'maguntia' },
    models: { type: 'string', default: 'frk,swe' },
  },
});
const [src, out] = positionals;
if (!src || !out || !isFont(opts.font)) {
  console.error(`usage: make-fraktur-ocr.ts TEXT.txt OUTDIR [--font ${Object.keys(FONTS).join('|')}] [--models m1,m2]`);
  process.exit(2);
}
const font: Font = opts.font;
const models = opts.models.split(',');
const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
/** Characters a line holds at most (Cook sets wider). */
const width = font === 'cook' ? 62 : 70;
/** Lines a page holds. */
const PAGE_LINES = 44;

const paras = readFileSync(src, 'utf8').split(/\n\s*\n/u).map((p) => p.replace(/\s+/gu, ' ').trim()).filter(Boolean);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'truth.txt'), paras.join('\n\n') + '\n');

/** Ragged lines of at most `width` characters. */
function wrap(p: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of p.split(' ')) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}
const longS = (line: string): string => (font === 'blankenburg' ? line.replace(/s(?=[\p{L}])/gu, 'ſ') : line);
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const lines = paras.flatMap((p) => [...wrap(p, width).map(longS), '']);
const tmp = mkdtempSync(join(tmpdir(), 'fraktur-'));
const texts = new Map(models.map((m) => [m, '']));
try {
  for (let page = 0; page * PAGE_LINES < lines.length; page++) {
    const body = lines.slice(page * PAGE_LINES, (page + 1) * PAGE_LINES).join('\n');
    if (body.trim() === '') continue;
    const markup = `<span font_family="${FONTS[font]}" size="11pt">${esc(body)}</span>`;
    const png = join(tmp, `p${page}.png`);
    const scan = join(tmp, `s${page}.png`);
    execFileSync('convert', ['-density', '300', `pango:${markup}`, '-bordercolor', 'white', '-border', '150', '-colorspace', 'gray', png]);
    // A photocopy: half resolution, blurred, a little rotated, noise, then black and white.
    execFileSync('convert', [png, '-resize', '50%', '-blur', '0x0.7', '-rotate', '-0.3', '-attenuate', '0.5', '+noise', 'Gaussian', '-threshold', '55%', '-resize', '200%', '-type', 'bilevel', scan]);
    for (const m of models) texts.set(m, texts.get(m)! + execFileSync('tesseract', [scan, '-', '-l', m], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8'));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
for (const m of models) writeFileSync(join(out, `ocr-${m}.txt`), texts.get(m)!);
console.log(`wrote ${out}: truth.txt ${models.map((m) => `ocr-${m}.txt`).join(' ')}`);
