#!/bin/sh
# Makes fixtures/pdf/* from the seed fixtures (run from the repository root).
# Needs node, qpdf, poppler-utils (pdfunite, pdfimages), tesseract-ocr with the eng model and LibreOffice.
set -eu
out=fixtures/pdf
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
npx tsx scripts/make-pdf-fixtures.ts

# mixed.pdf: a born-digital page, a scanned page, and a scan with a typed registry stamp over it
# (a page with both an image and a little text: "hybrid").
qpdf fixtures/seed-003/born.pdf --pages fixtures/seed-003/born.pdf 1 -- "$tmp/born.pdf"
qpdf fixtures/seed-000/scanned.pdf --pages fixtures/seed-000/scanned.pdf 2 -- "$tmp/scan.pdf"
qpdf fixtures/seed-003/scanned.pdf --pages fixtures/seed-003/scanned.pdf 3 -- "$tmp/scan3.pdf"
qpdf "$tmp/scan3.pdf" --overlay "$out/stamp.pdf" -- "$tmp/hybrid.pdf"
pdfunite "$tmp/born.pdf" "$tmp/scan.pdf" "$tmp/hybrid.pdf" "$out/mixed.pdf"

# text-on-image.pdf: a born page printed over a page-size image (as a letterhead or form background
# is): visible text on a "scan" that must keep its text layer.
qpdf fixtures/seed-000/scanned.pdf --pages fixtures/seed-000/scanned.pdf 1 -- "$tmp/blank-scan.pdf"
qpdf "$tmp/born.pdf" --underlay "$tmp/blank-scan.pdf" -- "$out/text-on-image.pdf"

# no-tounicode.pdf: page 2 of seed-000's born.pdf (an embedded TrueType subset whose codes are
# 1, 2, 3, …) with its /ToUnicode map removed: the glyphs still draw, the text layer is garbage.
qpdf fixtures/seed-000/born.pdf --pages fixtures/seed-000/born.pdf 2 -- "$tmp/p2.pdf"
qpdf --qdf --object-streams=disable "$tmp/p2.pdf" "$tmp/p2.qdf"
sed -i '/\/ToUnicode [0-9]* 0 R/d' "$tmp/p2.qdf"
fix-qdf "$tmp/p2.qdf" > "$tmp/p2-fixed.qdf"
qpdf "$tmp/p2-fixed.qdf" "$out/no-tounicode.pdf"

# old-ocr-layer.pdf: seed-000's scanned page 2 as a searchable PDF made by Tesseract's English
# model: the scan with a hidden text layer in which å/ä/ö are mangled, as in legacy archives.
pdfimages -f 2 -l 2 fixtures/seed-000/scanned.pdf "$tmp/scan"
tesseract "$tmp/scan-000.pbm" "$tmp/old-ocr" -l eng --dpi 300 pdf >/dev/null 2>&1
cp "$tmp/old-ocr.pdf" "$out/old-ocr-layer.pdf"

# page-break-hyphen.pdf: three LibreOffice pages; page 1 ends in "integra-" and page 2 goes on
# "tion är …" (a word broken across the page break, to be joined); page 2 ends in
# "arbetsmarknads-" and page 3 goes on "och integrationsområdet" (a suspended compound part,
# to stay). Needs LibreOffice (soffice).
cat > "$tmp/page-break-hyphen.html" <<'HTML'
<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Sidbrytning</title>
<style>body { font-family: 'DejaVu Serif'; font-size: 12pt; } p { margin: 0 0 12pt 0; }</style></head>
<body>
<p>Utvecklingen i världen gör att många människor söker sin tillflykt till Sverige. Det stressar samhällssystemet på flera sätt. Stat, kommuner och regioner måste agera både snabbt och genomtänkt. Vi vet att en väl fungerande integra-</p>
<p style="page-break-before: always">tion är en fråga för hela samhället och att insatserna vi gör nu kommer att påverka utvecklingen länge i framtiden. Regionerna vill ha en roll i detta. Regionerna har inget tydligt uppdrag, formell roll eller formellt ansvar i frågan om stöd inom arbetsmarknads-</p>
<p style="page-break-before: always">och integrationsområdet. I deras uppdrag ingår att ansvara för regional utveckling och tillväxt.</p>
</body></html>
HTML
soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/page-break-hyphen.html" >/dev/null 2>&1
cp "$tmp/page-break-hyphen.pdf" "$out/page-break-hyphen.pdf"

# slow-third-page.pdf: two born pages, then slow-content.pdf's page (made by make-pdf-fixtures.ts): a page that
# stalls pdf.js while earlier pages are being read (it is read ahead for the header comparison).
qpdf --empty --pages fixtures/seed-003/born.pdf 1-2 "$out/slow-content.pdf" -- "$out/slow-third-page.pdf"

# encrypted.pdf: needs a user password to open.
qpdf --encrypt secret owner-secret 256 -- "$out/two-column.pdf" "$out/encrypted.pdf"

# truncated.pdf: the first 40% of a born PDF (a download cut short).
size=$(wc -c < fixtures/seed-003/born.pdf)
head -c $((size * 4 / 10)) fixtures/seed-003/born.pdf > "$out/truncated.pdf"

# garbage.pdf: a PDF header followed by noise (no objects, no xref).
{ printf '%%PDF-1.7\n'; head -c 2000 /dev/urandom; } > "$out/garbage.pdf"

# long-1000.pdf: the two pages of two-column.pdf 500 times over (streaming, bounded memory).
set --
i=0; while [ $i -lt 500 ]; do set -- "$@" "$out/two-column.pdf" 1-2; i=$((i + 1)); done
qpdf --empty --pages "$@" -- "$out/long-1000.pdf"

# not-a-pdf.pdf: a text file with a .pdf name; empty.pdf: no bytes.
printf 'Detta är ingen PDF utan en vanlig textfil.\n' > "$out/not-a-pdf.pdf"
: > "$out/empty.pdf"
ls -l "$out"
