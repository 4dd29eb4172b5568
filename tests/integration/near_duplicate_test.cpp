// Near-duplicates: republished copies of one wire story with small edits share a cluster; different
// stories on the same topic do not.
#include "indexer/compaction.h"
#include "indexer/extract/fingerprint.h"
#include "indexer/index_writer.h"
#include "indexer/shard_set.h"
#include "indexer/indexer.h"
#include "schema/fields.h"
#include "schema/terms.h"
#include "searcher/searcher.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace newshound;

namespace {

const std::string WIRE =
    "Ukraine's grain exports through its Black Sea ports rose in September to the highest level since the "
    "spring, according to port data published on Monday. Traders said insurance costs for ships using the "
    "corridor had fallen after a month without attacks, and that buyers in Egypt, Spain and China had "
    "increased their orders. The agriculture ministry said farmers had harvested more wheat than expected "
    "despite a dry summer, although maize yields were lower in the south. Analysts warned that exports "
    "could slow again in winter if storms or new attacks closed the ports for long periods.";

schema::Article story(const std::string& id, const std::string& source, const std::string& title, std::string body) {
    schema::Article a;
    a.id = id;
    a.source = source;
    a.title = title;
    a.body = std::move(body);
    a.language = "en";
    a.topics = {"Ukraine", "Agriculture"};
    return a;
}

// The duplicate cluster the article with this id was put in.
std::string cluster_in(const Xapian::Database& d, const std::string& id) {
    auto p = d.postlist_begin(schema::id_term(id));
    REQUIRE(p != d.postlist_end(schema::id_term(id)));
    return d.get_document(*p).get_value(schema::slot(schema::Slot::CLUSTER));
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    s.replace(s.find(from), from.size(), to);
    return s;
}

}  // namespace

TEST_CASE("republished copies join one cluster and other stories on the topic stay apart", "[integration][near_duplicate]") {
    // One writer, and two building shards in parallel, with batches so small that most copies are found
    // in the shards' commits rather than among the articles not committed yet: the same clusters each way.
    const auto [writers, batch] = GENERATE(table<size_t, size_t>({{1, indexer::DEFAULT_BATCH_SIZE}, {2, indexer::DEFAULT_BATCH_SIZE}, {2, 3}}));
    test::TempDir dir;
    const auto db = dir / "db";
    indexer::IndexStats stats;
    {
        indexer::IndexWriter writer(db.string(), batch, writers);
        indexer::Indexer idx(writer);
        idx.add(story("wire", "Northern Wire", "Grain exports rise", WIRE), "t");
        // Copies: new headline, an edited word, a dropped sentence end, an added credit line, a typo fix.
        idx.add(story("copy-1", "Harbour Gazette", "Ukraine grain exports hit spring high", WIRE), "t");
        idx.add(story("copy-2", "Eastern Ledger", "Black Sea exports climb",
                      replace(WIRE, "highest level since the spring", "highest level since April")), "t");
        idx.add(story("copy-3", "Valley Courier", "Exports rise", WIRE + " (Reporting by the Northern Wire desk.)"), "t");
        idx.add(story("copy-4", "Continental Daily", "Grain exports up",
                      replace(WIRE, "although maize yields were lower in the south", "but maize yields fell in the south")),
                "t");
        idx.add(story("copy-5", "Harbour Gazette", "Exports up", replace(WIRE, "Egypt, Spain and China", "Egypt, China and Spain")),
                "t");
        // Different stories on the same topic and with much of the same vocabulary.
        idx.add(story("other-1", "Northern Wire", "Drone strike damages grain terminal",
                      "A drone strike on the port of Odesa damaged a grain terminal and two ships overnight, regional "
                      "officials said. One worker was hurt and exports through the port were suspended for the day. "
                      "Traders said insurance costs for ships in the Black Sea corridor could rise again after the "
                      "attack, the first on the port for a month, and that some buyers had delayed their orders "
                      "until the navy could say the route was safe."), "t");
        idx.add(story("other-2", "Eastern Ledger", "Farmers count the cost of a dry summer",
                      "Farmers in the south of Ukraine said the dry summer had cut maize yields by a fifth, while wheat "
                      "did better than expected thanks to rain in the spring. The agriculture ministry said the "
                      "harvest would still be enough for exports through the Black Sea ports, but warned that storage "
                      "was short in some regions and that prices paid to farmers had fallen since the spring."), "t");
        writer.commit();
        stats = writer.stats();
    }
    indexer::merge_shards(db.string());
    Xapian::Database d(db.string());
    auto cluster_of = [&](const std::string& id) { return cluster_in(d, id); };
    const std::string wire = cluster_of("wire");
    int joined = 0;
    for (const char* id : {"copy-1", "copy-2", "copy-3", "copy-4", "copy-5"}) joined += cluster_of(id) == wire;
    CHECK(joined >= 5 * 9 / 10);  // recall >= 0.9
    CHECK(cluster_of("other-1") != wire);
    CHECK(cluster_of("other-2") != wire);
    CHECK(cluster_of("other-1") != cluster_of("other-2"));
    CHECK(stats.near_duplicates == static_cast<size_t>(joined));
    CHECK(d.get_termfreq(std::string(schema::prefix::CLUSTER) + wire) == static_cast<Xapian::doccount>(joined + 1));

    // Search collapses the cluster to its best hit and counts the rest; the cluster filter expands it.
    searcher::Searcher s(db.string());
    searcher::SearchRequest r;
    r.query = "grain exports insurance";
    auto resp = std::get<searcher::SearchResponse>(s.search(r));
    size_t wire_hits = 0;
    for (const auto& h : resp.hits) {
        if (h.cluster != wire) continue;
        ++wire_hits;
        CHECK(h.similar == static_cast<Xapian::doccount>(joined));
    }
    CHECK(wire_hits == 1);
    r.cluster = wire;
    CHECK(std::get<searcher::SearchResponse>(s.search(r)).hits.size() == static_cast<size_t>(joined + 1));

    // Related stories: the other stories on the topic, never the story's own copies.
    const auto related = s.related("wire");
    REQUIRE(related);
    std::vector<std::string> related_ids;
    for (const auto& h : *related) {
        CHECK(h.cluster != wire);
        related_ids.push_back(h.id);
    }
    std::sort(related_ids.begin(), related_ids.end());
    CHECK(related_ids == std::vector<std::string>{"other-1", "other-2"});
    CHECK_FALSE(s.related("no-such-id"));
}

TEST_CASE("SimHash: identical texts agree, short texts have none", "[near_duplicate]") {
    schema::Analyzer a;
    std::vector<schema::Token> t1, t2, shortt;
    a.analyze(WIRE, "en", t1);
    a.analyze(WIRE, "en", t2);
    a.analyze("Too short to fingerprint.", "en", shortt);
    REQUIRE(indexer::simhash(t1));
    CHECK(*indexer::simhash(t1) == *indexer::simhash(t2));
    CHECK_FALSE(indexer::simhash(shortt));
    CHECK(indexer::from_hex(indexer::to_hex(0x0123456789abcdefULL)) == 0x0123456789abcdefULL);
    CHECK_FALSE(indexer::from_hex("xyz"));
}

namespace {

std::vector<std::string> sentences(const std::string& body) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t p; (p = body.find(". ", start)) != std::string::npos; start = p + 2) out.push_back(body.substr(start, p + 1 - start));
    out.push_back(body.substr(start));
    return out;
}

std::string join_sentences(const std::vector<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : " ") + x;
    return out;
}

std::string replace_first(std::string s, const std::string& from, const std::string& to) {
    if (auto p = s.find(from); p != std::string::npos) s.replace(p, from.size(), to);
    return s;
}

// The edits outlets make when they republish a wire story.
std::vector<std::string> republished_copies(const std::string& body) {
    auto s = sentences(body);
    auto dropped_last = s;
    dropped_last.pop_back();
    auto new_lead = s;
    new_lead[0] = "Officials and residents described the events in interviews with our correspondent.";
    return {
        "CITY (Wire) - " + body,                                              // dateline prefix
        join_sentences(dropped_last),                                         // trimmed to fit
        body + " (Reporting by the wire desk; Editing by the night editor.) Our outlet has asked for further comment.",
        replace_first(replace_first(body, " said ", " stated "), " the ", " this "),  // word edits
        join_sentences(new_lead),                                             // rewritten first sentence
        "CITY (Wire) - " + replace_first(join_sentences(dropped_last), " said ", " told reporters "),
    };
}

}  // namespace

TEST_CASE("near-duplicate evaluation: republished copies found, stories sharing a topic never merged",
          "[integration][near_duplicate]") {
    // One writer, and two building shards in parallel, with batches so small that most copies are found
    // in the shards' commits rather than among the articles not committed yet: the same clusters each way.
    const auto [writers, batch] = GENERATE(table<size_t, size_t>({{1, indexer::DEFAULT_BATCH_SIZE}, {2, indexer::DEFAULT_BATCH_SIZE}, {2, 3}}));
    test::TempDir dir;
    const auto db = dir / "db";
    std::map<std::string, std::string> group_of;  // article id → story group
    std::vector<std::string> originals;
    {
        indexer::IndexWriter writer(db.string(), batch, writers);
        indexer::Indexer idx(writer);
        std::istringstream lines(test::read_file(test::fixture("near_duplicates/stories.jsonl")));
        for (std::string line; std::getline(lines, line);) {
            const auto j = nlohmann::json::parse(line);
            schema::Article a = story(j["id"], "Wire", j["title"], j["body"]);
            a.topics = j["topics"].get<std::vector<std::string>>();
            group_of[a.id] = j["group"];
            idx.add(schema::Article(a), "stories.jsonl");
            if (a.id.rfind("wire-", 0) != 0) continue;
            originals.push_back(a.id);
            int n = 0;
            for (auto& body : republished_copies(a.body)) {
                schema::Article copy = a;
                copy.id = a.id + "-copy-" + std::to_string(++n);
                copy.source = "Outlet " + std::to_string(n);
                copy.title = "Republished: " + a.title;
                copy.body = std::move(body);
                group_of[copy.id] = j["group"];
                idx.add(std::move(copy), "copies");
            }
        }
        // Exact copies of a short item (too short for SimHash) cluster by their normalized words; a
        // different short item does not.
        idx.add(story("brief-1", "Wire", "Brief", "Markets closed early on Friday for the national holiday, the exchange said."), "b");
        idx.add(story("brief-2", "Outlet 1", "Brief", "MARKETS closed early on Friday for the national holiday,  the exchange said!"), "b");
        idx.add(story("brief-3", "Outlet 2", "Brief", "Markets will open late on Monday after the national holiday, the exchange said."), "b");
        group_of["brief-1"] = group_of["brief-2"] = "brief";
        group_of["brief-3"] = "brief-other";
        writer.commit();
    }
    indexer::merge_shards(db.string());
    Xapian::Database d(db.string());
    std::map<std::string, std::string> cluster;  // article id → cluster
    for (const auto& [id, group] : group_of) {
        auto p = d.postlist_begin(schema::id_term(id));
        REQUIRE(p != d.postlist_end(schema::id_term(id)));
        cluster[id] = d.get_document(*p).get_value(schema::slot(schema::Slot::CLUSTER));
    }
    size_t copies = 0, found = 0, false_merges = 0;
    for (const auto& [id, group] : group_of) {
        if (id.find("-copy-") != std::string::npos) {
            ++copies;
            found += cluster[id] == cluster[id.substr(0, id.find("-copy-"))];
        }
        for (const auto& [other, other_group] : group_of)
            if (other < id && other_group != group && cluster[other] == cluster[id]) {
                ++false_merges;
                UNSCOPED_INFO("false merge: " << id << " and " << other);
            }
    }
    const double recall = static_cast<double>(found) / static_cast<double>(copies);
    std::printf("near-duplicate evaluation: %zu of %zu republished copies clustered (recall %.3f), %zu false merges\n",
                found, copies, recall, false_merges);
    CHECK(copies == originals.size() * 6);
    CHECK(recall >= 0.9);
    CHECK(false_merges == 0);
    CHECK(cluster["brief-1"] == cluster["brief-2"]);
    CHECK(cluster["brief-3"] != cluster["brief-1"]);
}

TEST_CASE("a templated report weeks apart is another story, a re-send the same day is a copy", "[integration][near_duplicate]") {
    // One writer, and two building shards in parallel, with batches so small that most copies are found
    // in the shards' commits rather than among the articles not committed yet: the same clusters each way.
    const auto [writers, batch] = GENERATE(table<size_t, size_t>({{1, indexer::DEFAULT_BATCH_SIZE}, {2, indexer::DEFAULT_BATCH_SIZE}, {2, 3}}));
    test::TempDir dir;
    const auto db = dir / "db";
    const std::string report =
        "The Reserve Bank said it cancelled the regular weekly treasury bill tender scheduled for Tuesday. It said in a "
        "statement that it forecast a net cash withdrawal from the system over the week, and that market liquidity was "
        "expected to remain adequate. The bank said the next tender would be held as usual the following week and that "
        "it would continue to monitor conditions in the money market closely before deciding on any further steps.";
    auto dated = [&](const std::string& id, const char* when) {
        schema::Article a = story(id, "Wire", "Weekly treasury bill tender cancelled", report);
        a.published = schema::parse_iso8601(when);
        return a;
    };
    {
        indexer::IndexWriter writer(db.string(), batch, writers);
        indexer::Indexer idx(writer);
        idx.add(dated("march", "1987-03-01T20:44:00Z"), "t");
        idx.add(dated("march-resend", "1987-03-02T08:10:00Z"), "t");
        idx.add(dated("april", "1987-03-29T20:53:00Z"), "t");
        writer.commit();
    }
    indexer::merge_shards(db.string());
    Xapian::Database d(db.string());
    auto cluster_of = [&](const std::string& id) { return cluster_in(d, id); };
    CHECK(cluster_of("march-resend") == cluster_of("march"));
    CHECK(cluster_of("april") != cluster_of("march"));
}

TEST_CASE("duplicate windows: dates within the copy window always meet, dates far apart never", "[near_duplicate]") {
    constexpr std::int64_t DAY = 86400;
    constexpr std::int64_t MAX = schema::NEAR_DUPLICATE_MAX_DAYS * DAY;
    auto looks_in = [](const indexer::DuplicateWindows& from, const indexer::DuplicateWindows& other) {
        return other.own == from.own || other.own == from.near;
    };
    // Before and after 1970, at every hour of several windows, against offsets up to the limit either way.
    for (std::int64_t t = -20 * DAY; t < 20 * DAY; t += 3600) {
        const auto a = indexer::duplicate_windows(t);
        for (std::int64_t d : std::initializer_list<std::int64_t>{-MAX, -MAX + 1, -DAY, -1, 0, 1, DAY, MAX - 1, MAX}) {
            INFO("t=" << t << " d=" << d);
            const auto b = indexer::duplicate_windows(t + d);
            CHECK(looks_in(a, b));
            CHECK(looks_in(b, a));
        }
        // Three windows later is never looked at: a text repeated weeks apart is not a candidate.
        CHECK_FALSE(looks_in(a, indexer::duplicate_windows(t + 6 * MAX)));
    }
    CHECK(indexer::duplicate_windows(std::nullopt).own.empty());
    CHECK(indexer::duplicate_lookup_terms("XBHab@5", indexer::duplicate_windows(std::nullopt)) == std::vector<std::string>{"XBHab@5"});
    const auto w = indexer::duplicate_windows(0);
    CHECK(indexer::duplicate_lookup_terms("XBHab" + w.own, w) == std::vector<std::string>{"XBHab" + w.own, "XBHab" + w.near});
}

TEST_CASE("a re-send across a window boundary joins its story, an undated copy joins undated ones",
          "[integration][near_duplicate]") {
    // One writer, and two building shards in parallel, with batches so small that most copies are found
    // in the shards' commits rather than among the articles not committed yet: the same clusters each way.
    const auto [writers, batch] = GENERATE(table<size_t, size_t>({{1, indexer::DEFAULT_BATCH_SIZE}, {2, indexer::DEFAULT_BATCH_SIZE}, {2, 3}}));
    test::TempDir dir;
    const auto db = dir / "db";
    // One hour either side of a window boundary (windows are 2 × NEAR_DUPLICATE_MAX_DAYS long, from 1970).
    constexpr std::int64_t WINDOW = 2 * schema::NEAR_DUPLICATE_MAX_DAYS * 86400;
    constexpr std::int64_t BOUNDARY = 1500 * WINDOW;
    auto at = [](schema::Article a, std::optional<std::int64_t> t) {
        if (t) a.published = schema::Timestamp{*t, 0};
        return a;
    };
    const std::string edited = replace(WIRE, "Egypt, Spain and China", "Egypt, China and Spain");
    {
        indexer::IndexWriter writer(db.string(), batch, writers);
        indexer::Indexer idx(writer);
        idx.add(at(story("before", "Wire", "Grain exports rise", WIRE), BOUNDARY - 3600), "t");
        idx.add(at(story("after", "Outlet", "Exports rise", WIRE), BOUNDARY + 3600), "t");
        idx.add(at(story("edited-after", "Outlet 2", "Exports up", edited), BOUNDARY + 3600), "t");
        idx.add(at(story("undated", "Scraped", "Exports", WIRE), std::nullopt), "t");
        idx.add(at(story("undated-copy", "Scraped 2", "Exports", edited), std::nullopt), "t");
        writer.commit();
    }
    indexer::merge_shards(db.string());
    Xapian::Database d(db.string());
    auto cluster_of = [&](const std::string& id) { return cluster_in(d, id); };
    CHECK(cluster_of("after") == cluster_of("before"));
    CHECK(cluster_of("edited-after") == cluster_of("before"));
    CHECK(cluster_of("undated-copy") == cluster_of("undated"));
}

TEST_CASE("the first article of a cluster still collapses with its copies after it is re-written", "[integration][near_duplicate]") {
    test::TempDir dir;
    const auto db = dir / "db";
    {
        indexer::IndexWriter writer(db.string());
        indexer::Indexer idx(writer);
        idx.add(story("wire", "Northern Wire", "Grain exports rise", WIRE), "t");
        idx.add(story("copy", "Harbour Gazette", "Grain exports hit spring high", WIRE), "t");
        writer.commit();
    }
    {
        // A corrected version of the first article, in a later run: one writer, as for every update.
        indexer::IndexWriter writer(db.string(), indexer::DEFAULT_BATCH_SIZE, 2);
        indexer::Indexer idx(writer);
        idx.add(story("wire", "Northern Wire", "Grain exports rise (corrected)", WIRE), "t");
        writer.commit();
    }
    CHECK(indexer::ShardSet::existing(db.string()).empty());
    searcher::Searcher s(db.string());
    searcher::SearchRequest r;
    r.query = "grain exports";
    const auto resp = std::get<searcher::SearchResponse>(s.search(r));
    REQUIRE(resp.hits.size() == 1);
    CHECK(resp.hits[0].similar == 1);
    CHECK(resp.total == 1);
}
