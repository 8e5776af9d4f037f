#!/usr/bin/env node
// Benchmark of the repair stage against native Hunspell (first suggestion), per corpus:
// CER before/after, truth words fixed and damaged (the official scorer's word alignment), words/s.
//
//   npm run build && node bench/repair.mjs [--plain] [--heldout DIR…] [--heldout-only] [--old-sv-only] [--throughput-only] [--no-hunspell] [--hunspell-uncached] [--no-calibration] [--json FILE]
//
// Hunspell's output is cached (hunspellRepair), so a corpus's hunspell words/s is its wall time on
// the texts it really ran in this bench (not found in the cache), and `cached` where it ran on none;
// --hunspell-uncached runs it on every text (slow: seconds a page) and so measures every corpus.
//
// --throughput-only: only the words/s of repair's first and second pass (and native Hunspell's),
// after one untimed pass over the texts to warm the JIT as the corpus runs do.
//
// Corpora: the fixtures in ../fixtures (seed-001-pair, ocr-eng-l1/l2, ocr-swe-l2 of seed-000/003),
// ../../shared/train (ocr-eng, ocr-swe; the weights were fitted on these, so they are not held out),
// and any held-out folders made with ../../shared/tools/make-fixture.sh (truth.txt + ocr-*.txt).
//
// The held-out registers set (../fixtures/heldout/<register>/<doc>/, scripts/make-heldout.sh: text of
// registers nobody counts or fits on, OCR'd with both models at two scan grades) is reported apart
// from train: per register and OCR model/grade, CER before → after and the cut, right words damaged
// (count and share of right words) and documents made worse, beside hunspell; then a reliability
// table of repair's corrections on it (confidence bin → share right, count; src/eval/heldout.ts says
// how a correction is judged) and the same per rule. --heldout-only prints just that part.
//
// Confidences are calibrated (src/repair/calibration.ts): beside the held-out reliability table
// stands the one of the dev documents the calibration was fitted and its bar chosen on (ARKIV_DEV,
// default ../dev:../dev-calib:../devtech/out; scripts/fit-repair-calibration.ts), and on both the expected
// calibration error of every correction found (applied, and below the bar: `suggest`).
// --no-calibration: the rules' raw scores and fitted bars, as before the calibration.
//
// The older-Swedish set (old-sv/<doc>/: truth.txt, ocr-frk.txt, ocr-swe.txt) follows in a
// section of its own (oldSwedishSection).
import { execFileSync, execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
// The measures of src/eval/metrics.ts: the official scorer's flattening, CER and word alignment.
import { repair, defaultLexicon, loadLexicon, characterErrors, flatten, flatWords, wordChanges } from '../dist/index.js';
// The held-out registers set and the judging of corrections (src/eval/heldout.ts).
import { scoreDocument, addScores, emptyScore, summary, judgeCorrections, reliabilityTable, ruleTable, loadHeldout, expectedCalibrationError, HELDOUT_VARIANTS } from '../dist/eval-heldout.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const shared = join(root, '..', 'shared');
const args = process.argv.slice(2);
const markdown = !args.includes('--plain');
const heldout = args.flatMap((a, i) => (args[i - 1] === '--heldout' ? [a] : []));
const heldoutOnly = args.includes('--heldout-only');
const oldSvOnly = args.includes('--old-sv-only');
const throughputOnly = args.includes('--throughput-only');
const withHunspell = !args.includes('--no-hunspell');
const hunspellUncached = args.includes('--hunspell-uncached');
const jsonOut = args.flatMap((a, i) => (args[i - 1] === '--json' ? [a] : []))[0];
/** Repair options of every run: --no-calibration asks for the raw scores. */
const calibrationOption = args.includes('--no-calibration') ? { calibration: null } : {};

const words = flatWords;

/** Hunspell's own runs in this process (texts it was asked, not read from the cache): their
 * words and wall time, the only hunspell words/s the per-corpus table reports. */
const hunspellRuns = { words: 0, ms: 0 };

/**
 * Native Hunspell as a repairer: every word it rejects is replaced by its first suggestion. Its
 * output depends on the text alone, and suggesting is slow (seconds a page), so it is cached in
 * bench/out/hunspell/ (or $HUNSPELL_CACHE) by the text's hash (delete it after a dictionary upgrade);
 * --hunspell-uncached asks hunspell every time (and refreshes the cache).
 */
function hunspellRepair(text) {
  const cache = join(process.env.HUNSPELL_CACHE ?? join(root, 'bench', 'out', 'hunspell'), createHash('sha1').update(text).digest('hex') + '.txt');
  if (!hunspellUncached && existsSync(cache)) return readFileSync(cache, 'utf8');
  const t0 = performance.now();
  const out = hunspellRun(text);
  hunspellRuns.ms += performance.now() - t0;
  hunspellRuns.words += words(text).length;
  mkdirSync(dirname(cache), { recursive: true });
  writeFileSync(cache, out);
  return out;
}
function hunspellRun(text) {
  const lines = text.split('\n');
  const out = execFileSync('hunspell', ['-d', 'sv_SE', '-a', '-i', 'utf-8'], { input: lines.map((l) => '^' + l).join('\n') + '\n', maxBuffer: 1 << 28 }).toString('utf8');
  const results = out.split('\n').slice(1); // first line is the version banner
  const repaired = [];
  let r = 0;
  for (const line of lines) {
    const fixes = [];
    while (r < results.length && results[r] !== '') {
      const m = results[r].match(/^& (\S+) \d+ \d+: ([^,]+)/u);
      if (m) fixes.push([m[1], m[2]]);
      r++;
    }
    r++; // the blank line that ends each input line
    let fixedLine = '', at = 0;
    for (const [word, suggestion] of fixes) {
      const k = line.indexOf(word, at);
      if (k < 0) continue;
      fixedLine += line.slice(at, k) + suggestion;
      at = k + word.length;
    }
    repaired.push(fixedLine + line.slice(at));
  }
  return repaired.join('\n');
}

/**
 * Native Hunspell's own CPU time (GNU time's user + system) to check and suggest for `texts`, as
 * hunspellRun asks it (pipe mode, one text a process): its throughput beside repair's. Null when
 * /usr/bin/time is missing.
 */
function hunspellCpu(texts) {
  if (!existsSync('/usr/bin/time')) return null;
  let seconds = 0;
  let n = 0;
  for (const text of texts) {
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', 'hunspell', '-d', 'sv_SE', '-a', '-i', 'utf-8'], { input: text.split('\n').map((l) => '^' + l).join('\n') + '\n', maxBuffer: 1 << 28, encoding: 'utf8' });
    const last = r.stderr.trim().split('\n').pop() ?? '';
    const [user, sys] = last.split(' ').map(Number);
    if (!Number.isFinite(user) || !Number.isFinite(sys)) return null;
    seconds += user + sys;
    n += words(text).length;
  }
  return { texts: texts.length, words: n, seconds };
}

/**
 * The same Hunspell repair for many texts at once, into the cache: each text's misspelled words per
 * line from `hunspell -l` (a sentinel line after every line), the first suggestion of each distinct
 * misspelled word from `-a` (split over `jobs` processes), then the replacement hunspellRun makes.
 * Suggesting is the slow part and OCR repeats its misreadings, so this is several times faster; on
 * the first 17 held-out texts its output was byte-identical to hunspellRun's.
 */
const SENTINEL = 'Qzxqjvsentinelwq'; // a line Hunspell always rejects
async function hunspellMany(texts, jobs = 1) {
  const lines = texts.map((t) => t.split('\n'));
  const flat = lines.flat();
  const listed = execFileSync('hunspell', ['-d', 'sv_SE', '-i', 'utf-8', '-l'], { input: flat.map((l) => l + '\n' + SENTINEL).join('\n') + '\n', maxBuffer: 1 << 30 }).toString('utf8').split('\n');
  const perLine = [];
  let cur = [];
  for (const w of listed) {
    if (w === SENTINEL) {
      perLine.push(cur);
      cur = [];
    } else if (w !== '') cur.push(w);
  }
  if (perLine.length !== flat.length) throw new Error(`hunspell -l: ${perLine.length} lines for ${flat.length}`);
  const distinct = [...new Set(perLine.flat())];
  const chunks = Array.from({ length: jobs }, (_, c) => distinct.filter((_, i) => i % jobs === c));
  const outs = await Promise.all(chunks.map((ws) => new Promise((resolve, reject) => {
    const p = execFile('hunspell', ['-d', 'sv_SE', '-a', '-i', 'utf-8'], { maxBuffer: 1 << 30 }, (e, so) => (e ? reject(e) : resolve(so)));
    p.stdin?.end(ws.map((w) => '^' + w).join('\n') + '\n');
  })));
  const first = new Map(); // misspelled word → its first suggestion
  chunks.forEach((ws, c) => {
    const res = outs[c].split('\n').slice(1); // first line is the version banner
    let k = 0;
    for (const w of ws) {
      const block = [];
      while (k < res.length && res[k] !== '') block.push(res[k++]);
      k++; // the blank line that ends each input line
      const m = block.find((b) => b.startsWith('& '))?.match(/^& (\S+) \d+ \d+: ([^,]+)/u);
      if (m && m[1] === w) first.set(w, m[2]);
    }
  });
  let li = 0;
  return lines.map((ls) => ls.map((line) => {
    let fixedLine = '', at = 0;
    for (const w of perLine[li++]) {
      const s = first.get(w);
      if (s === undefined) continue;
      const k = line.indexOf(w, at);
      if (k < 0) continue;
      fixedLine += line.slice(at, k) + s;
      at = k + w.length;
    }
    return fixedLine + line.slice(at);
  }).join('\n'));
}
async function hunspellPrefetch(texts, jobs) {
  const dir = process.env.HUNSPELL_CACHE ?? join(root, 'bench', 'out', 'hunspell');
  const todo = [...new Set(texts)].map((t) => [t, join(dir, createHash('sha1').update(t).digest('hex') + '.txt')]).filter(([, c]) => !existsSync(c));
  if (!todo.length) return;
  process.stderr.write(`hunspell: ${todo.length} texts not cached …\n`);
  const out = await hunspellMany(todo.map(([t]) => t), jobs);
  mkdirSync(dir, { recursive: true });
  out.forEach((o, i) => writeFileSync(todo[i][1], o));
}

function corpus(name, cases) {
  return { name, cases: cases.filter((c) => existsSync(c.ocr) && existsSync(c.truth)) };
}
const fx = join(root, 'fixtures');
const sets = [
  corpus('seed-001-pair (real OCR)', [{ ocr: join(fx, 'seed-001-pair/ocr.txt'), truth: join(fx, 'seed-001-pair/truth.txt') }]),
  ...['ocr-eng-l1', 'ocr-eng-l2', 'ocr-swe-l2'].map((v) => corpus(`fixtures ${v}`, ['seed-000', 'seed-003'].map((s) => ({ ocr: join(fx, s, `${v}.txt`), truth: join(fx, s, 'truth.txt') })))),
  // seed-002: held out, made with make-fixture.sh from the clean seed 002 (not in train). Its
  // truth keeps the source's print hyphenation (`regio- nala`), so joined words count as damaged.
  ...['eng', 'swe'].map((v) => corpus(`held-out seed-002 ocr-${v}`, [{ ocr: join(fx, 'seed-002', `ocr-${v}.txt`), truth: join(fx, 'seed-002', 'truth.txt') }])),
];
const train = join(shared, 'train');
if (existsSync(train)) {
  const dirs = readdirSync(train).filter((d) => existsSync(join(train, d, 'truth.txt'))).sort();
  for (const v of ['eng', 'swe']) sets.push(corpus(`train-${v} (fitted on)`, dirs.map((d) => ({ ocr: join(train, d, `ocr-${v}.txt`), truth: join(train, d, 'truth.txt') }))));
}
for (const dir of heldout) {
  for (const v of ['eng', 'swe']) sets.push(corpus(`held-out ${v} (${dir.split('/').pop()})`, [{ ocr: join(dir, `ocr-${v}.txt`), truth: join(dir, 'truth.txt') }]));
}

defaultLexicon(); // load once, outside the timing
repair('Det #r en 6verenskommelse for lanet.'); // one-time set-up (model, indexes) outside the timing
function measure(cases, fn) {
  let chars = 0, eIn = 0, eOut = 0, wrong = 0, fixed = 0, right = 0, damaged = 0, worse = 0, nWords = 0, ms = 0;
  for (const c of cases) {
    const input = readFileSync(c.ocr, 'utf8'), truth = readFileSync(c.truth, 'utf8');
    const t0 = performance.now();
    const output = fn(input);
    ms += performance.now() - t0;
    nWords += words(input).length;
    const a = characterErrors(input, truth), b = characterErrors(output, truth);
    chars += [...flatten(truth)].length; eIn += a; eOut += b; if (b > a) worse++;
    const w = wordChanges(truth, input, output);
    fixed += w.fixed; damaged += w.damaged; wrong += w.wrong; right += w.right;
  }
  return { cerIn: eIn / chars, cerOut: eOut / chars, fixed, wrong, damaged, right, worse, wps: nWords / (ms / 1000), words: nWords, docs: cases.length };
}

const pct = (x) => (100 * x).toFixed(2) + ' %';
/** A corpus's hunspell words/s, `cached` when hunspell ran on none of its texts here; `(part)` when on some. */
const hunspellWps = (hun) => (hun.wordsRun === 0 ? 'cached' : Math.round(hun.wps).toLocaleString('en') + (hun.wordsRun < hun.words ? ' (part)' : ''));
const json = {};
if (!heldoutOnly && !oldSvOnly) {
  const rows = [];
  if (throughputOnly) for (const s of sets) for (const c of s.cases) repair(readFileSync(c.ocr, 'utf8')); // JIT warm-up, untimed
  for (const s of throughputOnly ? [] : sets) {
    if (!s.cases.length) continue;
    // No warm-up: the timing includes building repair's caches on each corpus's first words.
    process.stderr.write(`${s.name}: ${s.cases.length} docs …\n`);
    const ours = measure(s.cases, (t) => repair(t, calibrationOption).text);
    const before = { ...hunspellRuns };
    const hun = measure(s.cases, hunspellRepair);
    // measure's time would include reading cached output: hunspell's words/s is that of its own
    // runs on this corpus's texts (0, with wordsRun 0: every text was cached).
    const ran = hunspellRuns.words - before.words;
    hun.wps = ran > 0 ? ran / ((hunspellRuns.ms - before.ms) / 1000) : 0;
    hun.wordsRun = ran;
    rows.push({ name: s.name, ours, hun });
    if (!markdown) {
      console.log(`${s.name} (${s.cases.length} docs): CER ${pct(ours.cerIn)} → arkivtext ${pct(ours.cerOut)} / hunspell ${pct(hun.cerOut)}; fixed ${ours.fixed}/${ours.wrong} vs ${hun.fixed}; damaged ${ours.damaged}/${ours.right} vs ${hun.damaged}; worse docs ${ours.worse} vs ${hun.worse}; words/s ${Math.round(ours.wps)} vs ${hunspellWps(hun)}`);
    }
  }
  // Throughput on one core: a fresh lexicon (empty word caches) over every OCR text above, then the
  // same texts again (an archive repeats its vocabulary, so later documents run warm). On a shared
  // machine one pass says little (runs of one build spread by ±20 %), so each is made PASSES times,
  // with a fresh lexicon each time, and the median is given with the range.
  const PASSES = Number(process.env.BENCH_PASSES ?? 5);
  const texts = sets.flatMap((s) => s.cases.map((c) => readFileSync(c.ocr, 'utf8')));
  const totalWords = texts.reduce((n, t) => n + words(t).length, 0);
  /** Words/s of one pass over the texts: [wall, CPU] (CPU counts GC and compiler threads too). */
  const pass = (lexicon) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const t of texts) repair(t, { lexicon, ...calibrationOption });
    const c = process.cpuUsage(c0);
    return [totalWords / ((performance.now() - t0) / 1000), totalWords / ((c.user + c.system) / 1e6)];
  };
  const firsts = [], seconds = [];
  for (let r = 0; r < PASSES; r++) {
    const fresh = loadLexicon();
    firsts.push(pass(fresh));
    seconds.push(pass(fresh));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const k = (x) => `${Math.round(x / 1000)} k`;
  const spread = (runs, i) => `median ${k(median(runs.map((r) => r[i])))} (${k(Math.min(...runs.map((r) => r[i])))}–${k(Math.max(...runs.map((r) => r[i])))}), best ${k(Math.max(...runs.map((r) => r[i])))}`;

  if (markdown && rows.length) {
    console.log('| corpus | docs | CER in | CER arkivtext | CER hunspell | fixed arkivtext | fixed hunspell | damaged arkivtext | damaged hunspell | docs worse (a/h) | words/s arkivtext | words/s hunspell |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const { name, ours, hun } of rows) {
      console.log(`| ${name} | ${ours.docs} | ${pct(ours.cerIn)} | ${pct(ours.cerOut)} | ${pct(hun.cerOut)} | ${ours.fixed}/${ours.wrong} | ${hun.fixed}/${hun.wrong} | ${ours.damaged}/${ours.right} | ${hun.damaged}/${hun.right} | ${ours.worse}/${hun.worse} | ${Math.round(ours.wps).toLocaleString('en')} | ${hunspellWps(hun)} |`);
    }
    console.log('\nwords/s hunspell: its wall time on the texts of the corpus it ran in this bench; `cached`: all their output was read from the cache (--hunspell-uncached measures it); `(part)`: measured on the texts not cached.');
  }
  console.log(`\nrepair throughput, one core, all ${texts.length} OCR texts (${totalWords.toLocaleString('en')} words), ${PASSES} runs: first pass (empty word caches) ${spread(firsts, 0)} words/s, second pass ${spread(seconds, 0)} words/s`);
  console.log(`CPU time: first pass ${spread(firsts, 1)} words/s, second pass ${spread(seconds, 1)} words/s`);
  if (withHunspell) {
    const peer = hunspellCpu(texts.slice(0, Number(process.env.BENCH_HUNSPELL_TEXTS ?? 3)));
    if (peer) console.log(`peer: native hunspell -d sv_SE (first suggestion of every rejected word, uncached), CPU time, the first ${peer.texts} texts (${peer.words.toLocaleString('en')} words): ${Math.round(peer.words / peer.seconds).toLocaleString('en')} words/s`);
  }
  json.corpora = rows;
}

// ---- The held-out registers set (fixtures/heldout), apart from train ----------------------------
const heldoutDocs = loadHeldout(process.env.HELDOUT_DIR ?? join(fx, 'heldout'));
if (heldoutDocs.length && !oldSvOnly && !throughputOnly) {
  const registers = [...new Set(heldoutDocs.map((d) => d.register))];
  process.stderr.write(`held-out registers set: ${heldoutDocs.length} docs, ${registers.length} registers …\n`);
  if (withHunspell) await hunspellPrefetch(heldoutDocs.flatMap((d) => HELDOUT_VARIANTS.map((v) => d.ocr[v])), Number(process.env.HUNSPELL_JOBS ?? 2));
  const per = new Map(); // `${register}\t${variant}` → { ours, hun }
  const judged = [];
  const docsWorse = [];
  for (const d of heldoutDocs) {
    for (const v of HELDOUT_VARIANTS) {
      const input = d.ocr[v];
      const errorsIn = characterErrors(input, d.truth);
      const r = repair(input, { suggest: true, ...calibrationOption });
      const ours = scoreDocument(d.truth, input, r.text, errorsIn);
      const hun = withHunspell ? scoreDocument(d.truth, input, hunspellRepair(input), errorsIn) : emptyScore();
      if (ours.worse) docsWorse.push(`${d.register}/${d.doc} ${v} (${ours.errorsIn} → ${ours.errorsOut})`);
      for (const j of judgeCorrections(d.truth, input, r.corrections)) judged.push({ ...j, variant: v, doc: `${d.register}/${d.doc}` });
      const key = `${d.register}\t${v}`;
      const cur = per.get(key) ?? { ours: emptyScore(), hun: emptyScore() };
      per.set(key, { ours: addScores(cur.ours, ours), hun: addScores(cur.hun, hun) });
    }
  }
  const tableRows = [];
  for (const reg of [...registers, 'all held-out']) {
    for (const v of HELDOUT_VARIANTS) {
      const pick = [...per].filter(([k]) => (reg === 'all held-out' || k.split('\t')[0] === reg) && k.split('\t')[1] === v).map(([, x]) => x);
      tableRows.push({ register: reg, variant: v, ours: addScores(...pick.map((x) => x.ours)), hun: addScores(...pick.map((x) => x.hun)) });
    }
  }
  const dmg = (s) => `${s.damaged}/${s.right} (${(100 * summary(s).damageRate).toFixed(2)} %)`;
  const cell = (s) => `${pct(summary(s).cerIn)} → ${pct(summary(s).cerOut)} (${(100 * summary(s).cut).toFixed(1)} %)`;
  console.log(`\n### Held-out registers set (${heldoutDocs.length} documents, ${registers.length} registers; never counted or fitted on)\n`);
  console.log('| register | OCR | docs | CER → arkivtext (cut) | CER → hunspell (cut) | right words damaged, arkivtext | damaged, hunspell | fixed a / h (of wrong) | docs worse (a/h) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { register, variant, ours, hun } of tableRows) {
    const b = register === 'all held-out' ? '**' : '';
    console.log(`| ${b}${register}${b} | ${variant.replace('ocr-', '')} | ${ours.docs} | ${cell(ours)} | ${withHunspell ? cell(hun) : '–'} | ${dmg(ours)} | ${withHunspell ? dmg(hun) : '–'} | ${ours.fixed} / ${withHunspell ? hun.fixed : "–"} (${ours.wrong}) | ${ours.worse}/${withHunspell ? hun.worse : "–"} |`);
  }
  const total = addScores(...tableRows.filter((r) => r.register === 'all held-out').map((r) => r.ours));
  console.log(`\nAll held-out texts: damage ${dmg(total)} of right words; ${total.worse} of ${total.docs} texts worse than their input${docsWorse.length ? ': ' + docsWorse.join(', ') : ''}.`);
  const applied = judged.filter((j) => j.correction.applied !== false);
  const suggested = judged.filter((j) => j.correction.applied === false);
  const showTable = (title, list) => {
    console.log(`\n${title} (${list.length} corrections; right = what it wrote is the truth there)\n`);
    console.log('| confidence | corrections | right | share right | mean confidence |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const r of reliabilityTable(list)) if (r.count) console.log(`| ${r.lo.toFixed(2)}–${r.hi.toFixed(2)} | ${r.count} | ${r.right} | ${pct(r.share)} | ${r.meanConfidence.toFixed(3)} |`);
  };
  const ece = (list) => `${(100 * expectedCalibrationError(list)).toFixed(2)} %`;
  showTable('Reliability on the held-out registers set, all four OCR variants', applied);
  console.log(`\nExpected calibration error on the held-out set: ${ece(applied)} over the corrections applied, ${ece(judged)} over every correction found (applied and suggested).`);
  for (const model of ['eng', 'swe']) showTable(`Reliability, ${model}-model OCR (l1 + l2)`, applied.filter((j) => j.variant.includes(model)));
  if (suggested.length) showTable('Suggestions (applied: false)', suggested);
  console.log('\nPer rule on the held-out registers set\n');
  console.log('| rule | corrections | right | share right | wrong (examples) |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const r of ruleTable(applied)) {
    const ex = [...new Set(applied.filter((j) => j.correction.rule === r.rule && !j.right).map((j) => `\`${j.correction.before.replace(/\s+/gu, ' ')}\` → \`${j.correction.after}\` (truth \`${j.truth}\`)`))].slice(0, 5).join('; ');
    console.log(`| ${r.rule} | ${r.count} | ${r.right} | ${pct(r.share)} | ${ex.replace(/\|/gu, '\\|')} |`);
  }
  devSection();
  json.heldout = {
    docs: heldoutDocs.length,
    registers,
    rows: tableRows.map((r) => ({ register: r.register, variant: r.variant, arkivtext: { ...r.ours, ...summary(r.ours) }, hunspell: withHunspell ? { ...r.hun, ...summary(r.hun) } : null })),
    worse: docsWorse,
    reliability: reliabilityTable(applied),
    rules: ruleTable(applied),
  };
}
// ---- The dev documents: where the calibration was fitted and its bar chosen ----------------------
// Folders of truth.txt + ocr*.txt made from counted sources (never held out): ARKIV_DEV, ':'-separated.
function devSection() {
  const dirs = (process.env.ARKIV_DEV ?? '../dev:../dev-calib:../devtech/out').split(':').filter(Boolean).map((d) => (d.startsWith('/') ? d : join(root, d))).filter((d) => existsSync(d));
  const texts = [];
  const walk = (dir) => {
    const files = readdirSync(dir);
    if (files.includes('truth.txt')) for (const f of files.filter((x) => /^ocr.*\.txt$/u.test(x)).sort()) texts.push({ dir, variant: f.replace(/^ocr-?|\.txt$/gu, '') || 'ocr', truth: readFileSync(join(dir, 'truth.txt'), 'utf8'), input: readFileSync(join(dir, f), 'utf8') });
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) if (e.isDirectory()) walk(join(dir, e.name));
  };
  dirs.forEach(walk);
  if (!texts.length) return;
  process.stderr.write(`dev documents: ${texts.length} OCR texts …\n`);
  const judgedDev = [];
  const byVariant = new Map();
  for (const t of texts) {
    const r = repair(t.input, { suggest: true, ...calibrationOption });
    byVariant.set(t.variant, addScores(byVariant.get(t.variant) ?? emptyScore(), scoreDocument(t.truth, t.input, r.text)));
    for (const j of judgeCorrections(t.truth, t.input, r.corrections)) judgedDev.push(j);
  }
  const appliedDev = judgedDev.filter((j) => j.correction.applied !== false);
  console.log(`\n### Dev documents (${texts.length} OCR texts of fiction, news, official prose and software help from counted sources; the calibration was fitted and its bars chosen here)\n`);
  console.log('| OCR | texts | CER → arkivtext (cut) | right words damaged |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [v, s] of [...byVariant].sort(([a], [b]) => a.localeCompare(b))) console.log(`| ${v} | ${s.docs} | ${pct(summary(s).cerIn)} → ${pct(summary(s).cerOut)} (${(100 * summary(s).cut).toFixed(1)} %) | ${s.damaged}/${s.right} (${(100 * summary(s).damageRate).toFixed(2)} %) |`);
  const all = addScores(...byVariant.values());
  console.log(`| **all** | ${all.docs} | ${pct(summary(all).cerIn)} → ${pct(summary(all).cerOut)} (${(100 * summary(all).cut).toFixed(1)} %) | ${all.damaged}/${all.right} (${(100 * summary(all).damageRate).toFixed(2)} %) |`);
  const show = (title, list) => {
    console.log(`\n${title} (${list.length} corrections)\n`);
    console.log('| confidence | corrections | right | share right | mean confidence |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const r of reliabilityTable(list)) if (r.count) console.log(`| ${r.lo.toFixed(2)}–${r.hi.toFixed(2)} | ${r.count} | ${r.right} | ${pct(r.share)} | ${r.meanConfidence.toFixed(3)} |`);
  };
  show('Reliability on the dev documents, applied', appliedDev);
  show('Dev documents, suggestions (applied: false)', judgedDev.filter((j) => j.correction.applied === false));
  console.log(`\nExpected calibration error on the dev documents: ${(100 * expectedCalibrationError(appliedDev)).toFixed(2)} % over the corrections applied, ${(100 * expectedCalibrationError(judgedDev)).toFixed(2)} % over every correction found.`);
  json.dev = { texts: texts.length, reliability: reliabilityTable(appliedDev), ece: expectedCalibrationError(appliedDev) };
}

// ---- The older-Swedish set (bench/old-sv): pre-1906 spelling, Fraktur OCR --------------------
// Excerpts of ELTeC-swe novels nobody counts or fits on (registered as old-sv-bench), set in a
// Fraktur font and OCR'd by scripts/make-fraktur-ocr.ts with Tesseract's `frk` and `swe` models.
// Beside arkivtext as it reads each page (auto) stand hunspell and arkivtext told the text is
// modern (`spelling: 'modern'`, what repair did before it knew older spelling). A long s and an s
// are one letter here: the truth writes `s` for either, as transcriptions of such print do.
function oldSwedishSection() {
  const dir = process.env.OLD_SV_DIR ?? join(root, 'bench', 'old-sv');
  if (!existsSync(dir)) return;
  const docs = readdirSync(dir).filter((d) => existsSync(join(dir, d, 'truth.txt'))).sort();
  if (!docs.length) return;
  process.stderr.write(`older-Swedish set: ${docs.length} docs …\n`);
  const fold = (t) => t.replace(/ſ/gu, 's');
  /** @type {[string, (t: string) => string][]} */
  const repairers = [
    ['arkivtext', (t) => repair(t).text],
    ['arkivtext as modern', (t) => repair(t, { spelling: 'modern' }).text],
    ...(withHunspell ? [/** @type {[string, (t: string) => string]} */ (['hunspell', hunspellRepair])] : []),
  ];
  const rows = [];
  const worseDocs = [];
  for (const model of ['frk', 'swe']) {
    for (const [name, fn] of repairers) {
      const sc = { docs: 0, chars: 0, errorsIn: 0, errorsOut: 0, fixed: 0, wrong: 0, damaged: 0, right: 0, worse: 0 };
      for (const d of docs) {
        const file = join(dir, d, `ocr-${model}.txt`);
        if (!existsSync(file)) continue;
        const input = readFileSync(file, 'utf8');
        const truth = fold(readFileSync(join(dir, d, 'truth.txt'), 'utf8'));
        const output = fold(fn(input));
        const a = characterErrors(fold(input), truth), b = characterErrors(output, truth);
        const w = wordChanges(truth, fold(input), output);
        sc.docs++; sc.chars += [...flatten(truth)].length; sc.errorsIn += a; sc.errorsOut += b;
        sc.fixed += w.fixed; sc.wrong += w.wrong; sc.damaged += w.damaged; sc.right += w.right;
        if (b > a) { sc.worse++; if (name === 'arkivtext') worseDocs.push(`${d} ${model} (${a} → ${b})`); }
      }
      rows.push({ model, name, ...sc, cerIn: sc.errorsIn / sc.chars, cerOut: sc.errorsOut / sc.chars, cut: 1 - sc.errorsOut / sc.errorsIn, damageRate: sc.damaged / sc.right });
    }
  }
  console.log(`\n### Older-Swedish set (${docs.length} documents, spelling before 1906, Fraktur OCR; never counted or fitted on)\n`);
  console.log('| OCR | repair | docs | CER in → out (cut) | right words damaged | fixed (of wrong) | docs worse |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.model} | ${r.name} | ${r.docs} | ${pct(r.cerIn)} → ${pct(r.cerOut)} (${(100 * r.cut).toFixed(1)} %) | ${r.damaged}/${r.right} (${(100 * r.damageRate).toFixed(2)} %) | ${r.fixed} (${r.wrong}) | ${r.worse} |`);
  const ours = rows.filter((r) => r.name === 'arkivtext');
  const damaged = ours.reduce((n, r) => n + r.damaged, 0), right = ours.reduce((n, r) => n + r.right, 0);
  console.log(`\nAll older-Swedish texts, arkivtext: damage ${damaged}/${right} (${(100 * damaged / right).toFixed(2)} %) of right words; ${worseDocs.length} of ${ours.reduce((n, r) => n + r.docs, 0)} texts worse than their input${worseDocs.length ? ': ' + worseDocs.join(', ') : ''}.`);
  json.oldSwedish = { docs: docs.length, rows, worse: worseDocs };
}
if (!throughputOnly) oldSwedishSection();
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(json, null, 1));
