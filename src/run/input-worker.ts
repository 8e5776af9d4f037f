/**
 * The child process that reads inputs for the run (see isolate.ts): it waits for a request, reads
 * the input with the real stages (a text file decoded and repaired, a PDF extracted), writes its
 * outputs under OUT, and sends back the summary and sketch the run keeps (process-input.ts,
 * readAndWrite), its page progress on the way, or the error. The stages (the lexicon above
 * all) are loaded once and kept for the next input.
 */
import { Worker } from 'node:worker_threads';
import { ArkivError } from '../errors.js';
import { defaultStages } from './default-stages.js';
import type { ChildReply, ChildRequest } from './isolate.js';
import { readAndWrite } from './process-input.js';
import { settingsHash } from './settings.js';
import type { RunStages } from './stage-types.js';

let stages: { key: string; stages: Promise<RunStages> } | undefined;

/**
 * Where the run cannot watch this process's memory from outside (no /proc: isolate.ts, RssWatch),
 * a thread does it here: past the limit it says so on stderr (written at once, not through this
 * thread's buffers) and kills the process, whatever the main thread is busy with.
 */
const RSS_THREAD_CODE = `const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
setInterval(() => {
  const rss = process.memoryUsage.rss();
  if (rss > workerData.limit) {
    try { writeSync(2, '\\narkivtext: resident memory ' + Math.round(rss / 1048576) + ' MB past the limit\\n'); } catch {}
    process.kill(process.pid, 'SIGKILL');
  }
}, 250);`;
const rssLimitMb = Number(process.env.ARKIVTEXT_RSS_LIMIT_MB);
if (rssLimitMb > 0) new Worker(RSS_THREAD_CODE, { eval: true, workerData: { limit: rssLimitMb * 1048576 } }).unref();

function send(message: ChildReply): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

process.on('message', (request: ChildRequest) => {
  void (async () => {
    if (request.type !== 'read') return;
    process.env.ARKIVTEXT_MAX_IMAGE_PIXELS = String(request.maxImagePixels);
    process.env.ARKIVTEXT_MAX_FORM_DEPTH = String(request.maxFormDepth);
    const key = JSON.stringify(request.learn);
    if (!stages || stages.key !== key) stages = { key, stages: defaultStages({ learn: request.learn }) };
    try {
      const written = await readAndWrite(request.entry, {
        out: request.out,
        ...(request.realOut ? { realOut: request.realOut } : {}),
        stages: await stages.stages,
        settings: request.settings,
        settingsHash: settingsHash(request.settings),
        force: true,
        workers: request.ocrWorkers,
        onPage: (_path, page, pages, stage) => void send({ type: 'page', page, pages, stage }),
      });
      await send({ type: 'done', content: written });
    } catch (error) {
      const e = error instanceof ArkivError ? { code: error.code, message: error.message, ...(error.page !== undefined ? { page: error.page } : {}) } : { code: 'INTERNAL', message: `unexpected error: ${error instanceof Error ? error.message : String(error)}` };
      await send({ type: 'error', error: e });
    }
  })();
});

// Ctrl-C at a terminal reaches every process of the group: the run decides (it kills this
// process and reports the input as stopped), so the child does not die of it on its own first.
process.on('SIGINT', () => undefined);

// The run went away (killed, or it closed the channel): nothing left to do.
process.on('disconnect', () => process.exit(0));
