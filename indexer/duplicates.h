// Near-duplicate clustering: which earlier article, if any, a new article is a copy of. The rules
// (exact text, shared sampled shingles, SimHash, published within NEAR_DUPLICATE_MAX_DAYS) are here;
// where candidates come from is a CandidateSource: the index being written, or, when several writers
// build shards in parallel, the shards' committed revisions plus the articles not committed yet.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace newshound::indexer {

/// What clustering needs to know of an indexed article.
struct DuplicateInfo {
    std::optional<std::int64_t> published;  ///< UTC seconds
    std::string cluster;
    std::optional<std::uint64_t> simhash;
};

/// A new article's side: its lookup terms (as indexed, ending in its own window) and its info.
struct DuplicateProbe {
    std::string own_cluster;  ///< the cluster it starts when it is no copy: derived from its id
    DuplicateInfo info;
    std::vector<std::string> exact_terms;    ///< XBH terms
    std::vector<std::string> shingle_terms;  ///< XSG terms
};

/// Reads the probe from a built document (before its cluster is set).
[[nodiscard]] DuplicateProbe probe_of(const std::string& id_term, const Xapian::Document& doc);

/// Puts the document in `cluster` (value CLUSTER and term XCL…), and when `shared` (it is a copy) gives it
/// the COLLAPSE value too.
void set_cluster(Xapian::Document& doc, const std::string& cluster, bool shared);

/// Gives the members of `cluster` in `db` that lack it the COLLAPSE value, once the cluster has more than
/// one member: the first article of a cluster was written before any copy was known. With
/// `founder_only`, only the lowest docid is looked at: with one writer that is the first member (a
/// replaced document keeps its docid), and every later one got the value when written.
void mark_shared_cluster(Xapian::WritableDatabase& db, const std::string& cluster, bool founder_only);

/// Indexed articles to compare with, by lookup term. Keys identify an article within one source.
class CandidateSource {
public:
    virtual ~CandidateSource() = default;
    /// Appends up to `max` keys of articles indexed with `term`.
    virtual void postings(const std::string& term, size_t max, std::vector<std::uint64_t>& out) = 0;
    [[nodiscard]] virtual DuplicateInfo info(std::uint64_t key) = 0;
    /// How many sampled shingles the article has.
    [[nodiscard]] virtual size_t shingle_count(std::uint64_t key) = 0;
};

/// The articles of a Xapian database (the one being written, or a read-only view), except `self`.
class DatabaseCandidates final : public CandidateSource {
public:
    DatabaseCandidates(const Xapian::Database& db, Xapian::docid self = 0) : db_(db), self_(self) {}
    void postings(const std::string& term, size_t max, std::vector<std::uint64_t>& out) override;
    [[nodiscard]] DuplicateInfo info(std::uint64_t key) override;
    [[nodiscard]] size_t shingle_count(std::uint64_t key) override;

private:
    const Xapian::Database& db_;
    Xapian::docid self_;
};

/// Articles accepted but not yet readable from a committed revision, in acceptance order. Each is
/// forgotten once its writer has committed it and the view has been reopened (forget_front_while), so
/// memory stays bounded by what the writers hold uncommitted.
class RecentCandidates final : public CandidateSource {
public:
    /// `sequence` increases with every call; `tag` is the caller's (the shard the article went to).
    void add(std::uint64_t sequence, std::size_t tag, const DuplicateProbe& probe, const std::string& cluster);
    /// Forgets the oldest articles while `visible(sequence, tag)` says a committed revision has them.
    template <class Visible>
    void forget_front_while(Visible visible) {
        while (!entries_.empty() && visible(entries_.front().sequence, entries_.front().tag)) forget_front();
    }
    [[nodiscard]] size_t size() const { return entries_.size(); }

    void postings(const std::string& term, size_t max, std::vector<std::uint64_t>& out) override;
    [[nodiscard]] DuplicateInfo info(std::uint64_t key) override;
    [[nodiscard]] size_t shingle_count(std::uint64_t key) override;

private:
    struct Entry {
        std::uint64_t sequence;
        std::size_t tag;
        DuplicateInfo info;
        std::vector<std::string> terms;
        size_t shingles;
    };
    void forget_front();
    [[nodiscard]] const Entry& entry(std::uint64_t sequence) const;

    std::deque<Entry> entries_;  // by sequence, oldest first
    std::unordered_map<std::string, std::vector<std::uint64_t>> by_term_;
};

/// The cluster the probe's article belongs to: that of the first copy found in `sources` (an exact copy
/// first, then most shared shingles, then SimHash), or its own.
[[nodiscard]] std::string find_cluster(const DuplicateProbe& probe, const std::vector<CandidateSource*>& sources);

}  // namespace newshound::indexer
