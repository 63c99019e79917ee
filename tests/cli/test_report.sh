#!/bin/bash
# test_report.sh: OUT/report.html (issue 9): self-contained (no script, no fetch from the
# network), the findings in words with numbers counted here from the input files, the maps
# inline, every name escaped (an actor called <script> or "><img onerror=...> shows as text),
# and opened in a real browser: headless Chromium (Debian's chromium) loads the page, its DOM
# text holds the findings and the hostile names as text, no console message is logged, and a
# screenshot is taken (kept in $BRIDGEMAP_SCREENSHOT_DIR when that is set).
# Run: bash tests/cli/test_report.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

FJ=$SRC/datasets/fjordvik
run analyze "$FJ/records.csv" --actors "$FJ/actors.csv" -o fj --title "Fjordvik: who works with whom" -q
assert_exit 0 "analyze fjordvik"
assert_file_exists fj/report.html "report.html is written"

# the public sector's ties inside and out, counted here from the input files (distinct pairs,
# no self-ties), and the sentence the report must say about it
want=$("$PY" - "$FJ" <<'PY'
import csv, sys
d = sys.argv[1]
sector = {r['id']: r['sector'] for r in csv.DictReader(open(d + '/actors.csv', encoding='utf-8'))}
pairs = set()
for r in csv.DictReader(open(d + '/records.csv', encoding='utf-8')):
    if r['source'] != r['target']:
        pairs.add(frozenset((r['source'], r['target'])))
inside = sum(1 for p in pairs if all(sector[a] == 'public' for a in p))
out = sum(1 for p in pairs if sum(sector[a] == 'public' for a in p) == 1)
# members' side (Krackhardt & Stern 1988; UCINET): a tie inside counts for both its members
mi = 2 * inside
print(f"public has {round(100 * mi / (mi + out))}% of its members' ties inside the group "
      f"(E-I {(out - mi) / (out + mi):.2f}; {inside} ties inside, {out} to other groups)")
PY
)
got=$("$PY" - fj/report.html <<'PY'
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.text = []; self.tags = set(); self.urls = []
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for k, v in attrs:
            if k in ('src', 'href', 'xlink:href', 'action') and v and ':' in v.split('#')[0]:
                self.urls.append(v)
    def handle_data(self, d): self.text.append(d)
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
text = ' '.join(' '.join(p.text).split())
print('script' in p.tags, 'iframe' in p.tags, p.urls[:3], sep='|')
import re
m = re.search(r"public has .*? to other groups\)", text)
print(m.group(0) if m else 'no sentence')
print(all(h in text for h in ["Findings", "The groups", "Silos: one box per group", "Everyone",
      "Density of ties within and between groups", "Groups", "Brokers", "Who holds the groups together",
      "Methods", "Gould", "Freeman"]))
print(sum(1 for t in ['svg'] if t in p.tags), open(sys.argv[1], encoding='utf-8').read().count('<svg'))
PY
)
assert_eq "$(echo "$got" | sed -n 1p)" "False|False|[]" "no script, no iframe, no URL to fetch"
assert_eq "$(echo "$got" | sed -n 2p)" "$want" "the finding on the public sector, counted from the input"
assert_eq "$(echo "$got" | sed -n 3p)" "True" "every section is there"
assert_eq "$(echo "$got" | sed -n 4p)" "1 3" "the three maps are inline SVG"
assert_file_contains fj/report.html "Content-Security-Policy" "a CSP forbids scripts and fetches"

# ---- hostile names --------------------------------------------------------------------------
cat > ev_actors.csv <<'CSV'
id,name,sector
a1,<script>alert(1)</script>,public
a2,"""><img src=x onerror=alert(2)>",private
a3,Ann & Bo,<b>bold</b>
a4,Dorte,public
a5,Eva,private
CSV
printf 'source,target\na1,a2\na2,a3\na3,a4\na4,a5\na1,a4\na2,a5\na1,a3\n' > ev_records.csv
run analyze ev_records.csv --actors ev_actors.csv -o ev -q
assert_exit 0 "analyze with hostile names"
raw=$(cat ev/report.html)
case $raw in *"<script"*|*"<img"*|*"<b>bold"*) fail "a name reached the HTML as markup" ;; *) pass ;; esac
got=$("$PY" - ev/report.html <<'PY'
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.text = []; self.tags = set()
    def handle_starttag(self, tag, attrs): self.tags.add(tag)
    def handle_data(self, d): self.text.append(d)
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
text = ''.join(p.text)
print('<script>alert(1)</script>' in text, '"><img src=x onerror=alert(2)>' in text,
      '<b>bold</b>' in text, 'Ann & Bo' in text, 'script' in p.tags, 'img' in p.tags)
PY
)
assert_eq "$got" "True True True True False False" "hostile names appear as text, never as elements"

# ---- a real browser -------------------------------------------------------------------------
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
    fail "chromium is not installed (make test-deps installs Debian's chromium)"
    finish
fi
browse() { # browse FILE OUTPREFIX: DOM on OUTPREFIX.dom, log on OUTPREFIX.log, shot OUTPREFIX.png
    local home=$T/chrome-home
    mkdir -p "$home"
    HOME=$home timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --disable-extensions --disable-background-networking --disable-sync \
        --user-data-dir="$home/profile" --enable-logging=stderr --v=0 \
        --virtual-time-budget=3000 --dump-dom "file://$T/$1" > "$2.dom" 2> "$2.log"
    HOME=$home timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --disable-extensions --user-data-dir="$home/profile" --hide-scrollbars \
        --window-size=1280,3000 --screenshot="$T/$2.png" "file://$T/$1" >/dev/null 2>> "$2.log"
}
browse fj/report.html fjb
got=$("$PY" - fjb.dom <<'PY'
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.text = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in ('style',): self.skip += 1
    def handle_endtag(self, tag):
        if tag in ('style',): self.skip -= 1
    def handle_data(self, d):
        if not self.skip: self.text.append(d)
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
text = ' '.join(' '.join(p.text).split())
print(len(text) > 2000, 'public has' in text, 'Findings' in text, 'E-I index' in text)
PY
)
assert_eq "$got" "True True True True" "Chromium loads the report and its text holds the findings"
assert_eq "$(grep -c 'CONSOLE' fjb.log)" "0" "no console message (errors, CSP violations) while loading"
assert_true "a screenshot is taken" test -s fjb.png
browse ev/report.html evb
got=$("$PY" - evb.dom <<'PY'
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.text = []; self.tags = {}
    def handle_starttag(self, tag, attrs): self.tags[tag] = self.tags.get(tag, 0) + 1
    def handle_data(self, d): self.text.append(d)
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
text = ''.join(p.text)
print('<script>alert(1)</script>' in text, 'onerror=alert(2)' in text, p.tags.get('script', 0), p.tags.get('img', 0))
PY
)
assert_eq "$got" "True True 0 0" "in the browser the hostile names are text: no script or img element"
assert_eq "$(grep -c 'CONSOLE' evb.log)" "0" "no console message for the hostile page"
# compare's report (the Change section) in the browser too
run compare "$FJ/records.csv" --actors "$FJ/actors.csv" --split-date 2024-01-01 -o cmp -q
assert_exit 0 "compare writes its report"
browse cmp/report.html cmpb
got=$("$PY" - cmpb.dom <<'PY'
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.text = []
    def handle_data(self, d): self.text.append(d)
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
text = ' '.join(' '.join(p.text).split())
print('Change' in text, 'Ties across groups rose' in text)
PY
)
assert_eq "$got" "True True" "Chromium shows compare's Change section with its verdict"
assert_eq "$(grep -c 'CONSOLE' cmpb.log)" "0" "no console message for compare's report"
if [ -n "${BRIDGEMAP_SCREENSHOT_DIR:-}" ]; then
    mkdir -p "$BRIDGEMAP_SCREENSHOT_DIR" && cp fjb.png evb.png cmpb.png "$BRIDGEMAP_SCREENSHOT_DIR"/
fi
finish
