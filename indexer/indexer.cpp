// The indexing pipeline: reader → (builder thread: complete_article → DocumentBuilder) → IndexWriter.
#include "indexer/indexer.h"

#include "indexer/readers/feed_reader.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/page_text_reader.h"
#include "indexer/readers/reuters_reader.h"
#include "schema/language.h"
#include "schema/terms.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <spdlog/spdlog.h>
#include <vector>

namespace newshound::indexer {

namespace fs = std::filesystem;

namespace {
// Enough of a file to tell JSONL, HTML, feeds and text apart (HTML5 prescans 1024 bytes for a charset).
constexpr size_t SNIFF_BYTES = 1024;
}  // namespace

std::optional<InputFormat> parse_format(const std::string& name) {
    if (name == "auto") return InputFormat::AUTO;
    if (name == "jsonl") return InputFormat::JSONL;
    if (name == "text") return InputFormat::PAGE_TEXT;
    if (name == "html") return InputFormat::HTML;
    if (name == "feed") return InputFormat::FEED;
    if (name == "reuters") return InputFormat::REUTERS_SGML;
    return std::nullopt;
}

InputFormat format_of(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::JSONL;
    if (ext == ".txt") return InputFormat::PAGE_TEXT;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::HTML;
    if (ext == ".rss" || ext == ".atom") return InputFormat::FEED;
    if (ext == ".sgm") return InputFormat::REUTERS_SGML;
    return InputFormat::UNSUPPORTED;
}

InputFormat sniff_format(std::string_view head) {
    if (head.find('\0') != std::string_view::npos) return InputFormat::UNSUPPORTED;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    const size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return InputFormat::PAGE_TEXT;
    if (head[first] == '{') return InputFormat::JSONL;
    if (head[first] != '<') return InputFormat::PAGE_TEXT;
    if (looks_like_reuters_sgml(head)) return InputFormat::REUTERS_SGML;
    std::string lower(head);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower.find("<rss") != std::string::npos || lower.find("<feed") != std::string::npos ||
        lower.find("<rdf:rdf") != std::string::npos)
        return InputFormat::FEED;
    return InputFormat::HTML;
}

void complete_article(schema::Article& a) {
    if (a.id.empty()) a.id = schema::derive_article_id(a.url, a.title, a.body);
    if (a.language.empty()) {
        const std::string text = a.title + "\n" + a.summary + "\n" + a.body;
        a.language = schema::detect_language(text);
        if (a.language.empty()) a.language = schema::guess_language_by_script(text);
        if (a.language.empty()) a.language = std::string(schema::DEFAULT_LANGUAGE);
    } else {
        std::transform(a.language.begin(), a.language.end(), a.language.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    }
}

void Indexer::note_read(const std::string& origin) {
    // Long runs say how far they are, at most every PROGRESS_INTERVAL.
    constexpr auto PROGRESS_INTERVAL = std::chrono::seconds(10);
    writer_.count_read();
    if (const auto now = std::chrono::steady_clock::now(); now - last_progress_ >= PROGRESS_INTERVAL) {
        const auto& s = writer_.stats();
        spdlog::info("progress: {} read, {} added, {} updated, {} unchanged, {} skipped (at {})", s.read, s.added, s.updated,
                     s.unchanged, s.skipped, origin);
        last_progress_ = now;
    }
}

void Indexer::skip(const std::string& origin, const std::string& reason) {
    note_read(origin);
    spdlog::warn("skipped {}: {}", origin, reason);
    writer_.count_skip(reason);
}

void Indexer::add(ReadResult&& result, const std::string& origin) {
    if (auto* s = std::get_if<SkipReason>(&result)) {
        skip(s->origin.empty() ? origin : s->origin, s->reason);
        return;
    }
    note_read(origin);
    auto& article = std::get<schema::Article>(result);
    complete_article(article);
    writer_.upsert(schema::id_term(article.id), builder_.build(article));
}

void Indexer::submit(ReadResult&& result, const std::string& origin) {
    if (auto* s = std::get_if<SkipReason>(&result)) {
        skip(s->origin.empty() ? origin : s->origin, s->reason);
        return;
    }
    note_read(origin);
    if (!pipeline_)
        pipeline_ = std::make_unique<BuildPipeline>(
            [this](const std::string& id_term, Xapian::Document doc) { writer_.upsert(id_term, std::move(doc)); });
    pipeline_->submit(std::move(std::get<schema::Article>(result)));
}

void Indexer::add_file(const fs::path& path) {
    const std::string origin = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) return skip(origin, "cannot open file");
    InputFormat format = format_;
    if (format == InputFormat::AUTO) {
        std::string head(SNIFF_BYTES, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<size_t>(in.gcount()));
        format = sniff_format(head);
        // Plain text is the sniffer's fallback, not evidence: a file named .jsonl/.html/.rss whose start
        // looks like text (a bad first line, a comment) is still read as what its name says.
        if (format == InputFormat::PAGE_TEXT && format_of(path) != InputFormat::UNSUPPORTED) format = format_of(path);
        in.clear();
        in.seekg(0);
    }
    switch (format) {
    case InputFormat::JSONL:
        read_jsonl(in, origin, [this](ReadResult&& r, const std::string& o) { submit(std::move(r), o); });
        if (in.bad()) skip(origin, "read error part-way through the file");
        return;
    case InputFormat::PAGE_TEXT:
    case InputFormat::HTML:
    case InputFormat::FEED:
    case InputFormat::REUTERS_SGML: {
        // Pages, feeds and SGML files are parsed whole, so their size is bounded before they are read.
        std::error_code ec;
        const auto size = fs::file_size(path, ec);
        if (ec) return skip(origin, "cannot stat file: " + ec.message());
        if (size > MAX_PAGE_BYTES) return skip(origin, "larger than " + std::to_string(MAX_PAGE_BYTES) + " bytes");
        std::string bytes(static_cast<size_t>(size), '\0');
        if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return skip(origin, "read error");
        const auto each = [this](ReadResult&& r, const std::string& o) { submit(std::move(r), o); };
        if (format == InputFormat::FEED) return read_feed(bytes, origin, each);
        if (format == InputFormat::REUTERS_SGML) return read_reuters_sgml(bytes, origin, each);
        // A saved page's "3 hours ago" is relative to when it was saved: the file's modification time.
        std::optional<schema::Timestamp> saved_at;
        if (const auto mtime = fs::last_write_time(path, ec); !ec) {
            const auto since_epoch = std::chrono::file_clock::to_sys(mtime).time_since_epoch();
            saved_at = schema::Timestamp{std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count(), 0};
        }
        return submit(format == InputFormat::HTML ? read_html(bytes, origin, saved_at) : read_page_text(bytes, origin, saved_at),
                      origin);
    }
    case InputFormat::AUTO:
    case InputFormat::UNSUPPORTED:
        return skip(origin, "binary data, not an article format");
    }
}

void Indexer::add_path(const fs::path& path) {
    add_path_queued(path);
    // Every article of the path is written before returning, like add().
    if (pipeline_) pipeline_->finish();
}

void Indexer::add_path_queued(const fs::path& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return skip(path.string(), "no such file or folder");
    if (!fs::is_directory(status)) return add_file(path);
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        // Inside a folder, files of other kinds (images, notes) are expected and ignored, not skipped.
        if (it->is_regular_file() && format_of(it->path()) != InputFormat::UNSUPPORTED) files.push_back(it->path());
        else if (it->is_regular_file()) spdlog::debug("ignored {}: not an input format", it->path().string());
    }
    if (ec) skip(path.string(), "cannot list folder: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_file(f);
}

}  // namespace newshound::indexer
