#include "indexer/build_pipeline.h"

#include "indexer/indexer.h"
#include "schema/terms.h"

namespace newshound::indexer {

BuildPipeline::BuildPipeline(Write write) : write_(std::move(write)), builder_(analyzer_), thread_([this] { run(); }) {}

BuildPipeline::~BuildPipeline() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void BuildPipeline::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
        if (stopping_) return;
        schema::Article article = std::move(waiting_.front());
        waiting_.pop_front();
        building_ = 1;
        lock.unlock();
        Built out;
        try {
            complete_article(article);
            out.id_term = schema::id_term(article.id);
            out.doc = builder_.build(article);
        } catch (...) {
            out.error = std::current_exception();
        }
        lock.lock();
        built_.push_back(std::move(out));
        building_ = 0;
        changed_.notify_all();
    }
}

void BuildPipeline::drain(bool wait) {
    std::unique_lock lock(mutex_);
    while (true) {
        if (built_.empty()) {
            if (!wait || (waiting_.empty() && building_ == 0)) return;
            changed_.wait(lock, [&] { return !built_.empty() || (waiting_.empty() && building_ == 0); });
            continue;
        }
        Built next = std::move(built_.front());
        built_.pop_front();
        lock.unlock();
        if (next.error) std::rethrow_exception(next.error);
        write_(next.id_term, std::move(next.doc));
        lock.lock();
    }
}

void BuildPipeline::submit(schema::Article article) {
    {
        std::unique_lock lock(mutex_);
        // While the queue is full, write what is built (that is what frees the builder), else wait.
        while (waiting_.size() >= CAPACITY) {
            if (built_.empty()) {
                changed_.wait(lock, [&] { return waiting_.size() < CAPACITY || !built_.empty(); });
                continue;
            }
            lock.unlock();
            drain(false);
            lock.lock();
        }
        waiting_.push_back(std::move(article));
    }
    changed_.notify_all();
    drain(false);
}

void BuildPipeline::finish() { drain(true); }

}  // namespace newshound::indexer
