#!/usr/bin/env bash
# kill -9 during `newshound index`: every committed batch survives, the index checks clean, and re-running
# the same command completes the archive without duplicates. Also `newshound delete` exit codes.
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
total=20000
batch=500
python3 - "$tmp/many.jsonl" "$total" <<'PY'
import json, sys
words = "harbour storm council election market drone energy grain talks strike ferry school wind rail".split()
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        w = [words[(i * 7 + k) % len(words)] for k in range(12)]
        f.write(json.dumps({"id": "gen-%d" % i, "title": "Story %d about %s" % (i, w[0]),
                            "body": " ".join(w * 20) + " number%d." % i, "published": "2025-09-01T10:00:00Z",
                            "topics": [w[1].title()], "language": "en"}) + "\n")
PY
count() { xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p'; }
# A new index is built by parallel writers into shard folders beside it, merged at the end (or, after a
# crash, by the next run): committed articles are in the index or in its shards.
count_all() {
  local n m
  n=$(count "$1" || true)
  n=${n:-0}
  for shard in "$1".newshound-shard-*; do
    [ -d "$shard" ] || continue
    m=$(count "$shard" || true)
    n=$((n + ${m:-0}))
  done
  echo "$n"
}

"$bin" index --db "$tmp/db" --batch-size "$batch" "$tmp/many.jsonl" 2>"$tmp/log1" &
pid=$!
# Wait for at least one committed batch, then kill without warning.
for _ in $(seq 1 200); do
  n=$(count_all "$tmp/db")
  [ "$n" -ge "$batch" ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
for d in "$tmp/db" "$tmp"/db.newshound-shard-*; do
  [ -d "$d" ] || continue
  xapian-check "$d" >/dev/null || fail "xapian-check of $d failed after kill -9"
done
n=$(count_all "$tmp/db")
[ "$n" -gt 0 ] && [ "$n" -lt "$total" ] || fail "interrupted index has $n documents (want 0 < n < $total: the kill came too late?)"
[ $((n % batch)) = 0 ] || fail "interrupted index has $n documents, not a whole number of $batch-article batches"
echo "killed after $n committed documents"

"$bin" index --db "$tmp/db" --batch-size "$batch" "$tmp/many.jsonl" 2>"$tmp/log2" || fail "re-run exited $?"
grep -q "$((total - n)) added, 0 updated, $n unchanged, 0 skipped; $total documents" "$tmp/log2" || fail "re-run: $(tail -2 "$tmp/log2")"
xapian-check "$tmp/db" >/dev/null || fail "xapian-check failed after the re-run"
ls -d "$tmp"/db.newshound-shard-* >/dev/null 2>&1 && fail "shards left after the re-run"

"$bin" delete --db "$tmp/db" --id gen-1 --id gen-2 2>/dev/null || fail "delete of two ids exited $?"
[ "$(count "$tmp/db")" = $((total - 2)) ] || fail "delete did not remove two documents"
set +e
"$bin" delete --db "$tmp/db" --id gen-1 2>/dev/null; rc=$?
set -e
[ "$rc" = 3 ] || fail "deleting a missing id exited $rc, expected 3"
echo "interrupt: 1 passed, 0 failed"
