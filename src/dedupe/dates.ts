/**
 * The latest date written in a text, as ISO `YYYY-MM-DD`: a revised decision usually carries a later
 * date (beslutsdatum, justering, revision) than its draft, so it tells final from draft.
 * Reads ISO dates (2021-08-31, 2021.08.31, 20210831 is not read: too easily a case number) and
 * Swedish written dates (31 augusti 2021, 1 maj 2021). Years outside 1900–2099 are ignored.
 */

const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, mars: 3, april: 4, maj: 5, juni: 6, juli: 7, augusti: 8, september: 9, oktober: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12,
};

const ISO = /\b((?:19|20)\d\d)[-.\u2010\u2011\u2013/]([01]?\d)[-.\u2010\u2011\u2013/]([0-3]?\d)\b/g;
const WRITTEN = /\b([0-3]?\d)(?::e|:a)?\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec)\.?\s+((?:19|20)\d\d)\b/gi;

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function latestDate(text: string): string | undefined {
  let latest: string | undefined;
  const consider = (d: string | undefined): void => {
    if (d !== undefined && (latest === undefined || d > latest)) latest = d;
  };
  for (const m of text.matchAll(ISO)) consider(iso(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of text.matchAll(WRITTEN)) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month !== undefined) consider(iso(Number(m[3]), month, Number(m[1])));
  }
  return latest;
}
