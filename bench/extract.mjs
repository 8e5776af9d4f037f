#!/usr/bin/env node
// bench/extract: CER against truth.txt and CPU seconds per page for born-digital and scanned PDFs,
// beside the classic tools run in the same script on the same files.
//
//   born PDFs:    arkivtext extractPdf (text layer, normalised + repaired; and raw)  vs  `pdftotext`
//   scanned PDFs, two comparisons:
//   (a) engine against engine — tesseract.js against native `tesseract` on the very same page
//       images: the images arkivtext handed to Tesseract during (b) are recorded (PNM, as sent),
//       written to files and given to native Tesseract with the same traineddata (the npm package's,
//       gunzipped), the same engine mode and the same parameters (psm, dpi, inverted-text retry —
//       whatever arkivtext set, read from its calls, not copied by hand). Ours: two tesseract.js
//       workers made with arkivtext's createWorker arguments, both busy, the main thread idle;
//       measured is the CPU of the threads other than the main thread (/proc/self/task/*/stat).
//       Native: two processes at once (OMP_THREAD_LIMIT=1), each reading a list of the document's
//       pages (so the model is loaded once a process, as our workers load it once); user+system.
//   (b) pipeline against pipeline — arkivtext extractPdf (2 workers; whole-process CPU, split into
//       main thread and the rest) against `pdftoppm -r 300 -gray` + native `tesseract` with the
//       same parameters, two processes at once; both CPU totals.
// CER: Levenshtein distance / truth length, both texts NFC with all white space (and the form feeds
// between pages) collapsed to single spaces, as fixtures/README.md states.
//
// Usage: flock /tmp/build.lock npm run build && nice -n 10 node bench/extract.mjs [--train N] [--repeat R]
//   --train N    also N documents of /work/shared/train taken at an even stride (default 4)
//   --repeat R   run the scanned measurements R times and keep each document's median CPU (default 1)
//   --tesseract-wasm DIR   also run tesseract-wasm (another WASM build of Tesseract, hand-written
//                WASM SIMD int8 kernels; BSD-2-Clause) installed at DIR as a peer in (a): two worker
//                threads, the same model and parameters, the page images as RGBA (its input format);
//                measured is each thread's CPU around loadImage + getText. Not a dependency: install
//                it outside the project (npm install --prefix /tmp/peer tesseract-wasm).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '../package.json'));

// Record what arkivtext asks of tesseract.js: the createWorker arguments, the parameters it sets and
// every image it recognises. Patched on the CommonJS exports before arkivtext's first (dynamic)
// import of tesseract.js, so that import sees the wrapper.
const tesseract = require('tesseract.js');
const createWorker = tesseract.createWorker;
/** @type {{ workerArgs: any, images: any[] }} */
const seen = { workerArgs: undefined, images: [] };
tesseract.createWorker = async (...workerArgs) => {
  seen.workerArgs = workerArgs;
  const worker = await createWorker(...workerArgs);
  const { setParameters, recognize } = worker;
  const workerParams = {};
  worker.setParameters = (params, ...rest) => {
    Object.assign(workerParams, params);
    return setParameters(params, ...rest);
  };
  worker.recognize = async (image, ...rest) => {
    const record = { image: Buffer.from(image), params: { ...workerParams } };
    seen.images.push(record);
    const result = await recognize(image, ...rest);
    record.text = result.data.text;
    return result;
  };
  return worker;
};

// cer and characterErrors: src/eval/metrics.ts, the measures every benchmark and test shares.
const { extractPdf, terminateOcr, cer, characterErrors } = await import(join(here, '../dist/index.js'));

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const trainCount = flag('--train', 4);
const twasmAt = args.indexOf('--tesseract-wasm');
const twasmDir = twasmAt >= 0 ? args[twasmAt + 1] : undefined;
const repeat = Math.max(1, flag('--repeat', 1));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The raw text extractPdf started from: its corrections undone on its output. */
function rawFrom(result) {
  let raw = '';
  let outPos = 0;
  let inPos = 0;
  for (const c of result.corrections) {
    const gap = c.offset - inPos;
    raw += result.text.slice(outPos, outPos + gap) + c.before;
    outPos += gap + c.after.length;
    inPos = c.offset + c.length;
  }
  return raw + result.text.slice(outPos);
}

function pages(pdf) {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
}

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU seconds (user + system) of each thread of this process, by thread id. */
function threadCpu() {
  const out = new Map();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

/** CPU of the main thread and of all other threads between two threadCpu() snapshots. */
function cpuSplit(before, after) {
  let main = 0;
  let others = 0;
  for (const [tid, t] of after) {
    const d = t - (before.get(tid) ?? 0);
    if (tid === String(process.pid)) main += d;
    else others += d;
  }
  return { main, others };
}

/** Runs a command under GNU time; its stdout and the CPU seconds (user + system) it used. */
function timed(cmd, cmdArgs, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'CPU %U %S', cmd, ...cmdArgs], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    let err = '';
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(err);
      if (code !== 0 || !m) return reject(new Error(`${cmd} failed (${code}): ${err.slice(-500)}`));
      resolve({ out: Buffer.concat(chunks).toString('utf8'), cpu: Number(m[1]) + Number(m[2]) });
    });
  });
}

/** The native tesseract arguments for what arkivtext asked of tesseract.js. */
function nativeArgs(params, oem, tessdata) {
  const out = ['-l', 'swe', '--oem', String(oem), '--tessdata-dir', tessdata];
  for (const [key, value] of Object.entries(params)) {
    if (key === 'tessedit_pageseg_mode') out.push('--psm', String(value));
    else if (key === 'user_defined_dpi') out.push('--dpi', String(value));
    else out.push('-c', `${key}=${value}`);
  }
  return out;
}

/**
 * Native Tesseract over images in two processes at once (one thread each, as our two workers), each
 * process reading a list of every other image; the texts in image order and the CPU of both.
 */
async function native2(images, tessArgs, tmp) {
  const lanes = [0, 1].map((lane) => images.filter((_, i) => i % 2 === lane));
  const runs = await Promise.all(lanes.map(async (list, lane) => {
    if (list.length === 0) return { texts: [], cpu: 0 };
    const listFile = join(tmp, `lane${lane}.txt`);
    writeFileSync(listFile, list.join('\n') + '\n');
    const { out, cpu } = await timed('tesseract', [listFile, '-', ...tessArgs], { OMP_THREAD_LIMIT: '1' });
    // The text renderer puts a form feed after each page.
    const texts = out.split('\f').slice(0, list.length);
    return { texts, cpu };
  }));
  const texts = images.map((_, i) => runs[i % 2].texts[Math.floor(i / 2)] ?? '');
  return { texts, cpu: runs[0].cpu + runs[1].cpu };
}

/**
 * The recorded images in page order. Pages in flight reach Tesseract in the order their images are
 * ready, not in page order; each recorded image is matched to the OCR'd page whose text its own
 * recognition (the pipeline's, before repair) comes closest to.
 */
function inPageOrder(images, pages) {
  const ocrPages = pages.filter((p) => p.source !== 'text');
  if (ocrPages.length !== images.length) return images;
  const left = new Set(images.keys());
  return ocrPages.map((page) => {
    let best = -1;
    let bestDistance = Infinity;
    for (const i of left) {
      const d = characterErrors(images[i].text ?? '', page.text);
      if (d < bestDistance) [best, bestDistance] = [i, d];
    }
    left.delete(best);
    return images[best];
  });
}

/** The top quarter of a PNM page image: a cheap page to warm an engine up on (JIT tiers). */
function topQuarter(pnm) {
  const m = /^P([45])\s+(\d+)\s+(\d+)\s+(?:\d+\s)?/.exec(pnm.toString('latin1', 0, 40));
  if (!m) throw new Error('bench: not a PNM image');
  const [kind, width, height] = [m[1], Number(m[2]), Number(m[3])];
  const rowBytes = kind === '4' ? (width + 7) >> 3 : width;
  const rows = Math.max(1, height >> 2);
  const header = kind === '4' ? `P4\n${width} ${rows}\n` : `P5\n${width} ${rows}\n255\n`;
  return Buffer.concat([Buffer.from(header, 'latin1'), pnm.subarray(m[0].length, m[0].length + rowBytes * rows)]);
}

/** tesseract-wasm in a worker thread: PNM in (turned into RGBA, its input), text and thread CPU out. */
const TWASM_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const cpu = () => { const s = readFileSync('/proc/thread-self/stat', 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return (Number(f[11]) + Number(f[12])) / ${TICKS}; };
function rgba(buf) {
  const m = /^P([45])\\s+(\\d+)\\s+(\\d+)\\s+(?:\\d+\\s)?/.exec(buf.toString('latin1', 0, 40));
  const [at, kind, w, h] = [m[0].length, m[1], Number(m[2]), Number(m[3])];
  const out = new Uint8ClampedArray(w * h * 4);
  const rowBytes = (w + 7) >> 3;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const v = kind === '4' ? ((buf[at + y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1 ? 0 : 255) : buf[at + y * w + x];
    const i = (y * w + x) * 4; out[i] = out[i + 1] = out[i + 2] = v; out[i + 3] = 255;
  }
  return { data: out, width: w, height: h };
}
(async () => {
  const { createOCREngine } = await import(workerData.dir + '/dist/lib.js');
  const engine = await createOCREngine({ wasmBinary: readFileSync(workerData.dir + '/dist/tesseract-core.wasm') });
  engine.loadModel(readFileSync(workerData.model));
  for (const [k, v] of Object.entries(workerData.params)) engine.setVariable(k, String(v));
  parentPort.on('message', (image) => {
    const img = rgba(Buffer.from(image));
    const c0 = cpu();
    engine.loadImage(img);
    const text = engine.getText();
    parentPort.postMessage({ text, cpu: cpu() - c0 });
  });
  parentPort.postMessage({ ready: true });
})();
`;

function startTwasm(dir, model, params) {
  const worker = new Worker(TWASM_WORKER, { eval: true, workerData: { dir, model, params } });
  const ready = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const run = (image) => new Promise((resolve, reject) => {
    const onError = (err) => reject(err);
    worker.once('message', (reply) => {
      worker.off('error', onError);
      resolve(reply);
    });
    worker.once('error', onError);
    worker.postMessage(image);
  });
  return { ready, run, stop: () => worker.terminate() };
}

/** Images through two engines at once (both busy), in page order; texts and the engines' CPU. */
async function twoAtOnce(engines, images) {
  const texts = new Array(images.length);
  let cpu = 0;
  let next = 0;
  await Promise.all(engines.map(async (engine) => {
    while (next < images.length) {
      const i = next++;
      const r = await engine.run(images[i]);
      texts[i] = r.text;
      cpu += r.cpu;
    }
  }));
  return { texts, cpu };
}

const docs = [join(here, '../fixtures/seed-000'), join(here, '../fixtures/seed-003')];
const trainRoot = join(here, '../../shared/train');
try {
  const all = readdirSync(trainRoot).filter((d) => /^\d\d-/.test(d)).sort();
  const stride = Math.max(1, Math.floor(all.length / Math.max(1, trainCount)));
  for (let i = 0; i < trainCount && i * stride < all.length; i++) docs.push(join(trainRoot, all[i * stride]));
} catch {
  // No shared train set on this machine: fixtures only.
}

const tmp = mkdtempSync(join(tmpdir(), 'bench-extract-'));
// The model arkivtext's workers load, for native Tesseract too (the same network and dictionaries).
const tessdata = join(tmp, 'tessdata');
spawnSync('mkdir', ['-p', tessdata]);

// Start the OCR workers (and load the lexicon) before timing: in a batch they are started once and
// reused for every page and file; what is measured is the steady state. (Starting a worker —
// decompressing and loading the model — costs about a second, once.)
await extractPdf(join(here, '../fixtures/pdf/mixed.pdf'), { ocr: 'auto', workers: 2 });
if (!seen.workerArgs) throw new Error('bench: arkivtext started no tesseract.js worker');
const [, oem, workerOptions] = seen.workerArgs;
writeFileSync(join(tessdata, 'swe.traineddata'), gunzipSync(readFileSync(join(workerOptions.langPath, 'swe.traineddata.gz'))));

// The engine peers of (a): two tesseract.js workers made as arkivtext makes its own, and (if asked)
// two tesseract-wasm threads; each warmed up on a quarter page (its compiled code tiers up on first use).
const warmUp = topQuarter(seen.images[0].image);
const engineWorkers = await Promise.all([0, 1].map(async () => {
  const worker = await createWorker(...seen.workerArgs);
  await worker.setParameters(seen.images[0].params);
  await worker.recognize(warmUp);
  return worker;
}));
const twasm = twasmDir
  ? await Promise.all([0, 1].map(async () => {
    const engine = startTwasm(twasmDir, join(tessdata, 'swe.traineddata'), seen.images[0].params);
    await engine.ready;
    await engine.run(warmUp);
    return engine;
  }))
  : undefined;

/** @type {{ born: any[], scanned: any[] }} */
const rows = { born: [], scanned: [] };

for (const dir of docs) {
  const name = dir.split('/').slice(-1)[0];
  const truth = readFileSync(join(dir, 'truth.txt'), 'utf8');

  // Born-digital.
  const born = join(dir, 'born.pdf');
  const n = pages(born);
  let c0 = process.cpuUsage();
  const ours = await extractPdf(born, { ocr: 'auto' });
  let c1 = process.cpuUsage(c0);
  const oursCpu = (c1.user + c1.system) / 1e6;
  const ptt = await timed('pdftotext', ['-enc', 'UTF-8', born, '-']);
  rows.born.push({ name, pages: n, oursRaw: cer(rawFrom(ours), truth), ours: cer(ours.text, truth), oursCpu: oursCpu / n, ptt: cer(ptt.out, truth), pttCpu: ptt.cpu / n });

  const scanned = join(dir, 'scanned.pdf');
  const m = pages(scanned);
  /** @type {any[]} */
  const runs = [];
  for (let r = 0; r < repeat; r++) {
    // (b) ours: the whole pipeline, two workers.
    seen.images = [];
    c0 = process.cpuUsage();
    const th0 = threadCpu();
    const ocr = await extractPdf(scanned, { ocr: 'auto', workers: 2 });
    const split = cpuSplit(th0, threadCpu());
    c1 = process.cpuUsage(c0);
    const images = inPageOrder(seen.images, ocr.pages);

    // (b) native: pdftoppm renders the pages, two tesseract processes read them.
    const pageDir = mkdtempSync(join(tmp, 'pages-'));
    const render = await timed('pdftoppm', ['-r', '300', '-gray', scanned, join(pageDir, 'p')]);
    const rendered = readdirSync(pageDir).filter((f) => f.endsWith('.pgm')).sort().map((f) => join(pageDir, f));
    const nativePipe = await native2(rendered, nativeArgs(images[0]?.params ?? {}, oem, tessdata), pageDir);

    // (a) the same images through both engines. Ours first: both workers busy, main thread waiting.
    const imageFiles = images.map((img, i) => {
      const file = join(pageDir, `ours-${String(i).padStart(3, '0')}.pnm`);
      writeFileSync(file, img.image);
      return file;
    });
    const e0 = threadCpu();
    const engineTexts = new Array(images.length);
    let nextImage = 0;
    await Promise.all(engineWorkers.map(async (worker) => {
      while (nextImage < images.length) {
        const i = nextImage++;
        await worker.setParameters(images[i].params);
        engineTexts[i] = (await worker.recognize(images[i].image)).data.text;
      }
    }));
    const engineOurs = cpuSplit(e0, threadCpu());
    // Native, per parameter set (they are one set unless arkivtext varies the dpi by page).
    const nativeEngine = await native2(imageFiles, nativeArgs(images[0]?.params ?? {}, oem, tessdata), pageDir);
    const twasmRun = twasm ? await twoAtOnce(twasm, images.map((img) => img.image)) : undefined;
    rmSync(pageDir, { recursive: true, force: true });

    runs.push({
      ocr, images: images.length, nativePipeTexts: nativePipe.texts, engineTexts, nativeEngineTexts: nativeEngine.texts,
      oursCpu: (c1.user + c1.system) / 1e6, oursMain: split.main, oursOthers: split.others,
      nativeCpu: render.cpu + nativePipe.cpu, nativeRender: render.cpu,
      engineOurs: engineOurs.others, engineMain: engineOurs.main, engineNative: nativeEngine.cpu,
      twasmTexts: twasmRun?.texts, engineTwasm: twasmRun?.cpu ?? NaN,
      sameParams: images.every((img) => JSON.stringify(img.params) === JSON.stringify(images[0].params)),
    });
  }
  const first = runs[0];
  const med = (key) => median(runs.map((r) => r[key])) / m;
  rows.scanned.push({
    name, pages: m, images: first.images,
    oursRaw: cer(rawFrom(first.ocr), truth), ours: cer(first.ocr.text, truth),
    native: cer(first.nativePipeTexts.join('\n'), truth),
    engineOurs: cer(first.engineTexts.join('\n'), truth), engineNative: cer(first.nativeEngineTexts.join('\n'), truth),
    engineDiff: cer(first.engineTexts.join('\n'), first.nativeEngineTexts.join('\n')),
    oursCpu: med('oursCpu'), oursMain: med('oursMain'), oursOthers: med('oursOthers'),
    nativeCpu: med('nativeCpu'), nativeRender: med('nativeRender'),
    engineOursCpu: med('engineOurs'), engineMainCpu: med('engineMain'), engineNativeCpu: med('engineNative'),
    twasm: first.twasmTexts ? cer(first.twasmTexts.join('\n'), truth) : NaN, engineTwasmCpu: med('engineTwasm'),
    sameParams: runs.every((r) => r.sameParams),
  });
  process.stderr.write(`${name}: born ${n} p, scanned ${m} p (${first.images} images to Tesseract)\n`);
}
await Promise.all(engineWorkers.map((w) => w.terminate()));
await Promise.all((twasm ?? []).map((e) => e.stop()));
await terminateOcr();
rmSync(tmp, { recursive: true, force: true });

const f3 = (x) => x.toFixed(3);
const f2 = (x) => x.toFixed(2);
const weighted = (list, key) => list.reduce((s, r) => s + r[key] * r.pages, 0) / list.reduce((s, r) => s + r.pages, 0);
const total = (list) => list.reduce((s, r) => s + r.pages, 0);

console.log('\n### Born-digital PDFs (text layer)\n');
console.log('| document | pages | arkivtext CER raw | arkivtext CER repaired | pdftotext CER | arkivtext CPU s/page | pdftotext CPU s/page |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows.born) console.log(`| ${r.name} | ${r.pages} | ${f3(r.oursRaw)} | ${f3(r.ours)} | ${f3(r.ptt)} | ${f2(r.oursCpu)} | ${f2(r.pttCpu)} |`);
const B = rows.born;
console.log(`| **all (page-weighted)** | ${total(B)} | ${f3(weighted(B, 'oursRaw'))} | **${f3(weighted(B, 'ours'))}** | ${f3(weighted(B, 'ptt'))} | ${f2(weighted(B, 'oursCpu'))} | ${f2(weighted(B, 'pttCpu'))} |`);

const S = rows.scanned;
const params = seen.images[0]?.params ?? {};
console.log('\n### Scanned PDFs (a): engine against engine, the same page images, 2 workers / 2 processes\n');
console.log(`Parameters on both sides: oem ${oem}, ${Object.entries(params).map(([k, v]) => `${k}=${v}`).join(', ')}; model: the npm package's swe.traineddata.\n`);
const tw = twasm !== undefined;
console.log(`| document | images | tesseract.js CER | native CER | CER between the two | tesseract.js CPU s/page (worker threads) | native CPU s/page | ratio |${tw ? ' tesseract-wasm CER | tesseract-wasm CPU s/page | ratio |' : ''}`);
console.log(`|---|---:|---:|---:|---:|---:|---:|---:|${tw ? '---:|---:|---:|' : ''}`);
const twCells = (r) => (tw ? ` ${f3(r.twasm)} | ${f2(r.engineTwasmCpu)} | ${f2(r.engineTwasmCpu / r.engineNativeCpu)} |` : '');
for (const r of S) console.log(`| ${r.name} | ${r.images} | ${f3(r.engineOurs)} | ${f3(r.engineNative)} | ${f3(r.engineDiff)} | ${f2(r.engineOursCpu)} | ${f2(r.engineNativeCpu)} | ${f2(r.engineOursCpu / r.engineNativeCpu)} |${twCells(r)}`);
const engineRatio = weighted(S, 'engineOursCpu') / weighted(S, 'engineNativeCpu');
const twAll = { twasm: weighted(S, 'twasm'), engineTwasmCpu: weighted(S, 'engineTwasmCpu'), engineNativeCpu: weighted(S, 'engineNativeCpu') };
console.log(`| **all (page-weighted)** | ${S.reduce((s, r) => s + r.images, 0)} | ${f3(weighted(S, 'engineOurs'))} | ${f3(weighted(S, 'engineNative'))} | ${f3(weighted(S, 'engineDiff'))} | ${f2(weighted(S, 'engineOursCpu'))} | ${f2(weighted(S, 'engineNativeCpu'))} | **${f2(engineRatio)}** |${twCells(twAll)}`);
console.log(`\n(main thread while the workers ran: ${f2(weighted(S, 'engineMainCpu'))} CPU s/page, not counted)`);

console.log('\n### Scanned PDFs (b): pipeline against pipeline, 2 workers / 2 processes\n');
console.log('| document | pages | arkivtext CER raw | arkivtext CER repaired | native CER | arkivtext CPU s/page | of it main thread | of it other threads | pdftoppm + tesseract CPU s/page | of it pdftoppm | ratio |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of S) console.log(`| ${r.name} | ${r.pages} | ${f3(r.oursRaw)} | ${f3(r.ours)} | ${f3(r.native)} | ${f2(r.oursCpu)} | ${f2(r.oursMain)} | ${f2(r.oursOthers)} | ${f2(r.nativeCpu)} | ${f2(r.nativeRender)} | ${f2(r.oursCpu / r.nativeCpu)} |`);
const pipeRatio = weighted(S, 'oursCpu') / weighted(S, 'nativeCpu');
console.log(`| **all (page-weighted)** | ${total(S)} | ${f3(weighted(S, 'oursRaw'))} | **${f3(weighted(S, 'ours'))}** | ${f3(weighted(S, 'native'))} | ${f2(weighted(S, 'oursCpu'))} | ${f2(weighted(S, 'oursMain'))} | ${f2(weighted(S, 'oursOthers'))} | ${f2(weighted(S, 'nativeCpu'))} | ${f2(weighted(S, 'nativeRender'))} | **${f2(pipeRatio)}** |`);

const bornOk = weighted(B, 'ours') <= weighted(B, 'ptt');
const cerRatio = weighted(S, 'ours') / weighted(S, 'native');
const verdict = (ok) => (ok ? 'met' : 'MISSED');
console.log(`\ntargets: born CER ≤ pdftotext: ${verdict(bornOk)}; scanned CER repaired / native = ${f2(cerRatio)} (≤ 0.80: ${verdict(cerRatio <= 0.8)}); OCR CPU per page ours / native (≤ 1.30): engine ${f2(engineRatio)} ${verdict(engineRatio <= 1.3)}, pipeline ${f2(pipeRatio)} ${verdict(pipeRatio <= 1.3)}${S.every((r) => r.sameParams) ? '' : ' (WARNING: parameters varied between pages; native used the first page\'s)'}`);
console.log(`repeat ${repeat} (median CPU of each document), load average at the end ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
