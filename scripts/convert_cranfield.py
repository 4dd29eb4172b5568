#!/usr/bin/env python3
"""Convert the Cranfield collection to newshound inputs for `newshound eval`.

Usage: convert_cranfield.py CORPUS_DIR OUT_DIR

Writes OUT_DIR/cranfield.jsonl (1,400 articles: id "cran-N", title .T, body .W, byline .A, language en),
OUT_DIR/queries.tsv ("query-id TAB text", the 225 queries numbered 1..225 in file order, as the
judgments number them) and OUT_DIR/qrels.txt in TREC qrels format ("query 0 doc grade"). Judgments use
the strict convention of the corpus README: codes 1-4 are relevant with grade 5 - code (1, a complete
answer, is grade 4), and code -1 (the query's own source paper) is not relevant.
"""
import json
import os
import re
import sys


def records(path):
    """SMART format: '.I n' starts a record, '.X' lines start fields."""
    text = open(path, encoding="latin-1").read()
    for block in re.split(r"^\.I\s+", text, flags=re.M)[1:]:
        number, _, rest = block.partition("\n")
        fields = {}
        for m in re.finditer(r"^\.([A-Z])\n(.*?)(?=^\.[A-Z]\n|\Z)", rest, flags=re.M | re.S):
            fields[m.group(1)] = " ".join(m.group(2).split())
        yield number.strip(), fields


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    corpus, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    docs = 0
    with open(os.path.join(out, "cranfield.jsonl"), "w", encoding="utf-8") as f:
        for number, fields in records(os.path.join(corpus, "cran.all.1400")):
            article = {"id": "cran-%d" % int(number), "title": fields.get("T", "").rstrip(" ."),
                       "byline": fields.get("A", ""), "body": fields.get("W", ""), "language": "en"}
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
            docs += 1
    queries = 0
    with open(os.path.join(out, "queries.tsv"), "w", encoding="utf-8") as f:
        for _, fields in records(os.path.join(corpus, "cran.qry")):
            queries += 1
            # Query text as plain words: the collection's " ." and punctuation are not query syntax.
            words = re.sub(r"[^\w\s]", " ", fields.get("W", ""))
            f.write("%d\t%s\n" % (queries, " ".join(words.split())))
    judged = 0
    with open(os.path.join(out, "qrels.txt"), "w") as f:
        for line in open(os.path.join(corpus, "cranqrel")):
            parts = line.split()
            if len(parts) < 3:
                continue
            query, doc, code = int(parts[0]), int(parts[1]), int(parts[2])
            if 1 <= code <= 4:
                f.write("%d 0 cran-%d %d\n" % (query, doc, 5 - code))
                judged += 1
    print("cranfield: %d documents, %d queries, %d relevant judgments" % (docs, queries, judged), file=sys.stderr)
    if docs != 1400 or queries != 225:
        sys.exit("expected 1400 documents and 225 queries")


if __name__ == "__main__":
    main()
