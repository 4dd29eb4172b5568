#!/usr/bin/env bash
# docs/deploy.md, step by step on 127.0.0.1: shards by month, one served by xapian-tcpsrv, a stub file
# listing them, `newshound serve` on the stub; a backup taken while serving; a shard rebuilt and swapped
# in, and a shard added, both while serving. Each step is checked against one index of the same articles.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
source "$(dirname "$0")/lib.sh"
total() { python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'; }
ids() { python3 -c 'import json, sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))'; }

articles="$src/tests/fixtures/articles.jsonl"
grep '"published":"2025-08' "$articles" >"$tmp/2025-08.jsonl"
grep '"published":"2025-09' "$articles" >"$tmp/2025-09.jsonl"
[ -s "$tmp/2025-08.jsonl" ] && [ -s "$tmp/2025-09.jsonl" ] || fail "fixtures lack August or September articles"

# 1. One index per month, and one index of everything to compare with.
mkdir -p "$tmp/srv"
for month in 2025-08 2025-09; do
  "$bin" index --db "$tmp/srv/$month" "$tmp/$month.jsonl" 2>/dev/null || fail "index $month exited $?"
done
"$bin" index --db "$tmp/all" "$articles" 2>/dev/null || fail "index of everything exited $?"

# 2. August on xapian-tcpsrv (its own process group: on SIGTERM it signals its group).
shard_port=$(free_port)
setsid xapian-tcpsrv --interface 127.0.0.1 --port "$shard_port" --quiet "$tmp/srv/2025-08" >/dev/null 2>&1 &
pids+=($!)
wait_port "$shard_port" || fail "xapian-tcpsrv did not start"

# 3. The stub file and the web server on it.
printf '# the archive\nremote 127.0.0.1:%s\nauto %s\n' "$shard_port" "$tmp/srv/2025-09" >"$tmp/srv/archive.stub"
start_server() {
  start_serve "$tmp/serve.log" --db "$tmp/srv/archive.stub"
  pids+=("$server")
}
start_server
api() { curl -sf "http://127.0.0.1:$port/api/search?$1"; }
for q in ukraine strike "grain exports" ""; do
  want=$("$bin" search --db "$tmp/all" --json "$q" | total)
  got=$(api "q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")" | total)
  [ "$got" = "$want" ] || fail "'$q': $got results over the shards, $want in one index"
done
[ "$(api 'q=ukraine' | ids)" = "$("$bin" search --db "$tmp/all" --json ukraine | ids)" ] || fail "ranking over the shards differs"
[ "$(api 'q=&sort=date' | ids)" = "$("$bin" search --db "$tmp/all" --json --sort date | ids)" ] || fail "date order over the shards differs"
curl -sf "http://127.0.0.1:$port/article/fx-01" >/dev/null || fail "an article page from the remote shard"

# 4. Backup while serving: xapian-compact reads one committed revision; the copy checks sound and
#    answers like the shard.
xapian-compact "$tmp/srv/2025-09" "$tmp/backup-2025-09" >/dev/null || fail "xapian-compact backup exited $?"
"$bin" check --db "$tmp/backup-2025-09" >/dev/null || fail "the backup does not check sound"
[ "$("$bin" search --db "$tmp/backup-2025-09" --json strike | total)" = "$("$bin" search --db "$tmp/srv/2025-09" --json strike | total)" ] \
  || fail "the backup answers differently"

# 5. Rebuild a shard beside it and swap it in: the running server opens the new folder.
cat "$tmp/2025-09.jsonl" >"$tmp/2025-09-fixed.jsonl"
echo '{"id":"fx-late","title":"Ferry timetable published late","body":"The ferry company published its winter timetable on Friday, two weeks late.","published":"2025-09-30T09:00:00Z","language":"en"}' >>"$tmp/2025-09-fixed.jsonl"
"$bin" index --db "$tmp/srv/2025-09.new" "$tmp/2025-09-fixed.jsonl" 2>/dev/null || fail "rebuild exited $?"
mv "$tmp/srv/2025-09" "$tmp/srv/2025-09.old" && mv "$tmp/srv/2025-09.new" "$tmp/srv/2025-09" && rm -rf "$tmp/srv/2025-09.old"
[ "$(api 'q=timetable' | total)" = 1 ] || fail "the rebuilt shard's new article is not found"

# 6. Add a shard: a line in the stub; the running server opens the stub afresh on its next request.
echo '{"id":"fx-oct","title":"October storm closes the harbour","body":"A storm closed the harbour for two days.","published":"2025-10-03T09:00:00Z","language":"en"}' >"$tmp/2025-10.jsonl"
"$bin" index --db "$tmp/srv/2025-10" "$tmp/2025-10.jsonl" 2>/dev/null || fail "index 2025-10 exited $?"
echo "auto $tmp/srv/2025-10" >>"$tmp/srv/archive.stub"
[ "$(api 'q=october%20storm' | total)" = 1 ] || fail "the added shard is not searched"
[ "$(api 'q=' | total)" = $(( $("$bin" search --db "$tmp/all" --json | total) + 2 )) ] || fail "not every article of the three shards is browsable"
echo "deploy: 1 passed, 0 failed"
