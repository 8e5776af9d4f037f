/**
 * The run's report: clusters joined onto the inputs, totals, and the two renderings
 * (`report.json` for programs, `report.md` for people). Pure functions of the run's results.
 */
import type { ClusterLike } from './stage-types.js';
import type { ClusterReport, InputReport, RunReport, RunTotals } from './types.js';
import type { IgnoredEntry } from './walk.js';

/**
 * Clusters as dedupe --json shows them, with ids as paths. Every document is in one, so a
 * document without other versions is a cluster of one, of which it is the canonical.
 */
export function clusterReports(clusters: ClusterLike[]): ClusterReport[] {
  return clusters.map((c) => ({
    id: c.id,
    canonical: { path: c.canonical.id, reason: c.canonical.reason },
    members: c.members.map((m) => ({ path: m.id, similarity: m.similarity, containment: m.containment })),
  }));
}

/** Marks each input with its cluster and whether it is the canonical version (in place). */
export function assignClusters(inputs: InputReport[], clusters: ClusterReport[]): void {
  const byPath = new Map(inputs.map((input) => [input.path, input]));
  for (const cluster of clusters) {
    for (const member of cluster.members) {
      const input = byPath.get(member.path);
      if (!input) continue;
      input.cluster = cluster.id;
      input.canonical = member.path === cluster.canonical.path;
    }
  }
}

export function computeTotals(inputs: InputReport[], clusters: ClusterReport[], ignored: IgnoredEntry[], seconds: number, timings: RunTotals['timings']): RunTotals {
  const sum = (pick: (i: InputReport) => number | undefined) => inputs.reduce((total, i) => total + (pick(i) ?? 0), 0);
  return {
    inputs: inputs.length,
    ok: inputs.filter((i) => i.status === 'ok').length,
    failed: inputs.filter((i) => i.status === 'failed').length,
    skipped: inputs.filter((i) => i.skipped).length,
    warned: inputs.filter((i) => i.warnings.length > 0).length,
    ignored: ignored.length,
    pages: sum((i) => i.pages),
    ocrPages: sum((i) => i.ocrPages),
    corrections: sum((i) => i.corrections),
    clusters: clusters.length,
    versioned: clusters.filter((c) => c.members.length > 1).length,
    duplicates: clusters.reduce((n, c) => n + c.members.length - 1, 0),
    seconds,
    timings,
  };
}

/** Table cells may hold anything a file name or error message holds. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function statusCell(input: InputReport): string {
  if (input.status === 'failed') return `**failed** (${input.error?.code ?? '?'})`;
  return input.skipped ? 'ok (reused)' : 'ok';
}

/** ArkivError messages start with the file; where the path is already shown, that is said twice. */
export function errorText(input: InputReport): string {
  const message = input.error?.message ?? '';
  return message.startsWith(`${input.path}: `) ? message.slice(input.path.length + 2) : message;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderMarkdown(report: RunReport): string {
  const t = report.totals;
  const lines: string[] = [];
  lines.push(`# arkivtext run`, '');
  lines.push(
    `${plural(t.inputs, 'input')}: ${t.ok} ok, ${t.failed} failed${t.skipped ? ` (${t.skipped} reused from the last run)` : ''} · ` +
      `${plural(t.pages, 'PDF page')} (${t.ocrPages} OCR) · ${plural(t.corrections, 'correction')} · ` +
      `${plural(t.versioned, 'document')} with several versions (${t.duplicates} duplicate${t.duplicates === 1 ? '' : 's'}) · ${t.seconds.toFixed(1)} s`,
    '',
  );

  // Clusters of one are in report.json; here "versions of" is said only where there are several.
  const sizes = new Map(report.clusters.map((c) => [c.id, c.members.length]));
  lines.push('## Inputs', '', '| input | status | pages | corrections | versions of | canonical | warnings |', '| --- | --- | ---: | ---: | --- | --- | ---: |');
  for (const input of report.inputs) {
    const pages = input.pages === undefined ? '' : input.ocrPages ? `${input.pages} (${input.ocrPages} OCR)` : String(input.pages);
    const versioned = input.cluster !== undefined && (sizes.get(input.cluster) ?? 0) > 1;
    const canonical = versioned ? (input.canonical ? 'yes' : 'no') : '';
    lines.push(
      `| ${cell(input.path)} | ${statusCell(input)} | ${pages} | ${input.corrections ?? ''} | ${versioned ? cell(input.cluster ?? '') : ''} | ${canonical} | ${input.warnings.length || ''} |`,
    );
  }
  lines.push('');

  lines.push('## Versions of one document', '');
  const versioned = report.clusters.filter((c) => c.members.length > 1);
  if (versioned.length === 0) lines.push('No two inputs are versions of one document.', '');
  else if (versioned.length < report.clusters.length) {
    lines.push(`The other ${plural(report.clusters.length - versioned.length, 'input')} read have no other version here.`, '');
  }
  for (const cluster of versioned) {
    lines.push(`### ${cluster.id}: ${plural(cluster.members.length, 'version')}`, '');
    lines.push(`Canonical: ${code(cluster.canonical.path)}, ${cluster.canonical.reason}.`, '');
    lines.push('| member | similarity | containment |', '| --- | ---: | ---: |');
    for (const m of cluster.members) lines.push(`| ${cell(m.path)} | ${m.similarity.toFixed(2)} | ${m.containment.toFixed(2)} |`);
    lines.push('');
  }

  const failed = report.inputs.filter((i) => i.status === 'failed');
  if (failed.length > 0) {
    lines.push('## Failures', '');
    for (const input of failed) lines.push(`- ${code(input.path)}: ${input.error?.code ?? 'ERROR'}: ${cell(errorText(input))}`);
    lines.push('');
  }

  const warned = report.inputs.filter((i) => i.warnings.length > 0);
  if (warned.length > 0) {
    lines.push('## Warnings', '');
    for (const input of warned) for (const w of input.warnings) lines.push(`- ${code(input.path)}: ${cell(w)}`);
    lines.push('');
  }

  const withMatches = report.inputs.filter((i) => i.indexMatches && i.indexMatches.length > 0);
  if (withMatches.length > 0) {
    lines.push('## Versions archived earlier (index)', '');
    for (const input of withMatches) {
      const matches = (input.indexMatches ?? []).map((m) => `${code(m.path)} (similarity ${m.similarity.toFixed(2)})`).join(', ');
      lines.push(`- ${code(input.path)}: ${matches}`);
    }
    lines.push('');
  }

  if (report.ignored.length > 0) {
    lines.push('## Not read', '');
    for (const entry of report.ignored) lines.push(`- ${code(entry.path)}: ${entry.reason}`);
    lines.push('');
  }

  lines.push('## Totals', '', '| | |', '| --- | ---: |');
  const rows: [string, string][] = [
    ['inputs', String(t.inputs)],
    ['ok', String(t.ok)],
    ['failed', String(t.failed)],
    ['reused from the last run', String(t.skipped)],
    ['with warnings', String(t.warned)],
    ['PDF pages', String(t.pages)],
    ['OCR pages', String(t.ocrPages)],
    ['corrections', String(t.corrections)],
    ['documents / with several versions / duplicates', `${t.clusters} / ${t.versioned} / ${t.duplicates}`],
    ['reading inputs', `${t.timings.inputs.toFixed(1)} s`],
    ['clustering', `${t.timings.cluster.toFixed(2)} s`],
    ...(t.timings.index > 0 ? ([['index', `${t.timings.index.toFixed(2)} s`]] as [string, string][]) : []),
    ['total', `${t.seconds.toFixed(1)} s`],
  ];
  for (const [name, value] of rows) lines.push(`| ${name} | ${value} |`);
  lines.push('');
  return lines.join('\n');
}
