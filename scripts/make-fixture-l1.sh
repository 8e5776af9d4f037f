#!/bin/bash
# make-fixture-l1.sh OUTDIR
# The clean-scan grade (l1) beside ../shared/tools/make-fixture.sh's photocopy grade (l2): the same
# born-digital PDF (OUTDIR/born.pdf, made by make-fixture.sh) rendered at 300 dpi in grey and OCR'd
# as it is — no down-sampling, blur, rotation, noise or 1-bit threshold. This is how the fixtures'
# ocr-eng-l1.txt reads ("OCR of a clean 300 dpi scan", fixtures/README.md); re-made from
# fixtures/seed-000/born.pdf it matches the committed ocr-eng-l1.txt up to a few glyphs (another
# Tesseract build).
#   OUTDIR/ocr-eng-l1.txt   Tesseract's English model (å/ä/ö mangled as in legacy archives)
#   OUTDIR/ocr-swe-l1.txt   Tesseract's Swedish model
# Needs: poppler-utils tesseract-ocr tesseract-ocr-eng tesseract-ocr-swe. Run with OMP_THREAD_LIMIT=1.
set -eu
out=$(readlink -f "$1")
[ -f "$out/born.pdf" ] || { echo "no $out/born.pdf: run ../shared/tools/make-fixture.sh first" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pdftoppm -r 300 -gray -png "$out/born.pdf" "$tmp/p"
for p in "$tmp"/p-*.png; do
  b=${p%.png}
  tesseract "$p" "$b.eng" -l eng >/dev/null 2>&1
  tesseract "$p" "$b.swe" -l swe >/dev/null 2>&1
done
cat "$tmp"/p-*.eng.txt > "$out/ocr-eng-l1.txt"
cat "$tmp"/p-*.swe.txt > "$out/ocr-swe-l1.txt"
echo "wrote $out: ocr-eng-l1.txt ocr-swe-l1.txt"
