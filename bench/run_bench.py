#!/usr/bin/env python3
"""The performance suite: newshound and its peers on the same data in the same run.

Usage: run_bench.py --build BUILD_DIR --corpora CORPORA --out OUT_DIR [--runs N] [--datasets a,b,c]
                    [--engines newshound,xapian,fts5,lucene] [--http-seconds S]

Datasets:
  reuters21578  Reuters-21578, all 21,578 stories (the reference corpus of the performance issue)
  reuters-x10   the same ten times over, with shifted ids and dates (215,780 stories)
  reuters-2006  english-reuters-2006-2013, the largest news corpus in the shared set (35,498 stories)
  scale-1m      Reuters-21578 replicated to 1,000,000 stories (large mode only: --datasets scale-1m)

For every dataset and engine it times the index build (wall time, docs/s, peak RSS, size on disk, with
each engine's own finishing step), then runs bench/data/queries.txt (200 queries) for latency
percentiles, over --runs runs, reporting medians. newshound is also measured over HTTP with wrk.
Every engine must index every story and find hits for the sample queries, or the run fails: a broken
build cannot post a fast time. Writes results.md, results.csv and raw.jsonl to OUT_DIR.
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QUERIES = os.path.join(HERE, "data", "queries.txt")
LUCENE_JARS = ["lucene-core", "lucene-analyzers-common", "lucene-queryparser"]
# The queries whose hit counts are shown side by side: a word, two words, a phrase, a name, a rare word.
SAMPLE_QUERIES = ["oil", "interest rates", '"trade surplus"', "james baker", "semiconductor"]
# Every engine must find something for at least this share of the queries (they all search the same text).
MIN_QUERIES_WITH_HITS = 0.9
# Snippets made from the stored word offsets must equal those made by analysing the text (they may differ
# only at the end of texts longer than the offset table, schema/word_offsets.h).
SAME_SNIPPETS_MIN_SHARE = 0.99
HTTP_CONNECTIONS = 16


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def du(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for d, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(d, f))
    return total


def timed(cmd, **kw):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS bytes, stdout)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, capture_output=True, text=True, **kw)
    if out.returncode != 0:
        raise SystemExit(f"FAIL: {' '.join(cmd)} exited {out.returncode}:\n{out.stderr[-3000:]}")
    wall, rss_kb = out.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss_kb) * 1024, out.stdout


def last_json(text):
    for line in reversed(text.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise SystemExit(f"FAIL: no JSON result in:\n{text[-2000:]}")


# ---- datasets ------------------------------------------------------------------------------------------

def convert(dataset, corpora, work):
    path = os.path.join(work, dataset + ".jsonl")
    if os.path.exists(path):
        return path
    if dataset == "reuters21578":
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "convert_reuters21578.py"),
                        os.path.join(corpora, "reuters21578"), path], check=True)
    elif dataset == "reuters-2006":
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "convert_corpus.py"),
                        "english-reuters-2006-2013", corpora, path], check=True)
    elif dataset in ("reuters-x10", "scale-1m"):
        base = convert("reuters21578", corpora, work)
        articles = [json.loads(l) for l in open(base, encoding="utf-8")]
        target = 10 * len(articles) if dataset == "reuters-x10" else 1_000_000
        with open(path, "w", encoding="utf-8") as f:
            n = 0
            copy = 0
            while n < target:
                for a in articles:
                    if n == target:
                        break
                    b = dict(a)
                    b["id"] = f"{a['id']}-c{copy}"
                    # Each copy is another year: ids and dates shifted, so copies are distinct stories
                    # to every engine (and to newshound's duplicate detection, which needs close dates).
                    if copy and b.get("published"):
                        b["published"] = str(int(b["published"][:4]) + copy) + b["published"][4:]
                    f.write(json.dumps(b, ensure_ascii=False) + "\n")
                    n += 1
                copy += 1
    else:
        raise SystemExit(f"unknown dataset {dataset}")
    return path


def tsv_for_lucene(jsonl):
    path = jsonl[:-len(".jsonl")] + ".tsv"
    if os.path.exists(path):
        return path
    esc = lambda s: s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "")
    with open(jsonl, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for line in src:
            a = json.loads(line)
            dst.write(f"{esc(a.get('id', ''))}\t{esc(a.get('title', ''))}\t{esc(a.get('body', ''))}\n")
    return path


# ---- engines ---------------------------------------------------------------------------------------------

class Engine:
    def __init__(self, name, build):
        self.name, self.build = name, build


def lucene_classpath(build):
    jars = []
    for stem in LUCENE_JARS:
        found = sorted(f for f in os.listdir("/usr/share/java") if f.startswith(stem + "-") and f.endswith(".jar")
                       and f[len(stem) + 1].isdigit())
        if not found:
            raise SystemExit(f"FAIL: no {stem} jar in /usr/share/java (liblucene8-java)")
        jars.append(os.path.join("/usr/share/java", found[-1]))
    classes = os.path.join(build, "bench", "lucene-classes")
    os.makedirs(classes, exist_ok=True)
    subprocess.run(["javac", "-d", classes, "-cp", ":".join(jars), os.path.join(HERE, "lucene", "LuceneBench.java")], check=True)
    return ":".join(jars + [classes])


def index_engine(engine, build, jsonl, target, classpath):
    """Returns (wall s, peak RSS, size bytes, documents)."""
    if os.path.exists(target):
        shutil.rmtree(target) if os.path.isdir(target) else os.remove(target)
    if engine == "newshound":
        wall, rss, _ = timed([os.path.join(build, "app", "newshound"), "index", "--db", target, jsonl])
        docs = doc_count_xapian(target)
    elif engine == "xapian":
        wall, rss, out = timed([os.path.join(build, "bench", "xapian_floor"), "index", target, jsonl])
        docs = last_json(out)["documents"]
    elif engine == "xapian-compact":
        tmp = target + ".uncompacted"
        wall1, rss, out = timed([os.path.join(build, "bench", "xapian_floor"), "index", tmp, jsonl])
        wall2, rss2, _ = timed(["xapian-compact", tmp, target])
        shutil.rmtree(tmp)
        wall, rss, docs = wall1 + wall2, max(rss, rss2), last_json(out)["documents"]
    elif engine == "fts5":
        wall, rss, out = timed([os.path.join(build, "bench", "fts5_bench"), "index", target, jsonl])
        docs = last_json(out)["documents"]
    elif engine == "lucene":
        wall, rss, out = timed(["java", "-cp", classpath, "LuceneBench", "index", target, tsv_for_lucene(jsonl)])
        docs = last_json(out)["documents"]
    else:
        raise SystemExit(f"unknown engine {engine}")
    return wall, rss, du(target), docs


def doc_count_xapian(db):
    out = subprocess.run(["xapian-delve", db], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("number of documents"):
            return int(line.split("=")[1])
    raise SystemExit(f"FAIL: cannot read the document count of {db}")


def query_engine(engine, build, target, classpath, snippets=False):
    if engine == "newshound":
        _, _, out = timed([os.path.join(build, "bench", "query_bench"), target, QUERIES])
        result = last_json(out)
        for line in out.splitlines():
            if '"snippet-cost"' in line:
                result["snippet_cost"] = json.loads(line)
        return result
    elif engine in ("xapian", "xapian-compact"):
        _, _, out = timed([os.path.join(build, "bench", "xapian_floor"), "query", target, QUERIES] + (["--snippets"] if snippets else []))
    elif engine == "fts5":
        _, _, out = timed([os.path.join(build, "bench", "fts5_bench"), "query", target, QUERIES] + (["--snippets"] if snippets else []))
    elif engine == "lucene":
        _, _, out = timed(["java", "-cp", classpath, "LuceneBench", "query", target, QUERIES])
    return last_json(out)


def http_bench(build, db, seconds, work):
    """wrk against `newshound serve` (its default settings) with the query file, 16 connections:
    requests/s, p50/p99, errors."""
    if not shutil.which("wrk"):
        raise SystemExit("FAIL: wrk is not installed (scripts/bench.sh installs it)")
    queries = [q for q in open(QUERIES, encoding="utf-8").read().splitlines() if q and not q.startswith("#")]
    from urllib.parse import quote
    lua = os.path.join(work, "queries.lua")
    with open(lua, "w") as f:
        f.write("local paths = {\n")
        for q in queries:
            f.write("  %s,\n" % json.dumps("/api/search?q=" + quote(q)))
        f.write("}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format('GET', paths[i])\nend\n")
        f.write("done = function(summary, latency, requests)\n"
                "  io.write(string.format('JSON {\"requests\":%d,\"seconds\":%f,\"errors\":%d,\"non2xx\":%d,\"p50_ms\":%f,\"p99_ms\":%f}\\n',\n"
                "    summary.requests, summary.duration / 1e6, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,\n"
                "    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))\nend\n")
    server = subprocess.Popen([os.path.join(build, "app", "newshound"), "serve", "--db", db, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port = None
        deadline = time.time() + 20
        while time.time() < deadline and port is None:
            line = server.stdout.readline()
            if " on http://" in line:
                port = line.rsplit(":", 1)[1].strip().strip("/")
        if port is None:
            raise SystemExit("FAIL: newshound serve did not start")
        # Drain the request log so the server never blocks on a full pipe.
        import threading
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        out = subprocess.run(["wrk", "-t2", f"-c{HTTP_CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", lua, f"http://127.0.0.1:{port}"],
                             capture_output=True, text=True, check=True).stdout
        line = next(l for l in out.splitlines() if l.startswith("JSON "))
        r = json.loads(line[5:])
        r["rps"] = r["requests"] / r["seconds"]
        return r
    finally:
        server.terminate()
        server.wait()


# ---- report ----------------------------------------------------------------------------------------------

def fmt_ms(v):
    return f"{v:.2f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--corpora", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--datasets", default="reuters21578,reuters-x10,reuters-2006")
    ap.add_argument("--engines", default="newshound,xapian,xapian-compact,fts5,lucene")
    ap.add_argument("--http-seconds", type=int, default=10)
    ap.add_argument("--work", default="")
    args = ap.parse_args()
    build, out_dir = os.path.abspath(args.build), os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    work = args.work or tempfile.mkdtemp(prefix="newshound-bench-")
    os.makedirs(work, exist_ok=True)
    engines = args.engines.split(",")
    classpath = lucene_classpath(build) if "lucene" in engines else ""
    queries = [q for q in open(QUERIES, encoding="utf-8").read().splitlines() if q and not q.startswith("#")]
    raw = open(os.path.join(out_dir, "raw.jsonl"), "w")
    rows = []
    samples = {}
    failures = []
    for dataset in args.datasets.split(","):
        jsonl = convert(dataset, args.corpora, work)
        stories = sum(1 for _ in open(jsonl, encoding="utf-8"))
        log(f"== {dataset}: {stories} stories")
        for engine in engines:
            target = os.path.join(work, f"{dataset}.{engine}.index")
            idx, qs, snip = [], [], []
            for run in range(args.runs):
                wall, rss, size, docs = index_engine(engine, build, jsonl, target, classpath)
                if docs != stories:
                    failures.append(f"{engine} on {dataset}: indexed {docs} of {stories} stories")
                idx.append((wall, rss, size))
                q = query_engine(engine, build, target, classpath)
                qs.append(q)
                if engine in ("xapian", "fts5"):
                    snip.append(query_engine(engine, build, target, classpath, snippets=True))
                raw.write(json.dumps({"dataset": dataset, "engine": engine, "run": run, "index_s": wall, "peak_rss": rss,
                                      "size": size, "query": q, "snippets": snip[-1] if snip else None}) + "\n")
                raw.flush()
                log(f"   {engine} run {run + 1}: index {wall:.1f} s, {size / 1e6:.1f} MB, p50 {q['p50_ms']:.3f} ms")
            counts = qs[-1]["counts"]
            with_hits = sum(1 for c in counts if c > 0) / len(counts)
            if with_hits < MIN_QUERIES_WITH_HITS:
                failures.append(f"{engine} on {dataset}: only {with_hits:.0%} of queries found anything")
            samples[(dataset, engine)] = {q: counts[queries.index(q)] for q in SAMPLE_QUERIES}
            med = lambda xs: statistics.median(xs)
            row = {
                "dataset": dataset, "engine": engine, "stories": stories,
                "index_s": med([i[0] for i in idx]), "docs_per_s": stories / med([i[0] for i in idx]),
                "peak_rss_mb": med([i[1] for i in idx]) / 1e6, "size_mb": med([i[2] for i in idx]) / 1e6,
                "p50_ms": med([q["p50_ms"] for q in qs]), "p95_ms": med([q["p95_ms"] for q in qs]),
                "p99_ms": med([q["p99_ms"] for q in qs]),
                "snippets_p50_ms": med([s["p50_ms"] for s in snip]) if snip else None,
            }
            if engine == "newshound":
                row["snippets_p50_ms"] = row["p50_ms"]  # newshound's search always makes snippets
                costs = [q["snippet_cost"] for q in qs if "snippet_cost" in q]
                if costs:
                    row["snippet_stored_us"] = med([c["stored_us"] for c in costs])
                    row["snippet_analysed_us"] = med([c["analysed_us"] for c in costs])
                    row["snippet_hits"], row["snippet_equal"] = costs[-1]["hits"], costs[-1]["equal"]
                    if row["snippet_equal"] < SAME_SNIPPETS_MIN_SHARE * row["snippet_hits"]:
                        failures.append(f"newshound on {dataset}: only {row['snippet_equal']} of {row['snippet_hits']} "
                                        "snippets from stored offsets equal the analysed ones")
            rows.append(row)
            if engine != "newshound":  # kept for the HTTP run
                shutil.rmtree(target, ignore_errors=True) if os.path.isdir(target) else (os.path.exists(target) and os.remove(target))
        if "newshound" in engines and args.http_seconds > 0:
            h = http_bench(build, os.path.join(work, f"{dataset}.newshound.index"), args.http_seconds, work)
            if h["errors"] or h["non2xx"]:
                failures.append(f"HTTP on {dataset}: {h['errors']} socket errors, {h['non2xx']} non-2xx answers")
            raw.write(json.dumps({"dataset": dataset, "engine": "newshound-http", "http": h}) + "\n")
            rows.append({"dataset": dataset, "engine": "newshound over HTTP (wrk, 16 conn.)", "stories": stories,
                         "rps": h["rps"], "p50_ms": h["p50_ms"], "p99_ms": h["p99_ms"]})
            log(f"   http: {h['rps']:.0f} req/s, p99 {h['p99_ms']:.2f} ms, {h['errors']} errors")
        for engine in engines:
            shutil.rmtree(os.path.join(work, f"{dataset}.{engine}.index"), ignore_errors=True)
    raw.close()

    fields = ["dataset", "engine", "stories", "index_s", "docs_per_s", "peak_rss_mb", "size_mb", "p50_ms", "p95_ms", "p99_ms",
              "snippets_p50_ms", "rps", "snippet_stored_us", "snippet_analysed_us"]
    with open(os.path.join(out_dir, "results.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for r in rows:
            w.writerow({k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items() if k in fields})

    md = [f"Runs: {args.runs} per engine (medians). Machine: {os.cpu_count()} cores. "
          f"Queries: {len(queries)} from bench/data/queries.txt, top 10, all words required.\n"]
    for dataset in args.datasets.split(","):
        drows = [r for r in rows if r["dataset"] == dataset]
        if not drows:
            continue
        md.append(f"\n### {dataset} ({drows[0]['stories']:,} stories)\n")
        md.append("| engine | index build | docs/s | peak RSS | index size | query p50 / p95 / p99 | with snippets p50 |")
        md.append("|---|---|---|---|---|---|---|")
        for r in drows:
            if "rps" in r:
                md.append(f"| {r['engine']} | | | | | {fmt_ms(r['p50_ms'])} / – / {fmt_ms(r['p99_ms'])} ms, {r['rps']:.0f} req/s | |")
                continue
            snip = f"{fmt_ms(r['snippets_p50_ms'])} ms" if r.get("snippets_p50_ms") is not None else "–"
            md.append(f"| {r['engine']} | {r['index_s']:.1f} s | {r['docs_per_s']:,.0f} | {r['peak_rss_mb']:.0f} MB | "
                      f"{r['size_mb']:.1f} MB | {fmt_ms(r['p50_ms'])} / {fmt_ms(r['p95_ms'])} / {fmt_ms(r['p99_ms'])} ms | {snip} |")
        nh = next((r for r in drows if r["engine"] == "newshound"), None)
        if nh and nh.get("snippet_stored_us"):
            md.append(f"\nnewshound snippet per hit (top 10 of every query): {nh['snippet_stored_us']:.1f} µs from the stored "
                      f"word offsets, {nh['snippet_analysed_us']:.1f} µs by analysing the text "
                      f"({nh['snippet_analysed_us'] / nh['snippet_stored_us']:.1f}× less); "
                      f"{nh['snippet_equal']} of {nh['snippet_hits']} snippets identical.")
        if nh:
            md.append("\nnewshound / peer ratios (below 1 is newshound faster or smaller):\n")
            md.append("| peer | index time | index size | query p50 | query p99 | p50 vs peer with snippets |")
            md.append("|---|---|---|---|---|---|")
            for r in drows:
                if r["engine"] == "newshound" or "rps" in r:
                    continue
                snip = f"{nh['p50_ms'] / r['snippets_p50_ms']:.2f}" if r.get("snippets_p50_ms") else "–"
                md.append(f"| {r['engine']} | {nh['index_s'] / r['index_s']:.2f} | {nh['size_mb'] / r['size_mb']:.2f} | "
                          f"{nh['p50_ms'] / r['p50_ms']:.2f} | {nh['p99_ms'] / r['p99_ms']:.2f} | {snip} |")
        md.append("\nHit counts of sample queries (all matches, duplicates not collapsed):\n")
        present = [e for e in engines if (dataset, e) in samples]
        md.append("| query | " + " | ".join(present) + " |")
        md.append("|---|" + "---|" * len(present))
        for q in SAMPLE_QUERIES:
            md.append(f"| `{q}` | " + " | ".join(str(samples[(dataset, e)][q]) for e in present) + " |")
    text = "\n".join(md) + "\n"
    open(os.path.join(out_dir, "results.md"), "w").write(text)
    print(text)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
