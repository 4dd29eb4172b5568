// Query building, the match with facet spies, and hit assembly (stored record + snippet) for one page.
#include "searcher/searcher.h"

#include "schema/facet_value.h"

#include "searcher/freshness.h"

#include "schema/fields.h"
#include "schema/language.h"
#include "schema/stopwords.h"
#include "schema/stored_record.h"
#include "schema/stub_file.h"
#include "schema/terms.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <set>
#include <filesystem>
#include <sys/stat.h>

namespace newshound::searcher {

namespace {

using namespace newshound::schema;

// A DatabaseModifiedError means a writer recycled blocks we were reading; reopening fixes it. A few
// attempts cover a writer committing in a tight loop.
constexpr int MAX_ATTEMPTS = 3;

// Counting every match for exact totals and facets is bounded in time: past this, Xapian stops
// counting, the page is still ranked right, and the total and facet counts become estimates. A query
// that matches most of a huge index then cannot hold a server thread for long.
constexpr double MATCH_COUNT_TIME_LIMIT_SECONDS = 1.0;

constexpr std::string_view REMOTE_SCHEME = "tcp://";
// A remote shard that does not answer within this long fails the request (503) instead of holding it.
constexpr unsigned REMOTE_TIMEOUT_MS = 10000;
constexpr unsigned REMOTE_CONNECT_TIMEOUT_MS = 5000;

bool is_remote(const std::string& location) { return location.starts_with(REMOTE_SCHEME); }

Xapian::Database open_location(const std::string& location) {
    try {
        if (!is_remote(location)) return Xapian::Database(location);  // an index folder or a stub database file
        const std::string hostport = location.substr(REMOTE_SCHEME.size());
        const size_t colon = hostport.rfind(':');
        unsigned port = 0;
        if (colon == std::string::npos || colon == 0 || colon + 1 == hostport.size() ||
            hostport.find_first_not_of("0123456789", colon + 1) != std::string::npos ||
            (port = static_cast<unsigned>(std::stoul(hostport.substr(colon + 1)))) == 0 || port > 65535)
            throw SearchUnavailable("remote shard " + location + " is not tcp://host:port");
        return Xapian::Remote::open(hostport.substr(0, colon), port, REMOTE_TIMEOUT_MS, REMOTE_CONNECT_TIMEOUT_MS);
    } catch (const Xapian::Error& e) {
        throw SearchUnavailable("cannot open index " + location + ": " + e.get_description());
    } catch (const std::out_of_range&) {
        throw SearchUnavailable("remote shard " + location + " is not tcp://host:port");
    }
}

// What opening a location gives: how many shards, whether one is remote, and the files whose change means
// the location must be opened afresh. A stub database file (Xapian's format: one shard a line, "auto PATH",
// "glass PATH", "remote HOST:PORT" or "remote :PROGRAM ARGS", blank lines and # comments; relative paths
// from the stub's folder) may list several shards, local or remote.
struct LocationShape {
    size_t shards = 1;
    bool remote = false;
    std::vector<std::string> watched;  // index folders, and the stub file itself
};

LocationShape shape_of(const std::string& location) {
    if (is_remote(location)) return {1, true, {}};
    std::error_code ec;
    std::string stub = location;
    if (std::filesystem::is_directory(location, ec)) {
        // A replica folder as xapian-replicate keeps it: a XAPIANDB stub naming the live copy (replica_0 or
        // replica_1), rewritten when an update switches copies. The folder's inode stays the same then.
        stub = (std::filesystem::path(location) / schema::FOLDER_STUB_NAME).string();
        if (!std::filesystem::is_regular_file(stub, ec)) return {1, false, {location}};
    } else if (!std::filesystem::is_regular_file(location, ec)) {
        return {1, false, {location}};
    }
    LocationShape shape{0, false, {location}};
    if (stub != location) shape.watched.push_back(stub);
    for (const auto& entry : read_stub_file(stub)) {
        ++shape.shards;
        if (entry.kind == "remote") shape.remote = true;
        else if (is_local_kind(entry.kind) && !entry.target.empty()) shape.watched.push_back(entry.target);
    }
    return shape;
}

// Changes when the folder is replaced (the indexer swaps in a compacted copy: a new inode) or the stub file
// is replaced or edited. "" when it cannot be read (the open that follows reports why).
std::string signature(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return "";
    std::string sig = std::to_string(st.st_ino);
    if (S_ISREG(st.st_mode)) sig += ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    return sig;
}

std::string joined(const std::vector<std::string>& locations) {
    std::string out;
    for (const auto& l : locations) out += (out.empty() ? "" : ", ") + l;
    return out;
}

}  // namespace

Searcher::Searcher(const std::string& path, Bm25Params bm25) : Searcher(std::vector<std::string>{path}, bm25) {}

Searcher::Searcher(std::vector<std::string> locations, Bm25Params bm25)
    : locations_(std::move(locations)), path_(joined(locations_)), bm25_(bm25), parser_(analyzer_) {
    if (locations_.empty()) throw SearchUnavailable("no index to search");
    open_all();
}

void Searcher::open_all() {
    size_t count = 0;
    bool remote = false;
    std::vector<std::pair<std::string, std::string>> watched;
    for (const auto& l : locations_) {
        LocationShape shape = shape_of(l);
        count += shape.shards;
        remote = remote || shape.remote;
        // Signatures before opening: a swap in between is seen on the next request.
        for (auto& w : shape.watched) watched.emplace_back(w, signature(w));
    }
    Xapian::Database db;
    std::vector<Xapian::Database> shards;
    for (const auto& l : locations_) {
        shards.push_back(open_location(l));
        db.add_database(shards.back());
    }
    db_ = std::move(db);
    shards_ = std::move(shards);
    watched_ = std::move(watched);
    remote_ = remote;
    sharded_ = count > 1;
    facet_table_.reset();
    index_languages_.clear();  // revisions of other databases say nothing about these
}

namespace {

Xapian::BM25Weight bm25_weight(const Bm25Params& p) {
    // k2 = 0, k3 = 1, min_normlen = 0.5: Xapian's defaults for the parameters not tuned.
    return Xapian::BM25Weight(p.k1, 0, 1, p.b, 0.5);
}

std::string id_of(const Xapian::Document& doc) {
    auto t = doc.termlist_begin();
    t.skip_to(std::string(prefix::ID));
    if (t == doc.termlist_end() || !std::string_view(*t).starts_with(prefix::ID)) return {};
    return (*t).substr(prefix::ID.size());
}

}  // namespace

void Searcher::refresh() {
    for (const auto& [path, sig] : watched_)
        if (signature(path) != sig) return open_all();
    try {
        db_.reopen();
    } catch (const Xapian::Error&) {
        open_all();  // one more chance on fresh handles; it throws SearchUnavailable if it fails too
    }
}

const FacetTable* Searcher::facet_table() {
    const std::string stamp = revision_stamp(shards_);
    if (facet_table_ && facet_table_->current_for(stamp)) return facet_table_.get();
    const auto now = std::chrono::steady_clock::now();
    if (facet_table_ && now - facet_table_built_ < FACET_TABLE_REBUILD_INTERVAL) return nullptr;
    if (db_.get_doccount() > FACET_TABLE_MAX_DOCUMENTS) return nullptr;
    facet_table_ = std::make_unique<FacetTable>(db_, stamp);
    facet_table_built_ = now;
    return facet_table_.get();
}

Xapian::doccount Searcher::doc_count() {
    refresh();
    return db_.get_doccount();
}

template <class Read>
auto Searcher::with_retry(const char* what, Read&& read) {
    for (int attempt = 1;; ++attempt) {
        try {
            refresh();
            return read();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= MAX_ATTEMPTS) throw SearchUnavailable("index " + path_ + " keeps changing under the " + what);
        } catch (const Xapian::Error& e) {
            throw SearchUnavailable(std::string(what) + " in index " + path_ + ": " + e.get_description());
        }
    }
}

std::variant<SearchResponse, QueryError> Searcher::search(const SearchRequest& request) {
    return with_retry("search", [&] { return search_once(request); });
}

std::variant<std::vector<RankedId>, QueryError> Searcher::rank(const std::string& text, Xapian::doccount depth) {
    return with_retry("ranking", [&]() -> std::variant<std::vector<RankedId>, QueryError> {
        SearchRequest request;
        request.query = text;
        auto parsed = parser_.parse(text, query_languages(request));
        if (auto* err = std::get_if<QueryError>(&parsed)) return *err;
        const auto& q = std::get<ParsedQuery>(parsed);
        Xapian::Enquire enquire(db_);
        enquire.set_weighting_scheme(bm25_weight(bm25_));
        enquire.set_query(q.query.empty() ? Xapian::Query::MatchNothing : q.query);
        Xapian::MSet mset = enquire.get_mset(0, depth);
        if (mset.empty() && !q.relaxed.empty()) {
            enquire.set_query(q.relaxed);
            mset = enquire.get_mset(0, depth);
        }
        std::vector<RankedId> out;
        out.reserve(mset.size());
        for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back({id_of(it.get_document()), it.get_weight()});
        return out;
    });
}

std::vector<std::string> Searcher::query_languages(const SearchRequest& request) {
    if (!request.query_language.empty()) return {analyzer_.fold(request.query_language)};
    if (index_languages_.empty() || index_languages_revision_ != revision_stamp(shards_)) {
        std::vector<std::pair<Xapian::doccount, std::string>> counted;
        const std::string lp(prefix::LANGUAGE);
        for (auto it = db_.allterms_begin(lp); it != db_.allterms_end(lp); ++it)
            counted.emplace_back(it.get_termfreq(), (*it).substr(lp.size()));
        std::sort(counted.begin(), counted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        index_languages_.clear();
        for (auto& [n, code] : counted) index_languages_.push_back(std::move(code));
        index_languages_revision_ = revision_stamp(shards_);
    }
    std::vector<std::string> out;
    auto add = [&](const std::string& code) {
        if (!code.empty() && out.size() < MAX_QUERY_LANGUAGES && std::find(out.begin(), out.end(), code) == out.end())
            out.push_back(code);
    };
    std::string detected = detect_language(request.query);
    add(detected.empty() ? guess_language_by_script(request.query) : detected);
    for (const auto& code : index_languages_) add(code);
    add(std::string(DEFAULT_LANGUAGE));
    return out;
}

std::variant<SearchResponse, QueryError> Searcher::search_once(const SearchRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    auto parsed_or_error = parser_.parse(request.query, query_languages(request));
    if (auto* err = std::get_if<QueryError>(&parsed_or_error)) return *err;
    const ParsedQuery& parsed = std::get<ParsedQuery>(parsed_or_error);

    // Filters from parameters: topics, places and people all (or any, by the filter mode), sources and
    // languages any, dates as a string range on YYYYMMDD.
    std::vector<Xapian::Query> filters;
    auto each = [&](std::string_view pfx, const std::vector<std::string>& values) {
        if (values.empty()) return;
        std::vector<Xapian::Query> terms;
        for (const auto& v : values) terms.emplace_back(filter_term(pfx, v, analyzer_));
        filters.emplace_back(request.filter_mode == FilterMode::ANY ? Xapian::Query::OP_OR : Xapian::Query::OP_AND,
                             terms.begin(), terms.end());
    };
    each(prefix::TOPIC, request.topics);
    each(prefix::PLACE, request.places);
    each(prefix::PERSON, request.people);
    auto any_of = [&](std::string_view pfx, const std::vector<std::string>& values) {
        if (values.empty()) return;
        std::vector<Xapian::Query> any;
        for (const auto& v : values) any.emplace_back(filter_term(pfx, v, analyzer_));
        filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    };
    any_of(prefix::SOURCE, request.sources);
    any_of(prefix::LANGUAGE, request.languages);
    const auto from = day_key(request.from), to = day_key(request.to);
    if (from && to) filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, slot(Slot::PUBLISHED_DAY), *from, *to);
    else if (from) filters.emplace_back(Xapian::Query::OP_VALUE_GE, slot(Slot::PUBLISHED_DAY), *from);
    else if (to) filters.emplace_back(Xapian::Query::OP_VALUE_LE, slot(Slot::PUBLISHED_DAY), *to);

    auto restrict = [&](Xapian::Query query) {
        if (!filters.empty())
            query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
        // One hit per duplicate cluster, unless the reader asked to see a cluster's members.
        if (!request.cluster.empty())
            query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(std::string(prefix::CLUSTER) + request.cluster));
        return query;
    };
    Xapian::Query query = restrict(parsed.query.empty() ? Xapian::Query::MatchAll : parsed.query);
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(bm25_weight(bm25_));
    // All the words, and when no article has them all, any of them (the response says so).
    bool relaxed = false;
    if (!parsed.relaxed.empty()) {
        Xapian::Enquire probe(db_);
        probe.set_query(query);
        if (probe.get_mset(0, 0, 1).get_matches_lower_bound() == 0) {
            query = restrict(parsed.relaxed);
            relaxed = true;
        }
    }
    if (request.sort == SortOrder::FRESHNESS && parsed.has_positive && remote_)
        return QueryError{"sort=freshness needs every shard local: xapian-tcpsrv cannot run its weighting", 0};
    if (request.sort == SortOrder::FRESHNESS && parsed.has_positive) {
        // Freshness as weight: age counts back from the newest article of the index.
        const std::string newest = db_.get_value_upper_bound(slot(Slot::PUBLISHED));
        if (!newest.empty()) {
            auto* source = new FreshnessPostingSource(slot(Slot::PUBLISHED), Xapian::sortable_unserialise(newest),
                                                      request.half_life_days * 86400.0, FRESHNESS_MAX_WEIGHT);
            query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
        }
    }
    enquire.set_query(query);
    enquire.set_time_limit(MATCH_COUNT_TIME_LIMIT_SECONDS);
    if (request.cluster.empty() && request.collapse) enquire.set_collapse_key(slot(Slot::COLLAPSE));
    // With no words to rank by, the newest stories first is the only useful order.
    const bool by_date = request.sort == SortOrder::DATE || !parsed.has_positive;
    if (by_date) enquire.set_sort_by_value_then_relevance(slot(Slot::PUBLISHED), true);

    // FacetSpy reads by docid, which Xapian 1.4 gives a spy in its shard's numbering, and xapian-tcpsrv
    // runs only Xapian's own spies. Over shards, the packed facet values are counted whole by a
    // ValueCountMatchSpy and split afterwards, which gives the same counts.
    FacetSpy facets(db_, sharded_ ? nullptr : facet_table());
    Xapian::ValueCountMatchSpy packed_facets(slot(Slot::FACETS));
    if (sharded_) enquire.add_matchspy(&packed_facets);
    else enquire.add_matchspy(&facets);

    const Xapian::doccount first = static_cast<Xapian::doccount>((request.page - 1) * request.page_size);
    // checkatleast = every document: the total and the facet counts cover the whole match set exactly.
    const Xapian::MSet mset = enquire.get_mset(first, static_cast<Xapian::doccount>(request.page_size), db_.get_doccount());

    for (auto v = packed_facets.values_begin(); v != packed_facets.values_end(); ++v) facets.count(*v, v.get_termfreq());
    SearchResponse resp;
    resp.request = request;
    resp.total = mset.get_matches_estimated();
    resp.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    resp.relaxed = relaxed;
    // Did you mean: only for queries that find little, and only a spelling that finds more.
    if (parsed.has_positive && (relaxed || resp.total < SPELLING_CHECK_BELOW)) {
        const std::string suggested = spelling_suggestion(request.query);
        if (!suggested.empty()) {
            auto again = parser_.parse(suggested, query_languages(request));
            if (auto* better = std::get_if<ParsedQuery>(&again); better && !better->query.empty()) {
                Xapian::Enquire probe(db_);
                probe.set_query(restrict(better->query));
                const Xapian::doccount found = probe.get_mset(0, 0, db_.get_doccount()).get_matches_estimated();
                if (found > (relaxed ? 0 : resp.total)) resp.suggestion = suggested;
            }
        }
    }
    resp.topics = top_values(facets.counts(FacetField::TOPIC), FACET_LIMIT);
    resp.sources = top_values(facets.counts(FacetField::SOURCE), FACET_LIMIT);
    resp.languages = top_values(facets.counts(FacetField::LANGUAGE), FACET_LIMIT);
    resp.places = top_values(facets.counts(FacetField::PLACE), FACET_LIMIT);
    resp.people = top_values(facets.counts(FacetField::PERSON), FACET_LIMIT);
    auto histogram = date_histogram(facets.counts(FacetField::DAY));
    resp.dates = std::move(histogram.buckets);
    resp.date_granularity = std::move(histogram.granularity);

    const HighlightSet highlight{&parsed.highlight_terms, &parsed.highlight_stems, &parsed.highlight_prefixes};
    QueryWords words(db_, highlight, analyzer_);
    for (auto it = mset.begin(); it != mset.end(); ++it) resp.hits.push_back(make_hit(it, highlight, words, parsed.has_positive));
    resp.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return resp;
}

std::string Searcher::spelling_suggestion(const std::string& query) {
    // Word by word: operators, scopes, phrases, prefixes and exclusion marks stay as typed.
    std::string out;
    bool changed = false;
    size_t i = 0;
    while (i < query.size()) {
        const size_t start = query.find_first_not_of(" \t", i);
        if (start == std::string::npos) break;
        out.append(query, i, start - i);
        size_t end = query.find_first_of(" \t", start);
        if (end == std::string::npos) end = query.size();
        std::string token = query.substr(start, end - start);
        i = end;
        const size_t lead = token.find_first_not_of("-(");
        const size_t tail = token.find_last_not_of(")");
        const bool plain = lead != std::string::npos && tail != std::string::npos && tail >= lead &&
                           token.find_first_of(":\"*") == std::string::npos && token != "OR" && token != "AND" &&
                           token != "NOT" && token.rfind("NEAR", 0) != 0;
        if (plain) {
            const std::string word = token.substr(lead, tail - lead + 1);
            std::vector<Token> tokens;
            analyzer_.analyze(word, "", tokens);
            if (tokens.size() == 1 && db_.get_termfreq(tokens[0].term) == 0 &&
                db_.get_termfreq(std::string(prefix::TITLE) + tokens[0].term) == 0) {
                // Short words have many neighbours one edit away; allow two edits only in longer ones.
                constexpr size_t TWO_EDITS_FROM_BYTES = 6;
                const std::string fix =
                    db_.get_spelling_suggestion(tokens[0].term, tokens[0].term.size() >= TWO_EDITS_FROM_BYTES ? 2 : 1);
                if (!fix.empty() && fix != tokens[0].term) {
                    token = token.substr(0, lead) + fix + token.substr(tail + 1);
                    changed = true;
                }
            }
        }
        out += token;
    }
    return changed ? out : std::string();
}

Hit Searcher::make_hit(const Xapian::MSetIterator& it, const HighlightSet& highlight, QueryWords& words, bool scored) {
    Hit hit;
    hit.rank = static_cast<int>(it.get_rank()) + 1;
    hit.score = scored ? it.get_weight() : 0.0;
    hit.similar = it.get_collapse_count();
    const Xapian::Document doc = it.get_document();
    // A collapsing match already read the cluster (the collapse key); reading it again would seek.
    hit.cluster = it.get_collapse_key();
    if (hit.cluster.empty()) hit.cluster = doc.get_value(slot(Slot::CLUSTER));
    const std::string data = doc.get_data();
    std::string_view offsets_data;
    const auto article = decode_stored_record(data, &offsets_data);
    if (!article) {
        hit.title = "(unreadable stored record)";
        return hit;
    }
    hit.id = article->id;
    hit.url = article->url;
    hit.title = article->title;
    hit.title_highlighted = highlight_all(article->title, article->language, highlight, analyzer_);
    hit.source = article->source;
    hit.byline = article->byline;
    hit.published = article->published ? to_iso8601(*article->published) : "";
    hit.language = article->language;
    hit.topics = article->topics;
    const std::string_view text = article->body.empty() ? std::string_view(article->summary) : std::string_view(article->body);
    // From the word offsets stored with the record (layout 9), else by analysing the text.
    std::optional<Highlighted> snippet;
    // Remote shards do not give their word forms (synonym table): their hits' texts are analysed.
    if (!offsets_data.empty() && !remote_)
        if (const auto offsets = schema::decode_word_offsets(offsets_data))
            snippet = make_snippet(text, *offsets, article->language, words);
    hit.snippet = snippet ? std::move(*snippet) : make_snippet(text, article->language, highlight, analyzer_);
    return hit;
}

namespace {

// Expansion terms for "more like this": stems (Z) with a letter in them that are not stop words of the
// article's language; figures, short stems and function words say nothing about what a story is about.
class StemDecider : public Xapian::ExpandDecider {
public:
    explicit StemDecider(std::string language) : language_(std::move(language)) {}
    bool operator()(const std::string& term) const override {
        if (!std::string_view(term).starts_with(prefix::STEM) || term.size() < prefix::STEM.size() + 3) return false;
        const std::string stem = term.substr(prefix::STEM.size());
        if (is_stopword(language_, stem)) return false;
        return std::any_of(stem.begin(), stem.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
    }

private:
    std::string language_;
};

}  // namespace

std::optional<std::vector<Hit>> Searcher::related(const std::string& id, Xapian::doccount count) {
    return with_retry("related stories", [&]() -> std::optional<std::vector<Hit>> {
        const std::string term = id_term(id);
        auto p = db_.postlist_begin(term);
        if (p == db_.postlist_end(term)) return std::nullopt;
        const Xapian::docid did = *p;
        const Xapian::Document doc = db_.get_document(did);
        const std::string cluster = doc.get_value(slot(Slot::CLUSTER));
        Xapian::RSet rset;
        rset.add_document(did);
        Xapian::Enquire enquire(db_);
        enquire.set_weighting_scheme(bm25_weight(bm25_));
        std::string language;
        for_each_facet(doc.get_value(slot(Slot::FACETS)), [&](FacetField f, std::string_view v) {
            if (f == FacetField::LANGUAGE) language = v;
        });
        const StemDecider decider(language);
        const Xapian::ESet eset = enquire.get_eset(RELATED_EXPANSION_TERMS, rset, &decider);
        std::vector<Hit> hits;
        if (eset.empty()) return hits;
        std::set<std::string> stems;
        for (auto t = eset.begin(); t != eset.end(); ++t) stems.insert((*t).substr(prefix::STEM.size()));
        // The story's distinctive terms, any of them, best match first; never the story or its copies.
        Xapian::Query like(Xapian::Query::OP_OR, eset.begin(), eset.end());
        Xapian::Query itself(term);
        if (!cluster.empty()) itself = Xapian::Query(Xapian::Query::OP_OR, itself, Xapian::Query(std::string(prefix::CLUSTER) + cluster));
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, like, itself));
        enquire.set_collapse_key(slot(Slot::COLLAPSE));
        const Xapian::MSet mset = enquire.get_mset(0, count);
        const HighlightSet highlight{nullptr, &stems, nullptr};
        QueryWords words(db_, highlight, analyzer_);
        for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(make_hit(it, highlight, words, true));
        return hits;
    });
}

std::vector<Suggestion> Searcher::suggest(const std::string& typed) {
    return with_retry("suggestions", [&]() -> std::vector<Suggestion> {
        std::vector<Suggestion> out;
        const size_t cut = typed.find_last_of(" \t");
        const std::string head = cut == std::string::npos ? "" : typed.substr(0, cut + 1);
        const std::string last = typed.substr(cut == std::string::npos ? 0 : cut + 1);
        if (last.empty() || last.find_first_of(":\"()*") != std::string::npos) return out;
        std::vector<Token> tokens;
        analyzer_.analyze(last, "", tokens);
        if (tokens.size() != 1) return out;
        const std::string& stem = tokens[0].term;
        // The most frequent words of texts (unprefixed) and titles (S) that start with the typed letters.
        std::map<std::string, Xapian::doccount> words;
        for (const std::string& pfx : {std::string(), std::string(prefix::TITLE)}) {
            size_t scanned = 0;
            for (auto t = db_.allterms_begin(pfx + stem); t != db_.allterms_end(pfx + stem) && scanned < SUGGEST_SCAN_TERMS; ++t, ++scanned) {
                auto& n = words[(*t).substr(pfx.size())];
                n = std::max(n, t.get_termfreq());
            }
        }
        std::vector<std::pair<Xapian::doccount, std::string>> ranked;
        for (auto& [w, n] : words)
            if (w != stem || words.size() == 1) ranked.emplace_back(n, w);
        std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        for (const auto& [n, w] : ranked) {
            if (out.size() >= SUGGEST_COUNT / 2 + SUGGEST_COUNT % 2) break;
            out.push_back({head + w, "word", n});
        }
        // Topics that start with the whole typed text ("black s" → "Black Sea"), as filters.
        const std::string topic_prefix = filter_term(prefix::TOPIC, typed, analyzer_);
        size_t scanned = 0;
        std::vector<std::pair<Xapian::doccount, std::string>> topics;
        for (auto t = db_.allterms_begin(topic_prefix); t != db_.allterms_end(topic_prefix) && scanned < SUGGEST_SCAN_TERMS; ++t, ++scanned)
            topics.emplace_back(t.get_termfreq(), (*t).substr(prefix::TOPIC.size()));
        std::sort(topics.begin(), topics.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& [n, topic] : topics) {
            if (out.size() >= SUGGEST_COUNT) break;
            out.push_back({"topic:\"" + topic + "\"", "topic", n});
        }
        return out;
    });
}

std::optional<Article> Searcher::article(const std::string& id) {
    return with_retry("article read", [&]() -> std::optional<Article> {
        const std::string term = id_term(id);
        auto it = db_.postlist_begin(term);
        if (it == db_.postlist_end(term)) return std::nullopt;
        return decode_stored_record(db_.get_document(*it).get_data());
    });
}

}  // namespace newshound::searcher
