// Builds documents on a second thread while the caller's thread writes them, so analysis (language
// detection, ICU segmentation, stemming, fingerprints, the stored record) overlaps Xapian's writing.
#pragma once

#include "indexer/document_builder.h"
#include "schema/analyzer.h"
#include "schema/article.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <xapian.h>

namespace newshound::indexer {

/// Articles go in with submit(); their documents come out through `write`, in submission order and on
/// the thread that calls submit() and finish() (the IndexWriter is single-threaded). The builder thread
/// owns its own Analyzer and DocumentBuilder.
class BuildPipeline {
public:
    using Write = std::function<void(const std::string& id_term, Xapian::Document doc)>;
    /// Articles submitted but not yet built: bounds memory, and gives the builder work while the writer
    /// commits.
    static constexpr size_t CAPACITY = 64;

    explicit BuildPipeline(Write write);
    /// Stops the builder. Documents built but not yet written are dropped (they were never indexed).
    ~BuildPipeline();
    BuildPipeline(const BuildPipeline&) = delete;
    BuildPipeline& operator=(const BuildPipeline&) = delete;

    /// Queues an article (its id and language are filled in on the builder thread, complete_article),
    /// writing any documents already built. Blocks while CAPACITY articles wait.
    void submit(schema::Article article);
    /// Writes every submitted article's document. A build that threw is rethrown here, in its turn.
    void finish();

private:
    struct Built {
        std::string id_term;
        Xapian::Document doc;
        std::exception_ptr error;
    };
    void run();
    /// Writes built documents: all that are ready, or (wait) until nothing is in flight.
    void drain(bool wait);

    Write write_;
    schema::Analyzer analyzer_;  // used by the builder thread only
    DocumentBuilder builder_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<schema::Article> waiting_;
    std::deque<Built> built_;
    size_t building_ = 0;  // 0 or 1: taken from waiting_, not yet in built_
    bool stopping_ = false;
    std::thread thread_;  // last: starts after every member it uses exists
};

}  // namespace newshound::indexer
