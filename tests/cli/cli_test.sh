#!/usr/bin/env bash
# The newshound binary end to end: exit codes (0 ok, 2 bad query/parameter, 3 skipped inputs) and output.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" index --db "$tmp/db" "$src/tests/fixtures/articles.jsonl" "$src/tests/fixtures/pages" 2>"$tmp/log" \
  || fail "index of good fixtures exited $?"
grep -q "11 added" "$tmp/log" || fail "index log does not say 11 added: $(cat "$tmp/log")"

set +e
"$bin" index --db "$tmp/db" "$src/tests/fixtures/broken" 2>"$tmp/log"; rc=$?
set -e
[ "$rc" = 3 ] || fail "index with broken inputs exited $rc, expected 3"
grep -q "skipped .*broken.jsonl:2: not valid JSON" "$tmp/log" || fail "no logged reason for the bad line: $(cat "$tmp/log")"

# HTML pages are recognised by content whatever their name; --format overrides the sniffing.
cp "$src/tests/fixtures/html/continental-jsonld.html" "$tmp/page-without-extension"
"$bin" index --db "$tmp/html" "$src/tests/fixtures/html" "$tmp/page-without-extension" 2>"$tmp/log" \
  || fail "index of HTML pages exited $?: $(cat "$tmp/log")"
grep -q "4 read, 3 added, 0 updated, 1 unchanged, 0 skipped" "$tmp/log" || fail "HTML index: $(tail -1 "$tmp/log")"
"$bin" search --db "$tmp/html" --json baltic cable | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert j["total"] == 1 and j["hits"][0]["source"] == "Continental Daily", j
'

# Several --db search the indexes as one: the HTML pages' and the JSONL articles' together.
"$bin" search --db "$tmp/html" --db "$tmp/db" --json baltic cable | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert j["total"] == 1 and j["hits"][0]["source"] == "Continental Daily", j
'
both=$("$bin" search --db "$tmp/html" --db "$tmp/db" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
alone=$(( $("$bin" search --db "$tmp/html" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])') \
        + $("$bin" search --db "$tmp/db" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])') ))
[ "$both" = "$alone" ] || fail "two indexes searched together hold $both articles, apart $alone"

# The integrity check: a sound index exits 0 and says so; damage exits 1 (tests/unit/indexer/index_check_test).
out=$("$bin" check --db "$tmp/db") || fail "check of a sound index exited $?: $out"
echo "$out" | grep -q "the index is sound" || fail "check output: $out"
echo "$out" | grep -q "xapian-check: passed" || fail "check did not run xapian-check: $out"

# Feeds: items become articles; an empty item and a truncated feed are skips with reasons (exit 3).
set +e
"$bin" index --db "$tmp/feeds" "$src/tests/fixtures/feeds" 2>"$tmp/log"; rc=$?
set -e
[ "$rc" = 3 ] || fail "feed index exited $rc, expected 3"
grep -q "4 added, 0 updated, 0 unchanged, 2 skipped" "$tmp/log" || fail "feed index: $(tail -3 "$tmp/log")"
grep -q "truncated.rss:1: feed is not well-formed XML" "$tmp/log" || fail "no reason for the truncated feed"

out=$("$bin" search --db "$tmp/db" drone --topic Ukraine)
echo "$out" | grep -q "^2 results" || fail "text search output: $out"
echo "$out" | grep -q "\[drone\]" || fail "no highlight in: $out"
echo "$out" | grep -q "^topics:.*Ukraine (2)" || fail "no topic facet line in: $out"

"$bin" search --db "$tmp/db" --json --sort date --page-size 2 --page 2 | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert j["page"] == 2 and len(j["hits"]) == 2 and j["total"] == 12, j
assert j["hits"][0]["published"] >= j["hits"][1]["published"], j
'

set +e
"$bin" search --db "$tmp/db" --from 2025-02-30 x 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 2 ] || fail "bad date exited $rc, expected 2"
grep -q "from:" "$tmp/err" || fail "bad date message: $(cat "$tmp/err")"

set +e
"$bin" search --db "$tmp/missing" x 2>/dev/null; rc=$?
set -e
[ "$rc" = 1 ] || fail "missing index exited $rc, expected 1"
echo "cli: 1 passed, 0 failed"
