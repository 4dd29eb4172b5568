#!/usr/bin/env bash
# Corpus scale: index all 21,578 Reuters-21578 stories from the SGML files themselves, and check that topic
# filters return exactly the stories tagged with each topic, as scripts/convert_reuters21578.py (a separate
# reading of the SGML, in Python) tags them, and that every story carries the title and date it gives. Skips (77) when NEWSHOUND_CORPORA is unset; fails when it is set wrong.
set -euo pipefail
bin=$1
src=$2
if [ -z "${NEWSHOUND_CORPORA:-}" ]; then
  echo "NEWSHOUND_CORPORA not set: skipping the Reuters-21578 corpus test"
  exit 77
fi
corpus="$NEWSHOUND_CORPORA/reuters21578"
if ! ls "$corpus"/reut2-*.sgm >/dev/null 2>&1; then
  echo "FAIL: NEWSHOUND_CORPORA=$NEWSHOUND_CORPORA has no reuters21578/reut2-*.sgm" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$src/scripts/convert_reuters21578.py" "$corpus" "$tmp/reuters.jsonl"
stories=$(wc -l < "$tmp/reuters.jsonl")
[ "$stories" = 21578 ] || { echo "FAIL: converted $stories stories, expected 21578" >&2; exit 1; }

start=$(date +%s.%N)
"$bin" index --db "$tmp/db" "$corpus"/reut2-*.sgm 2> "$tmp/index.log" || { cat "$tmp/index.log" >&2; exit 1; }
end=$(date +%s.%N)
grep -q "21578 added, 0 updated, 0 unchanged, 0 skipped; 21578 documents" "$tmp/index.log" || { cat "$tmp/index.log" >&2; exit 1; }
echo "indexed 21578 stories from the SGML in $(awk "BEGIN{printf \"%.1f\", $end - $start}") s"
xapian-check "$tmp/db" > /dev/null

python3 - "$bin" "$tmp/db" "$tmp/reuters.jsonl" "$corpus" <<'PY'
import collections, glob, json, re, subprocess, sys, time
bin, db, jsonl, corpus = sys.argv[1:5]
tagged = collections.defaultdict(set)
for line in open(jsonl, encoding="utf-8"):
    a = json.loads(line)
    for t in a.get("topics", []):
        tagged[t].add(a["id"])

def search(*args):
    out = subprocess.run([bin, "search", "--db", db, "--json", *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)

failures = 0
# ORGS become topic facets too: count the stories tagged opec in the SGML itself (TOPICS or ORGS).
raw_opec = 0
for path in glob.glob(corpus + "/reut2-*.sgm"):
    for block in re.findall(r"<REUTERS.*?</REUTERS>", open(path, encoding="latin-1").read(), re.S):
        cats = re.findall(r"<(?:TOPICS|ORGS)>(.*?)</(?:TOPICS|ORGS)>", block, re.S)
        raw_opec += any("<D>opec</D>" in c for c in cats)
print("opec in SGML TOPICS or ORGS: %d stories, in the converted topics: %d" % (raw_opec, len(tagged["opec"])))
failures += raw_opec != len(tagged["opec"]) or raw_opec == 0
for topic in ["cocoa", "gold", "coffee", "ship", "earn", "opec"]:
    want = tagged[topic]
    got, page = set(), 1
    while True:
        j = search("--topic", topic, "--all-copies", "--page-size", "100", "--page", str(page))
        got |= {h["id"] for h in j["hits"]}
        if len(j["hits"]) < 100 or page * 100 >= 10000:
            break
        page += 1
    total = j["total"]
    ok = total == len(want) and (got == want if len(want) <= 10000 else True)
    collapsed = search("--topic", topic, "--page-size", "1")["total"]
    print("topic %-6s expected %5d, total %5d, ids %s; %d after collapsing near-duplicates"
          % (topic, len(want), total, "match" if got == want else "DIFFER", collapsed))
    failures += not ok
# Titles and dates of a sample of stories, by id, as the Python reading has them.
stories = [json.loads(line) for line in open(jsonl, encoding="utf-8")]
checked = mismatched = 0
for a in stories[::500]:
    if not a.get("title") or not re.search(r"[A-Za-z]{3}", a["title"]):
        continue
    # The title's words, all of which the story matches; it ranks among the first 100.
    hits = search("--all-copies", "--page-size", "100", *re.findall(r"[A-Za-z]{2,}", a["title"]))["hits"]
    hit = next((h for h in hits if h["id"] == a["id"]), None)
    checked += 1
    if hit is None or hit["title"] != a["title"] or hit.get("published", "").replace("+00:00", "Z") != a.get("published", ""):
        mismatched += 1
        print("story %s: indexed %r, the Python reading has %r %r" % (a["id"], hit and (hit["title"], hit.get("published")), a["title"], a.get("published")))
print("sampled stories with the Python reading's title and date: %d of %d" % (checked - mismatched, checked))
failures += mismatched > 0 or checked < 30
# The facet count for a topic equals the number of stories tagged with it.
j = search("cocoa", "--page-size", "1")
facet = {f["value"]: f["count"] for f in j["facets"]["topic"]}
cocoa_matches_tagged = facet.get("cocoa", 0)
print("query 'cocoa': %d hits, of which facet says %d tagged cocoa" % (j["total"], cocoa_matches_tagged))
failures += not (0 < cocoa_matches_tagged <= len(tagged["cocoa"]))
times = []
for q in ["oil prices", "\"interest rates\"", "gold -silver", "Bundesbank", "trade deficit japan"]:
    t = time.perf_counter(); search(*q.split()); times.append((time.perf_counter() - t) * 1000)
print("query wall times incl. process start (ms): " + ", ".join("%.1f" % t for t in times))
sys.exit(1 if failures else 0)
PY
echo "reuters21578: 1 passed, 0 failed"
