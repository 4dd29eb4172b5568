#!/usr/bin/env bash
# kill -9 during `newshound index`, several times at random points: every committed batch survives, the
# folders pass xapian-check, and re-running the same command completes the archive without duplicates
# (newshound check). Searches running all the while never fail. Also `newshound delete` exit codes.
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

# Searches run all along and must never fail: commits, the merge of the shards and compaction happen
# under them (a failure is recorded, the loop goes on).
searching="$tmp/searching"
touch "$searching"
(
  while [ -f "$searching" ]; do
    if [ -f "$tmp/db/iamglass" ]; then
      if "$bin" search --db "$tmp/db" storm >/dev/null 2>>"$tmp/search.err"; then echo ok >>"$tmp/search.ok"
      else echo "exit $?" >>"$tmp/search.failures"; fi
    else
      sleep 0.02
    fi
  done
) &
searcher_pid=$!
stop_searching() { rm -f "$searching"; wait "$searcher_pid" 2>/dev/null || true; }

# kill -9 at a random point of each run, several times: each time the folders check clean and hold whole
# batches, and the next run goes on from there.
rounds=3
n=0
for round in $(seq 1 "$rounds"); do
  target=$((n + batch + (RANDOM % 3) * batch + RANDOM % batch))
  "$bin" index --db "$tmp/db" --batch-size "$batch" "$tmp/many.jsonl" 2>"$tmp/log-kill$round" &
  pid=$!
  for _ in $(seq 1 600); do
    now=$(count_all "$tmp/db")
    [ "$now" -ge "$target" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for d in "$tmp/db" "$tmp"/db.newshound-shard-*; do
    [ -d "$d" ] || continue
    # A kill in the moment between a shard folder's creation and Xapian's first file in it leaves a folder
    # with no database: nothing was written there, and the next run's merge removes it.
    [ "$d" != "$tmp/db" ] && [ ! -e "$d/iamglass" ] && continue
    xapian-check "$d" >/dev/null || { stop_searching; fail "xapian-check of $d failed after kill -9 in round $round"; }
  done
  previous=$n
  n=$(count_all "$tmp/db")
  [ "$n" -gt "$previous" ] && [ "$n" -lt "$total" ] \
    || { stop_searching; fail "round $round: $n documents after the kill (had $previous, want more but under $total)"; }
  # The first run builds shards and dies before merging them: exactly its committed batches. Later kills
  # may land between a merge's swap and its removal of the shards, where index and shards both count.
  [ "$round" -gt 1 ] || [ $((n % batch)) = 0 ] || { stop_searching; fail "$n documents, not whole $batch-article batches"; }
  echo "round $round: killed with $n documents in the index and its shards"
done

"$bin" index --db "$tmp/db" --batch-size "$batch" "$tmp/many.jsonl" 2>"$tmp/log2" || { stop_searching; fail "re-run exited $?"; }
stop_searching
# Every article exactly once: the counts add up and the index holds $total documents.
summary=$(grep -o "[0-9]* added, 0 updated, [0-9]* unchanged, 0 skipped; $total documents" "$tmp/log2") \
  || fail "re-run: $(tail -2 "$tmp/log2")"
added=${summary%% added*}
unchanged=$(echo "$summary" | sed 's/.*updated, \([0-9]*\) unchanged.*/\1/')
[ $((added + unchanged)) = "$total" ] || fail "re-run added $added and left $unchanged unchanged, not $total"
[ "$unchanged" -gt 0 ] || fail "re-run found nothing the killed runs had committed"
xapian-check "$tmp/db" >/dev/null || fail "xapian-check failed after the re-run"
# Nothing beside the index but its run lock: no shard, no half-removed shard, no compaction folder.
left=$(cd "$tmp" && ls -d db.newshound-* 2>/dev/null | grep -v '^db\.newshound-lock$' || true)
[ -z "$left" ] || fail "left beside the index after the re-run: $left"
# Every article once, each as its record says: the integrity check re-analyses them all.
"$bin" check --db "$tmp/db" --skip-xapian-check >"$tmp/check" || fail "newshound check after the re-run: $(cat "$tmp/check")"
if [ -s "$tmp/search.failures" ]; then
  fail "$(wc -l <"$tmp/search.failures") searches failed while indexing: $(sort "$tmp/search.err" | uniq -c | head -5)"
fi
[ -s "$tmp/search.ok" ] || fail "no search ran while indexing"
echo "searches during the runs: $(wc -l <"$tmp/search.ok"), none failed"

"$bin" delete --db "$tmp/db" --id gen-1 --id gen-2 2>/dev/null || fail "delete of two ids exited $?"
[ "$(count "$tmp/db")" = $((total - 2)) ] || fail "delete did not remove two documents"
set +e
"$bin" delete --db "$tmp/db" --id gen-1 2>/dev/null; rc=$?
set -e
[ "$rc" = 3 ] || fail "deleting a missing id exited $rc, expected 3"
echo "interrupt: 1 passed, 0 failed"
