#!/usr/bin/env bash
# Ranking quality on Cranfield (trec_eval conventions, strict judgments: codes 1-4 relevant with grade
# 5 - code): a plain-BM25 baseline (Xapian's default k1 = 1, b = 0.5) and the tuned defaults, both run by
# `newshound eval`. Fails when the tuned ranking is below the baseline on nDCG@10 or MAP, or when the
# corpus is missing. Skips (77) without NEWSHOUND_CORPORA.
set -euo pipefail
bin=$1
src=$2
if [ -z "${NEWSHOUND_CORPORA:-}" ]; then
  echo "NEWSHOUND_CORPORA not set: skipping the Cranfield evaluation"
  exit 77
fi
corpus="$NEWSHOUND_CORPORA/cranfield"
[ -f "$corpus/cran.all.1400" ] || { echo "FAIL: $corpus/cran.all.1400 not found" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$src/scripts/convert_cranfield.py" "$corpus" "$tmp"
# Two Cranfield records have no text at all: they are skipped (exit 3), everything else is indexed.
"$bin" index --db "$tmp/db" "$tmp/cranfield.jsonl" 2> "$tmp/index.log" || [ $? = 3 ]
grep -q "1398 added" "$tmp/index.log" || { cat "$tmp/index.log" >&2; exit 1; }
echo "| run | k1 | b | queries | nDCG@10 | MAP | MRR | recall@100 |"
echo "|---|---|---|---|---|---|---|---|"
"$bin" eval --db "$tmp/db" --queries "$tmp/queries.tsv" --qrels "$tmp/qrels.txt" --k1 1 --b 0.5 \
  --label "plain BM25 (Xapian defaults)" | tee "$tmp/baseline.md"
"$bin" eval --db "$tmp/db" --queries "$tmp/queries.tsv" --qrels "$tmp/qrels.txt" --label "newshound (tuned)" \
  | tee "$tmp/tuned.md"
python3 - "$tmp/baseline.md" "$tmp/tuned.md" <<'PY'
import sys
def cells(path):
    row = [c.strip() for c in open(path).read().strip().strip("|").split("|")]
    return {"ndcg": float(row[4]), "map": float(row[5])}
base, tuned = cells(sys.argv[1]), cells(sys.argv[2])
for m in ("ndcg", "map"):
    print("%s: tuned %.4f vs baseline %.4f (%+.1f%%)" % (m, tuned[m], base[m], 100 * (tuned[m] / base[m] - 1)))
sys.exit(0 if tuned["ndcg"] >= base["ndcg"] and tuned["map"] >= base["map"] else 1)
PY
