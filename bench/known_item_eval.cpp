// Known-item retrieval and language-detection evaluation over converted corpora (scripts/convert_corpus.py).
// For each JSONL file: index it with the language field removed (so detection is tested as a user meets
// it), then search every article's title and find the article's rank. Prints one Markdown row per file:
// detection accuracy on articles of 200+ characters, MRR (rank cut-off 100) and recall@10.
#include "indexer/index_writer.h"
#include "indexer/indexer.h"
#include "indexer/readers/jsonl_reader.h"
#include "searcher/searcher.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace newshound;

namespace {

// Articles shorter than this are not counted for detection accuracy: the target is set for 200+ characters.
constexpr size_t MIN_DETECTION_CHARS = 200;
// Ranks beyond this count as "not found" (reciprocal rank 0).
constexpr int MRR_CUTOFF = 100;

size_t utf8_chars(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// The title as plain words: syntax characters and upper-case operators would change its meaning.
std::string as_plain_query(const std::string& title) {
    std::string q;
    for (char c : title) q += (c == '"' || c == '(' || c == ')' || c == '-' || c == ':') ? ' ' : c;
    std::string out, word;
    auto flush = [&] {
        if (word == "OR" || word == "AND" || word == "NOT") word = std::string(1, static_cast<char>(word[0] + 32)) + word.substr(1);
        if (!word.empty()) out += (out.empty() ? "" : " ") + word;
        word.clear();
    };
    for (char c : q) {
        if (c == ' ' || c == '\t' || c == '\n') flush();
        else word += c;
    }
    flush();
    return out.substr(0, searcher::SearchRequest::MAX_QUERY_BYTES);
}

struct Row {
    std::string name, language;
    size_t articles = 0, detect_total = 0, detect_correct = 0, queries = 0, found_at_10 = 0;
    double rr_sum = 0, index_seconds = 0, query_ms = 0;
    std::map<std::string, size_t> detected_as;
};

Row evaluate(const fs::path& jsonl, const fs::path& work) {
    Row row;
    row.name = jsonl.stem().string();
    std::vector<schema::Article> articles;
    std::ifstream in(jsonl);
    indexer::read_jsonl(in, jsonl.string(), [&](indexer::ReadResult&& r, const std::string& origin) {
        if (auto* a = std::get_if<schema::Article>(&r)) articles.push_back(std::move(*a));
        else spdlog::warn("{}: {}", origin, std::get<indexer::SkipReason>(r).reason);
    });
    row.articles = articles.size();
    const fs::path db = work / row.name;
    const auto t0 = std::chrono::steady_clock::now();
    {
        indexer::IndexWriter writer(db.string());
        indexer::Indexer idx(writer);
        for (auto a : articles) {
            const std::string known = a.language;
            row.language = known;
            a.language.clear();
            indexer::complete_article(a);
            if (utf8_chars(a.title) + utf8_chars(a.summary) + utf8_chars(a.body) >= MIN_DETECTION_CHARS) {
                ++row.detect_total;
                row.detect_correct += a.language == known;
                ++row.detected_as[a.language];
            }
            idx.add(std::move(a), jsonl.string());
        }
        writer.commit();
    }
    row.index_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    searcher::Searcher s(db.string());
    const auto t1 = std::chrono::steady_clock::now();
    for (const auto& a : articles) {
        if (a.title.empty()) continue;
        searcher::SearchRequest r;
        r.query = as_plain_query(a.title);
        r.page_size = MRR_CUTOFF;
        auto result = s.search(r);
        ++row.queries;
        auto* resp = std::get_if<searcher::SearchResponse>(&result);
        if (!resp) continue;
        for (const auto& h : resp->hits) {
            if (h.id != a.id) continue;
            row.rr_sum += 1.0 / h.rank;
            row.found_at_10 += h.rank <= 10;
            break;
        }
    }
    row.query_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count() /
                   static_cast<double>(std::max<size_t>(1, row.queries));
    return row;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: known_item_eval FILE.jsonl...  (files from scripts/convert_corpus.py)\n";
        return 2;
    }
    spdlog::set_default_logger(spdlog::stderr_color_mt("eval"));
    spdlog::set_level(spdlog::level::warn);
    const fs::path work = fs::temp_directory_path() / ("newshound-eval-" + std::to_string(::getpid()));
    fs::create_directories(work);
    std::printf("| corpus | lang | articles | detection (200+ chars) | title MRR | recall@10 | ms/query |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        try {
            const Row r = evaluate(argv[i], work);
            std::string wrong;
            for (const auto& [lang, n] : r.detected_as)
                if (lang != r.language) wrong += " " + lang + ":" + std::to_string(n);
            char detection[64] = "n/a (short texts)";
            if (r.detect_total)
                std::snprintf(detection, sizeof detection, "%.3f (%zu)", static_cast<double>(r.detect_correct) / r.detect_total,
                              r.detect_total);
            std::printf("| %s | %s | %zu | %s%s | %.3f | %.3f | %.2f |\n", r.name.c_str(), r.language.c_str(), r.articles,
                        detection, wrong.empty() ? "" : (" wrong:" + wrong).c_str(),
                        r.queries ? r.rr_sum / static_cast<double>(r.queries) : 0.0,
                        r.queries ? static_cast<double>(r.found_at_10) / static_cast<double>(r.queries) : 0.0, r.query_ms);
            std::fflush(stdout);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s: %s\n", argv[i], e.what());
            status = 1;
        }
    }
    fs::remove_all(work);
    return status;
}
