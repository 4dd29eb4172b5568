#!/usr/bin/env python3
"""Convert Reuters-21578 (SGML, Latin-1) to newshound JSONL, one article per story.

Usage: convert_reuters21578.py CORPUS_DIR OUT.jsonl

Every <REUTERS> story becomes an article: id "reuters21578-NEWID", title, dateline, body (paragraphs
re-joined, the trailing "Reuter" sign-off removed), published (the DATE field, taken as UTC), and TOPICS and
ORGS as topics, PLACES and PEOPLE as places and people. Stories without a <BODY> keep whatever text they have
(UNPROC and BRIEF stories), so none is lost. Prints a summary line to stderr.
"""
import glob
import html
import json
import os
import re
import sys

STORY = re.compile(r"<REUTERS([^>]*)>(.*?)</REUTERS>", re.S)
NEWID = re.compile(r'NEWID="(\d+)"')
MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}
DATE = re.compile(r"(\d{1,2})-([A-Z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def field(block, tag):
    m = re.search(r"<%s[^>]*>(.*?)</%s>" % (tag, tag), block, re.S)
    return m.group(1) if m else ""


def values(block, tag):
    return [clean(v) for v in re.findall(r"<D>(.*?)</D>", field(block, tag), re.S) if clean(v)]


def clean(text):
    text = html.unescape(text)
    return CONTROL.sub("", text).strip()


def paragraphs(text):
    """Reuters wraps lines at ~65 columns and starts paragraphs with an indent."""
    text = clean(text)
    text = re.sub(r"\s*\bReuter\s*$", "", text)
    paras = re.split(r"\n\s{2,}|\n\s*\n", text)
    return "\n\n".join(" ".join(p.split()) for p in paras if p.strip())


def iso_date(raw):
    m = DATE.search(raw)
    if not m or m.group(2) not in MONTHS:
        return None
    d, mon, y, hh, mm, ss = m.groups()
    return "%s-%02d-%02dT%02d:%s:%sZ" % (y, MONTHS[mon], int(d), int(hh), mm, ss)


def convert(corpus_dir, out_path):
    files = sorted(glob.glob(os.path.join(corpus_dir, "reut2-*.sgm")))
    if not files:
        sys.exit("no reut2-*.sgm files in %s" % corpus_dir)
    stories = undated = bodiless = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for path in files:
            with open(path, encoding="latin-1") as f:
                data = f.read()
            for attrs, block in STORY.findall(data):
                newid = NEWID.search(attrs).group(1)
                text = field(block, "TEXT")
                title = clean(field(text, "TITLE"))
                body = paragraphs(field(text, "BODY"))
                if not body:
                    bodiless += 1
                    rest = re.sub(r"<TITLE>.*?</TITLE>|<DATELINE>.*?</DATELINE>", "", text, flags=re.S)
                    body = paragraphs(re.sub(r"<[^>]+>", " ", rest))
                article = {
                    "id": "reuters21578-" + newid,
                    "source": "Reuters",
                    "agency": "Reuters",
                    "title": title,
                    "dateline": clean(field(text, "DATELINE")).rstrip(" -"),
                    "body": body,
                    # ORGS (opec, imf, worldbank …) are category codes like TOPICS: both feed the topic facet.
                    "topics": values(block, "TOPICS") + [o for o in values(block, "ORGS") if o not in values(block, "TOPICS")],
                    "places": values(block, "PLACES"),
                    "people": values(block, "PEOPLE"),
                    "language": "en",
                }
                published = iso_date(field(block, "DATE"))
                if published:
                    article["published"] = published
                else:
                    undated += 1
                if not title and not body:
                    article["title"] = "Reuters story %s" % newid
                out.write(json.dumps({k: v for k, v in article.items() if v}, ensure_ascii=False) + "\n")
                stories += 1
    print("converted %d stories from %d files (%d without <BODY>, %d without a readable date)"
          % (stories, len(files), bodiless, undated), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    convert(sys.argv[1], sys.argv[2])
