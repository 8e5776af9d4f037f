#!/usr/bin/env node
// bench/run: the archive run over fixtures/archive (born, scanned, mixed, OCR-text, broken inputs),
// pages/s and peak memory, beside a peer doing the same reading with the classic tools:
// `pdftotext` per page, and for pages without a text layer `pdftoppm -r 300 | tesseract -l swe`
// (native Tesseract), as a shell loop. The peer does no repair, no clustering and no report, so it
// is a floor for the reading part, not a like-for-like competitor.
//
// Each configuration runs in its own process under `/usr/bin/time -f '%M %e %U %S'`: CPU time is
// that of the run and every process it waited for (its child processes that read the inputs, their
// threads), and GNU time's peak is that of the largest single process. The run reads its inputs in
// child processes, so its memory is their sum: the process tree's resident memory is also sampled
// in /proc every 100 ms and its largest sum reported ("all processes"). For the shell loop both are
// about the same (it runs one tool at a time).
//
// The machine may be shared: wall time depends on the other jobs' load (printed); CPU time and
// peak memory much less.
//
// Usage: flock /tmp/build.lock npm run build && node bench/run.mjs [--dir DIR | --set scans] [--repeat N]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

if (args[0] === '--child') {
  // One measured run: node bench/run.mjs --child DIR OUT WORKERS FORCE
  const [, dir, out, workers, force] = args;
  const { runArchive } = await import(join(here, '../dist/index.js'));
  const report = await runArchive(dir, { out, workers: Number(workers), force: force === 'force' });
  process.stdout.write(JSON.stringify(report.totals));
  process.exit(0);
}

// --set scans: the seed fixtures' whole scans and born-digital PDFs (5 OCR pages, 5 text pages),
// where OCR dominates and the use of both cores shows; default: fixtures/archive.
const set = flag('--set', 'archive');
let dir = flag('--dir', join(here, '../fixtures/archive'));
let madeDir;
if (set === 'scans') {
  madeDir = mkdtempSync(join(tmpdir(), 'arkiv-bench-scans-'));
  for (const seed of ['seed-000', 'seed-003']) {
    for (const kind of ['born', 'scanned']) copyFileSync(join(here, `../fixtures/${seed}/${kind}.pdf`), join(madeDir, `${seed}-${kind}.pdf`));
  }
  dir = madeDir;
}
const repeat = Number(flag('--repeat', '1'));

// Peak RSS, wall seconds, and CPU seconds (user + system, the process and its children): the
// cores are shared with other jobs, so wall time varies with their load; CPU time much less.
const TIME_FORMAT = '\n%M %e %U %S';
function parseTime(stderr) {
  const [rss, wall, user, sys] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { maxRssMb: rss / 1024, seconds: wall, cpu: user + sys };
}

/**
 * The resident memory of `root` and all its descendants now, MB (Linux /proc), and each one's CPU
 * seconds so far into `cpu` (pid → seconds: the last seen is kept, so processes that ended count).
 */
function treeRssMb(root, cpu) {
  const parent = new Map();
  const rss = new Map();
  const used = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * 4096);
      used.set(Number(name), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  const seen = new Set();
  while (stack.length > 0) {
    const pid = stack.pop();
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += rss.get(pid) ?? 0;
    if (used.has(pid)) cpu.set(pid, used.get(pid));
    for (const [child, of] of parent) if (of === pid) stack.push(child);
  }
  return total / 1048576;
}

/** Runs `command` under GNU time, sampling its process tree's memory; resolves with both peaks. */
function timed(command, commandArgs) {
  return new Promise((resolveRun, reject) => {
    const child = spawn('/usr/bin/time', ['-f', TIME_FORMAT, command, ...commandArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let treePeakMb = 0;
    const cpu = new Map();
    const sampler = setInterval(() => {
      treePeakMb = Math.max(treePeakMb, treeRssMb(child.pid, cpu));
    }, 100);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0 && code !== 1) return reject(new Error(`${command} failed (${code}): ${stderr}`));
      // CPU: GNU time's (the processes waited for), or the sampled sum over the tree where larger
      // (a process killed by its parent late in the run may escape GNU time's count).
      const sampled = [...cpu.values()].reduce((a, b) => a + b, 0);
      const timedRun = parseTime(stderr);
      resolveRun({ stdout, treePeakMb, ...timedRun, gnuCpu: timedRun.cpu, sampledCpu: sampled, cpu: Math.max(timedRun.cpu, sampled) });
    });
  });
}

function best(runs) {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

async function runOurs(workers, force, out) {
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    const r = await timed(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, out, String(workers), force ? 'force' : 'resume']);
    runs.push({ ...r, totals: JSON.parse(r.stdout) });
  }
  return best(runs);
}

// The peer: every PDF that pdfinfo can open, page by page.
function pdfsIn(folder) {
  const found = [];
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const path = join(folder, entry);
    if (/\.pdf$/i.test(entry) && statSync(path).isFile()) found.push(path);
  }
  return found.sort();
}

const peerScript = String.raw`
set -u
pages=0; ocr=0
for f in "$@"; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  [ -z "$n" ] && continue
  for p in $(seq 1 "$n"); do
    pages=$((pages+1))
    chars=$(pdftotext -q -f "$p" -l "$p" "$f" - | tr -d '[:space:]' | wc -c)
    if [ "$chars" -lt 50 ]; then
      ocr=$((ocr+1))
      pdftoppm -q -r 300 -gray -f "$p" -l "$p" "$f" | tesseract - - -l swe >/dev/null 2>&1
    fi
  done
done
echo "$pages $ocr"
`;

async function runPeer() {
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    const r = await timed('bash', ['-c', peerScript, 'peer', ...pdfsIn(dir)]);
    const [pages, ocrPages] = r.stdout.trim().split(' ').map(Number);
    runs.push({ ...r, pages, ocrPages });
  }
  return best(runs);
}

const version = (cmd, a) => {
  const r = spawnSync(cmd, a, { encoding: 'utf8' });
  return `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).find(Boolean) ?? 'unknown';
};

const loadBefore = os.loadavg()[0].toFixed(1);
const out = mkdtempSync(join(tmpdir(), 'arkiv-bench-run-'));
try {
  const rows = [];
  const row = (name, pages, ocrPages, inputs, r) =>
    rows.push(`| ${name} | ${inputs} | ${pages} (${ocrPages} OCR) | ${r.seconds.toFixed(1)} | ${r.cpu.toFixed(1)} | ${(pages / r.seconds).toFixed(2)} | ${Math.round(r.maxRssMb)} | ${Math.round(r.treePeakMb)} |`);

  const w1 = await runOurs(1, true, join(out, 'w1'));
  row('arkivtext run, 1 worker', w1.totals.pages, w1.totals.ocrPages, w1.totals.inputs, w1);
  const w2 = await runOurs(2, true, join(out, 'w2'));
  row('arkivtext run, 2 workers', w2.totals.pages, w2.totals.ocrPages, w2.totals.inputs, w2);
  const again = await runOurs(2, false, join(out, 'w2'));
  rows.push(`| arkivtext run, rerun (${again.totals.skipped} inputs reused) | ${again.totals.inputs} | ${again.totals.pages} reused | ${again.seconds.toFixed(1)} | ${again.cpu.toFixed(1)} | – | ${Math.round(again.maxRssMb)} | ${Math.round(again.treePeakMb)} |`);
  const peer = await runPeer();
  row('peer: pdftotext + tesseract (shell loop)', peer.pages, peer.ocrPages, pdfsIn(dir).length + ' PDFs', peer);

  console.log(`Over ${set === 'scans' ? 'the seed fixtures\' born.pdf and scanned.pdf (000, 003)' : `\`${relative(process.cwd(), dir) || '.'}\``}, best of ${repeat}, on ${process.env.BENCH_MACHINE ?? `${os.availableParallelism()} cores`}; ` +
    `wall-clock seconds including start-up; CPU s = user + system of the run and its child processes (GNU time, or the sum sampled in /proc where larger); ` +
    `peak MB: largest single process (GNU time) and all processes of the run together (sampled); ` +
    `load average ${loadBefore} before, ${os.loadavg()[0].toFixed(1)} after (other jobs on the same cores: wall time is under that load).\n`);
  console.log('| run | inputs | PDF pages | seconds | CPU s | pages/s | peak MB, largest process | peak MB, all processes |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(r);
  console.log(`\nPeer: ${version('pdftotext', ['-v'])}; ${version('tesseract', ['--version'])}.`);
  console.log(`arkivtext totals (2 workers): ${JSON.stringify(w2.totals)}`);
} finally {
  rmSync(out, { recursive: true, force: true });
  if (madeDir) rmSync(madeDir, { recursive: true, force: true });
}
