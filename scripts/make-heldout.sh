#!/bin/bash
# make-heldout.sh SRC DEST [JOBS]
# Makes the held-out registers set: for every SRC/<register>/<doc>/source.txt (clean prose, blank
# line between paragraphs) it runs ../shared/tools/make-fixture.sh (truth + photocopy-grade l2 OCR)
# and scripts/make-fixture-l1.sh (clean-scan l1 OCR), both OCR models, and copies the text files
# (truth.txt, ocr-{eng,swe}-{l1,l2}.txt; no PDFs) to DEST/<register>/<doc>/. JOBS documents at a
# time (default 2), each niced, Tesseract single-threaded. A document already in DEST is skipped.
#
# LibreOffice's HTML import (make-fixture.sh's PDF step) drops the first line of the document: the
# first paragraph's text up to its first line break never reaches born.pdf, so its OCR cannot hold
# it either (the shared fixtures lose their first line the same way). Each document is therefore
# given a one-line throw-away first paragraph (`Dokument`), which is what gets lost; it is taken out
# of truth.txt again, and the script checks that born.pdf begins with the truth's first words.
set -eu
src=$(readlink -f "$1"); dest=$(readlink -f "$2"); jobs=${3:-2}
here=$(dirname "$(readlink -f "$0")")
export OMP_THREAD_LIMIT=1
one() {
  local s=$1 rel=${1#$src/}; rel=${rel%/source.txt}
  local d="$dest/$rel"
  [ -f "$d/ocr-swe-l1.txt" ] && return 0
  local w; w=$(mktemp -d)
  { printf 'Dokument\n\n'; cat "$s"; } > "$w/source.txt"
  nice -n 10 "$here/../../shared/tools/make-fixture.sh" "$w/source.txt" "$w" >/dev/null
  python3 - "$w/truth.txt" <<'PY'
import sys
p = sys.argv[1]; t = open(p, encoding='utf-8').read()
first, rest = t.split('\n\n', 1)
assert first == 'Dokument', first
open(p, 'w', encoding='utf-8').write(rest)
PY
  local want got
  want=$(head -c 300 "$w/truth.txt" | tr -s ' \n\f' ' ' | sed 's/^ //' | cut -d' ' -f1-3)
  got=$(pdftotext "$w/born.pdf" - | head -c 300 | tr -s ' \n\f' ' ' | sed 's/^ //' | cut -d' ' -f1-3)
  [ "$want" = "$got" ] || { echo "$rel: born.pdf begins '$got', truth '$want'" >&2; exit 1; }
  mv "$w/ocr-eng.txt" "$w/ocr-eng-l2.txt"; mv "$w/ocr-swe.txt" "$w/ocr-swe-l2.txt"
  nice -n 10 "$here/make-fixture-l1.sh" "$w" >/dev/null
  mkdir -p "$d"
  cp "$w"/truth.txt "$w"/ocr-eng-l1.txt "$w"/ocr-eng-l2.txt "$w"/ocr-swe-l1.txt "$w"/ocr-swe-l2.txt "$d/"
  rm -rf "$w"
  echo "$rel"
}
export -f one; export src dest here
find "$src" -name source.txt | sort | xargs -P "$jobs" -I{} bash -c 'one "$@"' _ {}
