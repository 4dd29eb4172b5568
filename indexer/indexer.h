// One indexing run: walks input paths, picks a reader per file, completes articles (id, language),
// builds documents and upserts them.
#pragma once

#include "indexer/build_pipeline.h"

#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/readers/read_result.h"
#include "schema/analyzer.h"

#include <chrono>
#include <memory>
#include <filesystem>
#include <optional>
#include <string>

namespace newshound::indexer {

/// The input formats. AUTO decides per file from its content (sniff_format).
enum class InputFormat { AUTO, JSONL, PAGE_TEXT, HTML, FEED, REUTERS_SGML, UNSUPPORTED };

/// "auto", "jsonl", "text", "html", "feed", "reuters" → the format; nullopt for anything else.
[[nodiscard]] std::optional<InputFormat> parse_format(const std::string& name);

/// By file name, for choosing which files of a folder are inputs: .jsonl/.ndjson → JSONL, .txt →
/// PAGE_TEXT, .html/.htm/.xhtml → HTML, .rss/.atom → FEED, .sgm → REUTERS_SGML, anything else → UNSUPPORTED.
[[nodiscard]] InputFormat format_of(const std::filesystem::path& path);

/// By content (the first KiB or so): a JSON object → JSONL; HTML markup → HTML; an RSS or Atom root →
/// FEED; the Reuters-21578 DOCTYPE or a <REUTERS> tag → REUTERS_SGML; NUL bytes → UNSUPPORTED; other text →
/// PAGE_TEXT.
[[nodiscard]] InputFormat sniff_format(std::string_view head);

/// Fills what every article needs before indexing: a derived id when none was given, and, when none was
/// given, the language CLD2 detects, else the one its script implies, else DEFAULT_LANGUAGE.
void complete_article(schema::Article& article);

class Indexer {
public:
    /// `format` AUTO sniffs every file's content; any other value reads every file as that format.
    explicit Indexer(IndexWriter& writer, InputFormat format = InputFormat::AUTO)
        : writer_(writer), builder_(analyzer_), format_(format) {}

    /// Indexes a file, or every input file below a folder (sorted; hidden entries and files of other types
    /// ignored). A named file of an unsupported type, an unreadable file and bad items are skipped with a
    /// logged reason; IndexError propagates.
    void add_path(const std::filesystem::path& path);

    /// Indexes one reader result (public so tests and other front-ends can feed articles directly).
    void add(ReadResult&& result, const std::string& origin);

private:
    void add_file(const std::filesystem::path& path);
    void add_path_queued(const std::filesystem::path& path);
    /// add() for the readers of add_path: articles go through the build pipeline.
    void submit(ReadResult&& result, const std::string& origin);
    void skip(const std::string& origin, const std::string& reason);
    void note_read(const std::string& origin);

    IndexWriter& writer_;
    schema::Analyzer analyzer_;
    DocumentBuilder builder_;
    InputFormat format_;
    /// Builds documents of add_path's articles on a second thread (created on first use).
    std::unique_ptr<BuildPipeline> pipeline_;
    std::chrono::steady_clock::time_point last_progress_ = std::chrono::steady_clock::now();
};

}  // namespace newshound::indexer
