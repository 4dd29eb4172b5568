// THE table of how an Article is laid out in a Xapian document: term prefixes, value slots, weights, limits.
// Prefixes follow Omega's conventions (xapian-omega/docs/termprefixes.rst); ours start with X.
#pragma once

#include <string_view>
#include <xapian.h>

namespace newshound::schema {

namespace prefix {
/// Unique id term: "Q" + article id. The upsert key (replace_document by term).
inline constexpr std::string_view ID = "Q";
/// Title words, unstemmed, positional: "S" + token. Searched by title: scopes and phrases in titles.
inline constexpr std::string_view TITLE = "S";
/// Stemmed words of title and body, no positions: "Z" + stem. What plain query words match.
inline constexpr std::string_view STEM = "Z";
/// Body words (and summary), unstemmed, positional, no prefix: exact words and phrases.
inline constexpr std::string_view BODY = "";
/// The article's normalized url (normalize_url(); hashed when too long, see url_term()): delete by url.
inline constexpr std::string_view URL = "U";
/// Boolean filter terms, value case-folded (see filter_term()).
inline constexpr std::string_view TOPIC = "K";
inline constexpr std::string_view LANGUAGE = "L";
inline constexpr std::string_view SOURCE = "XSRC";
inline constexpr std::string_view PLACE = "XPLACE";
inline constexpr std::string_view PERSON = "XPERSON";
/// Near-duplicate lookup terms end in the article's time window, "@" + a number (layout 7; see
/// indexer/extract/fingerprint.h DuplicateWindows), undated articles' in nothing.
/// Exact duplicates: "XBH" + 16 hex digits of a hash of the normalized words of summary and body.
inline constexpr std::string_view BODY_HASH = "XBH";
/// Near-duplicate lookup by shared text: "XSG" + 8 hex digits of a sampled 5-word shingle hash
/// (fingerprint.h sampled_shingles: the 16 smallest).
inline constexpr std::string_view SHINGLE = "XSG";
/// Duplicate cluster membership: "XCL" + the cluster id (the id of the first article of the cluster).
inline constexpr std::string_view CLUSTER = "XCL";
/// Not a document term: the synonym-table key of a match key's word forms (layout 9, word_forms_key()).
inline constexpr std::string_view WORD_FORMS = "XF";
}  // namespace prefix

/// Value slots. Each slot's encoding is fixed here; readers and writers use only these.
enum class Slot : Xapian::valueno {
    PUBLISHED = 0,      ///< Xapian::sortable_serialise(utc seconds): sort by date, freshness.
    PUBLISHED_DAY = 1,  ///< "YYYYMMDD" local date as printed (to_yyyymmdd): string range filters.
    /// Every facet value of the article in one value (encode_facets): topics, source, language, places,
    /// people and day. One slot, so counting facets reads one value stream per match set (layout 6; the
    /// per-facet slots 2, 3, 4, 7 and 8 of earlier layouts are gone).
    FACETS = 2,
    /// The cluster id again, only for articles whose cluster has other members (layout 8): searches collapse
    /// on this slot, so the singletons, nearly every article, have no value for Xapian to read per match.
    COLLAPSE = 3,
    CLUSTER = 5,        ///< duplicate cluster id (a hash of the first member's id term), for every article.
    SIMHASH = 6,        ///< 16 hex digits of the body's 64-bit SimHash ("" for bodies too short to compare).
};

/// The facet fields packed into Slot::FACETS, each entry tagged with one of these bytes.
enum class FacetField : char { TOPIC = 't', SOURCE = 's', LANGUAGE = 'l', PLACE = 'p', PERSON = 'e', DAY = 'd' };
inline constexpr FacetField FACET_FIELDS[] = {FacetField::TOPIC, FacetField::SOURCE, FacetField::LANGUAGE,
                                              FacetField::PLACE, FacetField::PERSON, FacetField::DAY};

[[nodiscard]] constexpr Xapian::valueno slot(Slot s) { return static_cast<Xapian::valueno>(s); }

/// Separates the entries of a packed slot. A control character never found in display text.
inline constexpr char LIST_SEPARATOR = '\x1f';

/// wdf added per occurrence: a title word counts as much as TITLE_WDF body occurrences in BM25.
inline constexpr Xapian::termcount TITLE_WDF = 5;
inline constexpr Xapian::termcount BODY_WDF = 1;
/// Positions of the body start this far after the title's, so no phrase spans title and body.
inline constexpr Xapian::termpos BODY_POSITION_GAP = 100;

/// Two bodies whose SimHashes differ in at most this many of 64 bits are near-duplicates (the same
/// story with small edits: measured 2–5 bits for edited copies of a 90-word story, 27+ for other stories
/// on the same topic). Candidates come from the shared shingles (no band terms since layout 7: they cost
/// 10% of indexing and found 3 copies of 684 on Reuters-21578 that shingles did not).
inline constexpr int NEAR_DUPLICATE_MAX_BITS = 5;
/// Two texts are one story when they share at least this many sampled shingles and at least
/// NEAR_DUPLICATE_MIN_SHARED_PERCENT of the shorter one's: a republished copy keeps most of its sentences,
/// another story on the topic shares a phrase or two.
inline constexpr size_t NEAR_DUPLICATE_MIN_SHARED_SHINGLES = 3;
inline constexpr size_t NEAR_DUPLICATE_MIN_SHARED_PERCENT = 50;
/// Copies are published within this many days of each other; the same wording further apart is a
/// templated report (a weekly tender, a price table), another story each time.
inline constexpr int NEAR_DUPLICATE_MAX_DAYS = 2;

/// Bumped whenever the document layout or the analyzer's output changes. Stored in the database's metadata
/// (key LAYOUT_VERSION_KEY): an index written with another version re-writes every article it meets instead
/// of skipping unchanged ones.
///  9: records carry the snippet text's word offsets (stored record 3); the synonym table holds word forms.
inline constexpr int LAYOUT_VERSION = 9;
inline constexpr std::string_view LAYOUT_VERSION_KEY = "newshound.layout_version";

/// Xapian's glass backend rejects terms over 245 bytes; longer tokens are dropped, longer ids hashed.
inline constexpr size_t MAX_TERM_BYTES = 245;
/// Longest word the analyzer emits: room for the one-byte S / Z prefix of word terms.
inline constexpr size_t MAX_WORD_BYTES = MAX_TERM_BYTES - 1;

}  // namespace newshound::schema
