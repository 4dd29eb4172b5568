#!/usr/bin/env python3
"""Convert one of the shared news corpora to newshound JSONL (schema/article.schema.json).

Usage: convert_corpus.py NAME CORPUS_ROOT OUT.jsonl [--limit N]

NAME is a folder of ../shared/corpora (see its README.md); CORPUS_ROOT the corpora folder. Every article
gets a stable id, its known "language", title, body and whatever of url/published/topics/source the corpus
has. Corpora without headlines (german-10kgnad, hindi-bbc, portuguese-fakebr-true, urdu-bend-the-truth)
use the lead sentence as the title and the rest as the body. --limit N keeps N articles spread evenly over
the corpus (deterministic), for evaluations that must run in CI time.
"""
import argparse
import csv
import glob
import html
import json
import os
import re
import subprocess
import sys

csv.field_size_limit(1 << 30)
LEAD_END = re.compile(r"(?<=[.!?\u0964\u06d4\u061f])\s+")
MAX_LEAD_CHARS = 300


def zstd_lines(path):
    out = subprocess.run(["zstd", "-dc", path], check=True, capture_output=True).stdout.decode("utf-8")
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def lead_split(text):
    """First sentence as a headline, the rest as body."""
    text = text.strip()
    parts = LEAD_END.split(text, maxsplit=1)
    if len(parts) == 2 and len(parts[0]) <= MAX_LEAD_CHARS:
        return parts[0].strip(), parts[1].strip()
    return text[:MAX_LEAD_CHARS].rsplit(" ", 1)[0], text


def read(path, encoding="utf-8-sig"):
    with open(path, encoding=encoding) as f:
        return f.read()


def german(root):
    with open(os.path.join(root, "test.csv"), encoding="utf-8") as f:
        for i, row in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            title, body = lead_split(row[1])
            yield {"id": "10kgnad-%d" % i, "language": "de", "title": title, "body": body, "topics": [row[0]]}


def hindi(root):
    with open(os.path.join(root, "hindi-test.csv"), encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        for i, row in enumerate(rows):
            title, body = lead_split(row[1])
            yield {"id": "hindi-bbc-%d" % i, "language": "hi", "title": title, "body": body, "topics": [row[0]]}


def livedoor(root):
    for path in sorted(glob.glob(os.path.join(root, "text", "*", "*-*.txt"))):
        lines = read(path).splitlines()
        if len(lines) < 4:
            continue
        yield {"id": "livedoor-" + os.path.basename(path)[:-4], "language": "ja", "url": lines[0].strip(),
               "published": lines[1].strip()[:19] + "+09:00", "title": lines[2].strip(),
               "body": "\n\n".join(l.strip() for l in lines[3:] if l.strip()),
               "topics": [os.path.basename(os.path.dirname(path))]}


def tag(text, name):
    m = re.search(r"<%s>(.*?)</%s>" % (name, name), text, re.S)
    return html.unescape(m.group(1)).strip() if m else ""


def arabic(root):
    for path in sorted(glob.glob(os.path.join(root, "*", "*.txt"))):
        doc = read(path)
        yield {"id": tag(doc, "DOCNO") or os.path.basename(path), "language": "ar", "url": tag(doc, "URL"),
               "title": tag(doc, "TITLE"), "summary": tag(doc, "ABSTRACT"), "body": tag(doc, "TEXT"),
               "topics": [tag(doc, "CAT")], "source": tag(doc, "SRC")}


def portuguese(root):
    for path in sorted(glob.glob(os.path.join(root, "full_texts", "true", "*.txt")),
                       key=lambda p: int(os.path.basename(p)[:-4])):
        n = os.path.basename(path)[:-4]
        title, body = lead_split(read(path))
        meta = os.path.join(root, "full_texts", "true-meta-information", n + "-meta.txt")
        lines = read(meta).splitlines() if os.path.exists(meta) else []
        yield {"id": "fakebr-" + n, "language": "pt", "title": title, "body": body,
               "url": lines[1].strip() if len(lines) > 1 else "", "topics": [lines[2].strip()] if len(lines) > 2 else []}


def french(root):
    for split in ("test", "dev"):
        with open(os.path.join(root, split + ".tsv"), encoding="utf-8") as f:
            for i, row in enumerate(csv.DictReader(f, delimiter="\t")):
                yield {"id": "masakhanews-%s-%d" % (split, i), "language": "fr", "title": row["headline"],
                       "body": row["text"], "url": row["url"], "topics": [row["category"]]}


def russian(root):
    seen = set()
    for path in sorted(glob.glob(os.path.join(root, "*.csv"))):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["id"] in seen:
                    continue
                seen.add(row["id"])
                yield {"id": "ria-" + row["id"], "language": "ru", "url": row["url"], "title": row["title"],
                       "summary": row["subtitle"], "body": row["content"], "topics": [row["topic"]]}


def spanish(root):
    for split in ("train", "development", "test"):
        for line in read(os.path.join(root, split + ".jsonl")).splitlines():
            r = {k.upper(): v for k, v in json.loads(line).items()}
            if str(r.get("CATEGORY")) not in ("1", "True") or not r.get("HEADLINE"):
                continue
            yield {"id": "fakedes-%s-%s" % (split, r["ID"]), "language": "es", "title": r["HEADLINE"],
                   "body": r["TEXT"], "source": r.get("SOURCE", ""), "url": r.get("LINK", ""),
                   "topics": [r["TOPICS"]] if r.get("TOPICS") else []}


def sogou(root):
    data = read(os.path.join(root, "news_tensite_xml.smarty.dat"), encoding="gb18030")
    for doc in re.findall(r"<doc>(.*?)</doc>", data, re.S):
        title, body = tag(doc, "contenttitle"), tag(doc, "content")
        if title and body:
            yield {"id": "sogou-" + tag(doc, "docno"), "language": "zh", "url": tag(doc, "url"), "title": title,
                   "body": body}


def thucnews(root):
    for i, line in enumerate(read(os.path.join(root, "test.txt")).splitlines()):
        title = line.rsplit("\t", 1)[0].strip()
        if title:
            yield {"id": "thucnews-%d" % i, "language": "zh", "title": title}


def tamil(root):
    for i, line in enumerate(read(os.path.join(root, "text.txt")).splitlines()):
        if line.strip():
            yield {"id": "puthiyathalaimurai-%d" % i, "language": "ta", "title": line.strip()}


def urdu(root):
    for path in sorted(glob.glob(os.path.join(root, "1.Corpus", "*", "Real", "*.txt"))):
        title, body = lead_split(read(path))
        yield {"id": "urdu-" + "-".join(path.split(os.sep)[-3:])[:-4], "language": "ur", "title": title, "body": body}


def bbc(root):
    for r in zstd_lines(os.path.join(root, "bbc-news.jsonl.zst")):
        yield {"id": "bbc-" + r["id"].replace("/", "-"), "language": "en", "title": r["title"], "body": r["body"],
               "topics": [r["category"]]}


def reuters_2006(root):
    for r in zstd_lines(os.path.join(root, "reuters-2006-2013.every3rd.jsonl.zst")):
        yield {"id": "reuters-" + r["id"], "language": "en", "title": r["title"],
               "body": "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n|\n  ", r["body"]) if p.strip())}


def reuters_21578(root):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import convert_reuters21578
    tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), "reuters21578-%d.jsonl" % os.getpid())
    convert_reuters21578.convert(root, tmp)
    try:
        for line in read(tmp).splitlines():
            yield json.loads(line)
    finally:
        os.unlink(tmp)


CORPORA = {
    "german-10kgnad": german, "hindi-bbc": hindi, "japanese-livedoor": livedoor, "arabic-ant": arabic,
    "portuguese-fakebr-true": portuguese, "french-masakhanews": french, "russian-ria": russian,
    "spanish-fakedes": spanish, "chinese-sogouca-sample": sogou, "chinese-thucnews-headlines": thucnews,
    "tamil-puthiyathalaimurai-headlines": tamil, "urdu-bend-the-truth": urdu, "english-bbc-news": bbc,
    "english-reuters-2006-2013": reuters_2006, "reuters21578": reuters_21578,
}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("name", choices=sorted(CORPORA))
    p.add_argument("root")
    p.add_argument("out")
    p.add_argument("--limit", type=int, default=0)
    a = p.parse_args()
    folder = os.path.join(a.root, a.name)
    if not os.path.isdir(folder):
        sys.exit("no corpus folder %s" % folder)
    articles = [x for x in CORPORA[a.name](folder) if x.get("title") or x.get("body")]
    if not articles:
        sys.exit("corpus %s gave no articles" % a.name)
    if a.limit and len(articles) > a.limit:
        step = len(articles) / a.limit
        articles = [articles[int(i * step)] for i in range(a.limit)]
    with open(a.out, "w", encoding="utf-8") as f:
        for x in articles:
            f.write(json.dumps({k: v for k, v in x.items() if v}, ensure_ascii=False) + "\n")
    print("%s: %d articles" % (a.name, len(articles)), file=sys.stderr)


if __name__ == "__main__":
    main()
