#!/usr/bin/env bash
# A read replica kept in sync by xapian-replicate-server / xapian-replicate on 127.0.0.1 while the indexer
# keeps writing (`index --changesets`): batches arrive as changesets, a compaction forces a full copy (the
# replica switches copies), and `serve` and `search` on the replica never fail meanwhile. At the end the
# replica answers exactly like the master and checks clean.
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
pids=()
cleanup() {
  rm -f "$tmp/searching"
  for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] && echo "kept $tmp" || rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$tmp/replicate.log" ] && tail -5 "$tmp/replicate.log" >&2; exit 1; }
source "$(dirname "$0")/lib.sh"
count() { xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p'; }
batches=7
per_batch=300
python3 - "$tmp" "$batches" "$per_batch" <<'PY'
import json, sys
out, batches, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
words = "harbour storm council election market drone energy grain talks strike ferry school wind rail".split()
for b in range(batches):
    with open("%s/batch%d.jsonl" % (out, b), "w") as f:
        for j in range(per):
            i = b * per + j
            w = [words[(i * 7 + k) % len(words)] for k in range(12)]
            f.write(json.dumps({"id": "rep-%d" % i, "title": "Story %d about %s" % (i, w[0]),
                                "body": " ".join(w * 10) + " number%d." % i,
                                "published": "2025-09-%02dT10:00:00Z" % (1 + b), "topics": [w[1].title()],
                                "language": "en"}) + "\n")
PY

# 1. The master keeps changesets; the replication server serves the folder that holds it.
mkdir -p "$tmp/masters"
master="$tmp/masters/news"
"$bin" index --db "$master" --changesets 100 --batch-size 100 "$tmp/batch0.jsonl" 2>"$tmp/index0.log" || fail "first index exited $?"
rport=$(free_port)
setsid xapian-replicate-server -I 127.0.0.1 -p "$rport" "$tmp/masters" >"$tmp/replicate-server.log" 2>&1 &
pids+=($!)
wait_port "$rport" || fail "xapian-replicate-server did not start"

# 2. The first copy, then the replica kept in sync: every second, no wait for readers between changesets.
replica="$tmp/replica"
xapian-replicate -h 127.0.0.1 -p "$rport" -m news -o "$replica" >"$tmp/replicate.log" 2>&1 || fail "first replication exited $?"
[ "$(count "$replica")" = "$per_batch" ] || fail "the first copy holds $(count "$replica") documents, not $per_batch"
setsid xapian-replicate -h 127.0.0.1 -p "$rport" -m news -i 1 -r 0 -v "$replica" >>"$tmp/replicate.log" 2>&1 &
pids+=($!)

# 3. A query server on the replica, and searches in a loop, over HTTP and from the command line.
start_serve "$tmp/serve.log" --db "$replica"
pids+=("$server")
touch "$tmp/searching"
(
  while [ -f "$tmp/searching" ]; do
    if code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/search?q=storm+harbour&topic=Storm") &&
       [ "$code" = 200 ]; then echo ok >>"$tmp/search.ok"; else echo "http $code" >>"$tmp/search.failures"; fi
    if "$bin" search --db "$replica" --json grain >/dev/null 2>>"$tmp/search.err"; then echo ok >>"$tmp/search.ok"
    else echo "cli exit $?" >>"$tmp/search.failures"; fi
  done
) &
searcher=$!

# 4. The indexer goes on writing: batches in small commits, then a compaction (a new database, which the
#    replica must copy whole), then more batches on the compacted index.
compact_batch=$((batches - 2))
for b in $(seq 1 $((batches - 1))); do
  mode=never
  [ "$b" = "$compact_batch" ] && mode=always
  "$bin" index --db "$master" --changesets 100 --batch-size 50 --compact "$mode" "$tmp/batch$b.jsonl" 2>"$tmp/index$b.log" \
    || fail "index of batch $b exited $?"
  sleep 1.5
done
total=$((batches * per_batch))
[ "$(count "$master")" = "$total" ] || fail "the master holds $(count "$master") documents, not $total"
ls "$master"/changes* >/dev/null 2>&1 || fail "the master wrote no changesets"

# 5. The replica catches up.
for _ in $(seq 1 60); do
  [ "$(count "$replica")" = "$total" ] && break
  sleep 0.5
done
rm -f "$tmp/searching"
wait "$searcher" || true
[ "$(count "$replica")" = "$total" ] || fail "the replica holds $(count "$replica") documents, the master $total"
# The compaction makes the running replica copy the database again (the first copy is not in the log).
copies=$(grep -c "Update complete: [1-9][0-9]* copies" "$tmp/replicate.log" || true)
[ "$copies" -ge 1 ] || fail "the compaction did not make the replica copy the database whole"
changesets=$(sed -n 's/.*Update complete: [0-9]* copies, \([0-9]*\) changesets.*/\1/p' "$tmp/replicate.log" | awk '{ n += $1 } END { print n + 0 }')
[ "$changesets" -gt 0 ] || fail "no changeset was applied to the replica"
if [ -s "$tmp/search.failures" ]; then
  fail "$(wc -l <"$tmp/search.failures") of $(($(wc -l <"$tmp/search.failures") + $(wc -l <"$tmp/search.ok"))) searches on the replica failed: $(sort "$tmp/search.failures" | uniq -c | head -3) $(sort "$tmp/search.err" | uniq -c | head -3)"
fi
searches=$(wc -l <"$tmp/search.ok")
[ "$searches" -ge 20 ] || fail "only $searches searches ran during replication"

# 6. The replica answers like the master, through the server that stayed up all along, and checks clean.
for q in "q=storm+harbour" "q=grain&sort=date" "q=number1234" "q=&topic=Ferry&page=3"; do
  got=$(curl -sf "http://127.0.0.1:$port/api/search?$q" | python3 -c 'import json, sys; j = json.load(sys.stdin); print(j["total"], [h["id"] for h in j["hits"]])')
  args=$(python3 -c 'import sys, urllib.parse; p = dict(urllib.parse.parse_qsl(sys.argv[1], keep_blank_values=True)); a = []
for k, v in p.items():
    a += {"q": [v] if v else [], "sort": ["--sort", v], "topic": ["--topic", v], "page": ["--page", v]}[k]
print("\n".join(a))' "$q")
  mapfile -t argv <<<"$args"
  want=$("$bin" search --db "$master" --json "${argv[@]}" | python3 -c 'import json, sys; j = json.load(sys.stdin); print(j["total"], [h["id"] for h in j["hits"]])')
  [ "$got" = "$want" ] || fail "'$q' on the replica: $got; on the master: $want"
done
"$bin" check --db "$replica" >"$tmp/check" || fail "newshound check of the replica: $(cat "$tmp/check")"
echo "replica: $total documents in sync after $changesets changesets and $copies full copies; $searches searches meanwhile, none failed"
