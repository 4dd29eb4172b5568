#!/usr/bin/env bash
# Multilingual evaluation on a sample of every shared news corpus: language detection accuracy and title
# known-item retrieval (MRR, recall@10). Fails when a corpus is missing or misses the targets
# (detection >= 0.97 on 200+ character articles, MRR >= 0.90). Skips (77) without NEWSHOUND_CORPORA.
set -euo pipefail
eval_bin=$1
src=$2
sample=${NEWSHOUND_EVAL_SAMPLE:-300}
if [ -z "${NEWSHOUND_CORPORA:-}" ]; then
  echo "NEWSHOUND_CORPORA not set: skipping the multilingual evaluation"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
corpora=(arabic-ant chinese-sogouca-sample chinese-thucnews-headlines english-bbc-news english-reuters-2006-2013
         french-masakhanews german-10kgnad hindi-bbc japanese-livedoor portuguese-fakebr-true russian-ria
         spanish-fakedes tamil-puthiyathalaimurai-headlines urdu-bend-the-truth)
for c in "${corpora[@]}"; do
  python3 "$src/scripts/convert_corpus.py" "$c" "$NEWSHOUND_CORPORA" "$tmp/$c.jsonl" --limit "$sample"
done
"$eval_bin" "$tmp"/*.jsonl | tee "$tmp/table.md"
python3 - "$tmp/table.md" "${#corpora[@]}" <<'PY'
import re, sys
rows = [l for l in open(sys.argv[1]) if l.startswith("| ") and not l.startswith("| corpus")]
failed = 0
for row in rows:
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    name, detection, mrr = cells[0], cells[3], float(cells[4])
    m = re.match(r"([0-9.]+) \(", detection)
    if m and float(m.group(1)) < 0.97:
        print("FAIL %s: detection %s below 0.97" % (name, m.group(1))); failed += 1
    if mrr < 0.90:
        print("FAIL %s: title MRR %.3f below 0.90" % (name, mrr)); failed += 1
if len(rows) != int(sys.argv[2]):
    print("FAIL: %d result rows for %s corpora" % (len(rows), sys.argv[2])); failed += 1
print("known-item evaluation: %d passed, %d failed" % (len(rows) - failed, failed))
sys.exit(1 if failed else 0)
PY
