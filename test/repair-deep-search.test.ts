/**
 * The deep channel search (hypotheses.ts, SearchSettings.deepMinToken): lines of the training and
 * dev OCR (../shared/train, /work/devtech), not the held-out set. Raw scores (test/setup-raw-scores.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultLexicon, repair } from '../src/repair/index.js';
import { changesOf } from './repair-helpers.js';

const lexicon = defaultLexicon();
const changes = (text: string): Array<[string, string, string]> => changesOf(text, { lexicon });

describe('the deep search of a long token nothing else explains', () => {
  it('reads two or three confusions in a compound the corpus never writes whole', () => {
    // English-model OCR of ../shared/train 07 (Statens offentliga utredningar): `ds` for `ös`, `d` for `ö`.
    const text =
      'blandas med frivillighet. Kommittén ifragasatter ocksa det rimliga i att med\n\n' +
      'hot om straffansvar fortsattningsvis aligga personer att fullg6ra tjinstgoring\n' +
      'efter det att en Overgang till ett soldatforsdrjningssystem baserat pa frivil-\n' +
      'ligt ansvar. Det galler ocksa kultur- och nojeshivet i Stockholm.\n';
    const out = repair(text, { lexicon });
    expect(out.corrections.find((c) => c.before === 'soldatforsdrjningssystem')).toMatchObject({ after: 'soldatförsörjningssystem', rule: 'confusion' });
    // ../shared/train 37: `h` for `l` and the diacritic lost: `nöjeslivet`.
    expect(out.corrections.find((c) => c.before === 'nojeshivet')).toMatchObject({ after: 'nöjeslivet', rule: 'confusion' });
  });

  it('reads a glyph read as another in a token spelled as words are (`dialogratan`)', () => {
    // /work/devtech office-help-5, English-model OCR at photocopy grade.
    const text =
      'fiimfor det aktuella dokumentet med ett dokument som do viljer. Innehallet i\n' +
      'det valda dokumentet dir markerat som borttagningar 1 dialogratan som Oppnas.\n' +
      'Om du vill kan du infoga innehallet iden valda filen i det aktuella dokumen-\n' +
      'tet genom att markera de borttagna poster som det galler, klicka pa Ignorera\n';
    expect(changes(text)).toContainEqual(['dialogratan', 'dialogrutan', 'confusion']);
  });

  it('puts no letter into a token spelled as words are: a word the lexicon lacks stays', () => {
    // /work/devtech office-help-5: `filpekaren` (the file pointer) is right; `filtpekaren` is a word too.
    const text = 'positionen, och filpekaren infogas direkt efter den sista byten. Inget utrymme lamnas.';
    const out = repair(text, { lexicon });
    expect(out.text).toContain('filpekaren');
    expect(out.corrections.map((c) => c.before)).not.toContain('filpekaren');
  });

  it('leaves a long clean token of Swedish-model OCR alone (`hindrandebeslut`)', () => {
    // ../shared/train 24, Swedish-model OCR: the word is right, the lexicon lacks it.
    const text = 'Det gäller även hindrandebeslut som fattats för att säkerställa inbetalning av sanktionsavgifter.';
    expect(repair(text, { lexicon }).text).toContain('hindrandebeslut');
  });
});
