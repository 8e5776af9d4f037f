#!/usr/bin/env python3
"""Cut the held-out documents of fixtures/heldout (clean prose, paragraphs separated by blank lines)
out of their sources; scripts/make-heldout.sh then makes their truth and OCR.

  DEB_ROOT=DIR MIRROR=DIR GIMP_PAGES=a.html,b.html,... python3 scripts/heldout-texts.py OUT

DEB_ROOT: the Debian packages cfi-sv, gimp-help-sv and kstars-data unpacked (`apt-get download`,
`dpkg-deb -x` into DIR). MIRROR: git snapshots of GITenberg/Eros-begravning_12613 and
1jss/Fri-Svensk-Bibel as <owner>+<name>/repo. Writes OUT/<register>/<doc>/source.txt and
OUT/meta.json (register, doc, words, where in the source). Sources, licences: fixtures/heldout/README.md.
"""
import html, re, subprocess, sys, os, json
OUT = sys.argv[1]
X = os.environ['DEB_ROOT'] + '/usr/share'
MIRROR = os.environ.get('MIRROR', '/work/.mirror')
INLINE = r'(i|em|b|strong|a|span|tt|code|firstterm|emphasis|acronym|abbr|font|guimenu|guimenuitem|guilabel|guibutton|keycap|filename|link|ulink|varname|literal|application|command|option|replaceable|systemitem|interface|menuchoice|shortcut|keycombo|foreignphrase|citetitle|personname|firstname|surname|phrase|cite|small|big|u)'
def clean(s):
    s = re.sub(r'<(/?)quote\b[^>]*>', '”', s)
    s = re.sub(r'<sup\b.*?</sup\s*>', '', s, flags=re.S)
    s = re.sub(r'</?' + INLINE + r'\b[^>]*>', '', s)
    s = re.sub(r'<[^>]+>', ' ', s)
    s = html.unescape(s)
    s = s.replace('\u00a0', ' ').replace('\u00ad', '')
    s = re.sub(r'\s+', ' ', s).strip()
    s = re.sub(r' ([,.;:!?»)])', r'\1', s)
    s = re.sub(r'([«(]) ', r'\1', s)
    return s
def nwords(p): return len(p.split())
def runs(paras, starts, lo=480, hi=900):
    """One run of consecutive paragraphs from each start index: at least lo words, at most hi."""
    out = []
    for s in starts:
        run, n, i = [], 0, s
        while i < len(paras) and n < lo:
            w = nwords(paras[i])
            if n + w > hi:
                if run: break
                i += 1; continue
            run.append(paras[i]); n += w; i += 1
        out.append((s, run, n))
    return out
docs = []  # (register, name, paragraphs, source note)

# fiction: Hjalmar Bergman, Eros' begravning (PG 12613, Latin-1)
t = subprocess.run(['git', f'--git-dir={MIRROR}/GITenberg+Eros-begravning_12613/repo', 'show', 'HEAD:12613-8.txt'], capture_output=True).stdout.decode('latin-1')
t = t.replace('\r', '')
t = t[t.index('*** START'):]; t = t[t.index('\n') + 1:]
t = t[:t.index('*** END')]
paras = [re.sub(r'\s+', ' ', p).strip() for p in re.split(r'\n\s*\n', t)]
paras = [p.replace('--', '\u2014').replace('_', '') for p in paras if nwords(p) >= 12 and not p.isupper() and 'Gutenberg' not in p and 'Produced by' not in p]
n = len(paras)
for k, (s, run, w) in enumerate(runs(paras, [int(n * f) for f in (0.02, 0.16, 0.30, 0.45, 0.60, 0.75, 0.90)])):
    docs.append(('fiction', f'eros-{k+1:02d}', run, f"Hjalmar Bergman, Eros' begravning (1915), paragraphs {s+1}–{s+len(run)} of {n}"))

# religious: Bibeln 1917 (Fri-Svensk-Bibel, commit 20fad822, folder 1917)
BOOKS = {'01': ('1 Mos', 37), '08': ('Rut', 1), '09': ('1 Sam', 17), '32': ('Jona', 1), '42': ('Luk', 15), '44': ('Apg', 27), '45': ('Rom', 12)}
for k, (b, (name, ch)) in enumerate(BOOKS.items()):
    t = subprocess.run(['git', f'--git-dir={MIRROR}/1jss+Fri-Svensk-Bibel/repo', 'show', f'20fad822c9b13a4cbcda0f6e8e56e0b3ab0bff56:1917/{b}.html'], capture_output=True).stdout.decode('utf-8')
    t = html.unescape(re.sub(r'</?pre>', '', t))
    chapters = re.split(r'\n\s*\S[^\n]*, (\d+) Kapitlet\s*\n', t)
    # chapters = [pre, num, body, num, body, ...]
    body = dict(zip(chapters[1::2], chapters[2::2]))
    text = body[str(ch)]
    # drop the italic chapter summary (indented lines before the first verse)
    text = text[re.search(r'^\s+1\.\s', text, re.M).start():]
    paras = []
    for block in re.split(r'\n\s*\n', text):
        verses = re.sub(r'(^|\n)\s+\d+\.\s+', ' ', block)
        p = re.sub(r'\s+', ' ', verses).strip()
        if p: paras.append(p)
    (s, run, w), = runs(paras, [0], lo=450, hi=1000)
    docs.append(('religious', f'bibel1917-{name.lower().replace(" ", "")}-{ch}', run, f'Bibeln 1917, {name} {ch}' + ('' if len(run) == len(paras) else f' (paragraphs 1–{len(run)} of {len(paras)})')))

# popular science: KStars handbook, AstroInfo (sv)
KENT = {'&kstars;': 'KStars', '&kde;': 'KDE', '&Kepler;': 'Kepler', '&Hubble;': 'Hubble'}
for k, f in enumerate(['blackbody', 'colorandtemp', 'darkmatter', 'stars', 'spiralgalaxies', 'magnitude', 'lightcurves']):
    t = open(f'{X}/doc/HTML/sv/kstars/{f}.docbook', encoding='utf-8').read()
    for a, b in KENT.items(): t = t.replace(a, b)
    t = re.sub(r'<(informalequation|equation|mediaobject|screenshot|table|informaltable)\b.*?</\1\s*>', ' ', t, flags=re.S)
    paras = [clean(p) for p in re.findall(r'<para\s*>(.*?)</para\s*>', t, re.S)]
    paras = [p for p in paras if nwords(p) >= 8 and '&' not in p and not re.search(r'[=^]', p)]
    (s, run, w), = runs(paras, [0], lo=400, hi=950)
    docs.append(('popular-science', f'kstars-{f}', run, f'KStars handbook (sv), AstroInfo: {f}.docbook'))

# software manual: GIMP 2.10 user manual (sv)
def gimp_paras(f):
    t = open(f'{X}/gimp/2.0/help/sv/{f}', encoding='utf-8').read()
    t = re.sub(r'<(div class="(figure|informalfigure|mediaobject|navheader|navfooter|example|table|informaltable)"|pre)\b.*?</(div|pre)>', ' ', t, flags=re.S)
    ps = [clean(p) for p in re.findall(r'<p\b[^>]*>(.*?)</p>', t, re.S)]
    EN = set('the of and to is in that you for with this are can be on it as by an or which from will if your'.split())
    SV = set('och att det som en är av för på med till den kan du i om har inte ett eller de när'.split())
    sv = lambda p: sum(w.lower() in SV for w in p.split()) > sum(w.lower() in EN for w in p.split())
    return [p for p in ps if nwords(p) >= 8 and sv(p) and not re.match(r'(Figur|Figure|Bild \d)', p) and 'http' not in p]
# GIMP_PAGES: pages whose prose is all Swedish (parts of the translation are still English) and
# 450+ words; picked were gimp-concepts-docks, -main-windows, -undo, gimp-filter-desaturate,
# gimp-fire-up, gimp-first-steps, gimp-scripting.
for f in os.environ.get('GIMP_PAGES', '').split(','):
    if not f: continue
    ps = gimp_paras(f)
    (s, run, w), = runs(ps, [0], lo=450, hi=950)
    docs.append(('software-manual', f.replace('.html', ''), run, f'GIMP 2.10 user manual (sv), {f}'))

# popular non-fiction: Copyright finns inte (cfi-sv)
t = open(f'{X}/doc/cfi-sv/cfi.html', encoding='latin-1').read() if b'\xc3' not in open(f'{X}/doc/cfi-sv/cfi.html', 'rb').read()[:200000] else open(f'{X}/doc/cfi-sv/cfi.html', encoding='utf-8').read()
ps = [clean(p) for p in re.findall(r'<p\b[^>]*>(.*?)(?=<p\b|</p>|<h\d)', t, re.S | re.I)]
ps = [re.sub(r'(?<=[.!?"”]) \d{1,3}(?= |$)', '', p) for p in ps if nwords(p) >= 15 and 'http' not in p and 'www.' not in p]
n = len(ps)
for k, (s, run, w) in enumerate(runs(ps, [int(n * f) for f in (0.05, 0.18, 0.32, 0.46, 0.60, 0.74, 0.88)])):
    docs.append(('essay', f'cfi-{k+1:02d}', run, f'Linus Walleij, Copyright finns inte v3.0, paragraphs {s+1}–{s+len(run)} of {n}'))

meta = []
for reg, name, run, note in docs:
    d = f'{OUT}/{reg}/{name}'
    os.makedirs(d, exist_ok=True)
    open(f'{d}/source.txt', 'w', encoding='utf-8').write('\n\n'.join(run) + '\n')
    meta.append({'register': reg, 'doc': name, 'words': sum(map(nwords, run)), 'source': note})
json.dump(meta, open(f'{OUT}/meta.json', 'w'), ensure_ascii=False, indent=1)
for m in meta: print(m['register'], m['doc'], m['words'])
