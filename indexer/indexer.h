// One indexing run: walks input paths, picks a reader per file, completes articles (id, language),
// builds documents and upserts them.
#pragma once

#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/readers/read_result.h"
#include "schema/analyzer.h"

#include <filesystem>
#include <string>

namespace newshound::indexer {

/// The input formats the indexer recognises, by file name.
enum class InputFormat { JSONL, PAGE_TEXT, UNSUPPORTED };

/// ".jsonl"/".ndjson" → JSONL, ".txt" → PAGE_TEXT, anything else → UNSUPPORTED.
[[nodiscard]] InputFormat format_of(const std::filesystem::path& path);

/// Fills what every article needs before indexing: a derived id when none was given, and, when none was
/// given, the language CLD2 detects, else the one its script implies, else DEFAULT_LANGUAGE.
void complete_article(schema::Article& article);

class Indexer {
public:
    explicit Indexer(IndexWriter& writer) : writer_(writer), builder_(analyzer_) {}

    /// Indexes a file, or every input file below a folder (sorted; hidden entries and files of other types
    /// ignored). A named file of an unsupported type, an unreadable file and bad items are skipped with a
    /// logged reason; IndexError propagates.
    void add_path(const std::filesystem::path& path);

    /// Indexes one reader result (public so tests and other front-ends can feed articles directly).
    void add(ReadResult&& result, const std::string& origin);

private:
    void add_file(const std::filesystem::path& path);
    void skip(const std::string& origin, const std::string& reason);

    IndexWriter& writer_;
    schema::Analyzer analyzer_;
    DocumentBuilder builder_;
};

}  // namespace newshound::indexer
