// Rebuilds each document from its stored record with the same DocumentBuilder the indexer uses, and walks
// the two term lists side by side.
#include "indexer/index_check.h"

#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "schema/analyzer.h"
#include "schema/fields.h"
#include "schema/stored_record.h"
#include "schema/stub_file.h"
#include "schema/terms.h"

#include <cstdio>
#include <filesystem>
#include <sys/wait.h>

namespace newshound::indexer {

namespace {

using namespace newshound::schema;

// Values rebuilt from the record alone; CLUSTER and COLLAPSE depend on the other articles.
constexpr Slot RECORD_SLOTS[] = {Slot::PUBLISHED, Slot::PUBLISHED_DAY, Slot::FACETS, Slot::SIMHASH};
// xapian-check prints a line per table and a summary; a failure's last lines say what is wrong.
constexpr size_t XAPIAN_CHECK_TAIL_BYTES = 2000;
constexpr int COMMAND_NOT_FOUND = 127;

std::string positions(const Xapian::TermIterator& t) {
    std::string out;
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out += (out.empty() ? "" : ",") + std::to_string(*p);
    return out;
}

// The first difference between the rebuilt document and the indexed one, or "".
std::string first_difference(const Xapian::Document& expected, const Xapian::Document& actual) {
    const std::string cluster_prefix(prefix::CLUSTER);
    auto e = expected.termlist_begin(), a = actual.termlist_begin();
    bool has_cluster_term = false;
    while (e != expected.termlist_end() || a != actual.termlist_end()) {
        if (a != actual.termlist_end() && (*a).starts_with(cluster_prefix)) {
            has_cluster_term = true;
            ++a;
            continue;
        }
        if (a == actual.termlist_end() || (e != expected.termlist_end() && *e < *a)) return "term " + *e + " is missing";
        if (e == expected.termlist_end() || *a < *e) return "term " + *a + " is not in the record";
        if (e.get_wdf() != a.get_wdf())
            return "term " + *e + " has wdf " + std::to_string(a.get_wdf()) + ", the record gives " + std::to_string(e.get_wdf());
        if (const std::string pe = positions(e), pa = positions(a); pe != pa)
            return "term " + *e + " is at positions [" + pa + "], the record gives [" + pe + "]";
        ++e;
        ++a;
    }
    for (const Slot s : RECORD_SLOTS)
        if (expected.get_value(slot(s)) != actual.get_value(slot(s)))
            return "value slot " + std::to_string(slot(s)) + " differs from the record's";
    const std::string cluster = actual.get_value(slot(Slot::CLUSTER));
    if (cluster.empty() || !has_cluster_term) return "no duplicate cluster";
    const std::string collapse = actual.get_value(slot(Slot::COLLAPSE));
    if (!collapse.empty() && collapse != cluster) return "collapse value " + collapse + " is not its cluster " + cluster;
    if (expected.get_data() != actual.get_data()) return "stored record is not in the current encoding";
    return "";
}

std::string shell_quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The database folders behind `path`: itself, or for a folder holding a stub file (what xapian-replicate
// keeps: XAPIANDB with "auto replica_1"), the folders its "auto"/"glass" lines name. xapian-check takes
// only real database folders.
std::vector<std::string> database_folders(const std::string& path) {
    const std::string stub = (std::filesystem::path(path) / schema::FOLDER_STUB_NAME).string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(stub, ec)) return {path};
    std::vector<std::string> folders;
    for (const auto& entry : read_stub_file(stub))
        if (is_local_kind(entry.kind) && !entry.target.empty()) folders.push_back(entry.target);
    return folders.empty() ? std::vector<std::string>{path} : folders;
}

void run_xapian_check(CheckReport& report) {
    report.xapian_check_run = true;
    std::string command;
    for (const auto& folder : database_folders(report.path))
        command += (command.empty() ? "" : " && ") + std::string("xapian-check ") + shell_quoted(folder) + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) {
        report.xapian_check_output = "cannot start xapian-check";
        return;
    }
    std::string output;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
        output.append(buffer, n);
        if (output.size() > 4 * XAPIAN_CHECK_TAIL_BYTES) output.erase(0, output.size() - XAPIAN_CHECK_TAIL_BYTES);
    }
    const int status = ::pclose(pipe);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    report.xapian_check_passed = code == 0;
    if (code == COMMAND_NOT_FOUND) output = "xapian-check is not installed (Debian package xapian-tools)";
    if (output.size() > XAPIAN_CHECK_TAIL_BYTES) output.erase(0, output.size() - XAPIAN_CHECK_TAIL_BYTES);
    if (!report.xapian_check_passed) report.xapian_check_output = output;
}

}  // namespace

CheckReport check_index(const std::string& path, const CheckOptions& options) {
    CheckReport report;
    report.path = path;
    auto problem = [&](const std::string& text) {
        if (report.problems.size() < options.max_listed) report.problems.push_back(text);
        ++report.problem_count;
    };
    try {
        const Xapian::Database db(path);
        report.documents = db.get_doccount();
        const std::string layout = db.get_metadata(std::string(LAYOUT_VERSION_KEY));
        report.layout_version = layout.empty() ? 0 : std::atoi(layout.c_str());
        const bool compare = report.layout_version == LAYOUT_VERSION;
        if (!compare && report.documents > 0)
            problem("the index has layout version " + (layout.empty() ? std::string("(none)") : layout) + ", this build writes " +
                    std::to_string(LAYOUT_VERSION) + ": documents are not compared (indexing again rewrites them)");
        Analyzer analyzer;
        DocumentBuilder builder(analyzer);
        for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
            const Xapian::docid did = *p;
            const std::string where = "document " + std::to_string(did);
            try {
                const Xapian::Document doc = db.get_document(did);
                const auto article = decode_stored_record(doc.get_data());
                if (!article) {
                    problem(where + ": unreadable stored record");
                    continue;
                }
                const std::string id = id_term(article->id);
                if (const Xapian::doccount holders = db.get_termfreq(id); holders != 1) {
                    problem(where + " (id " + article->id + "): " + std::to_string(holders) + " documents have its id");
                    continue;
                }
                if (*db.postlist_begin(id) != did) {
                    problem(where + " (id " + article->id + "): its id term is on another document");
                    continue;
                }
                if (!compare) continue;
                ++report.checked;
                if (const std::string diff = first_difference(builder.build(*article), doc); !diff.empty())
                    problem(where + " (id " + article->id + "): " + diff);
            } catch (const Xapian::DatabaseCorruptError& e) {
                problem(where + ": cannot be read: " + e.get_msg());
            }
        }
    } catch (const Xapian::DatabaseNotFoundError& e) {
        throw IndexError("no index to check at " + path + ": " + e.get_msg());
    } catch (const Xapian::Error& e) {
        problem("the index cannot be read: " + e.get_description());  // xapian-check says where
    }
    if (options.xapian_check) run_xapian_check(report);
    return report;
}

std::string to_text(const CheckReport& r) {
    std::string out = "index " + r.path + ": layout " + std::to_string(r.layout_version) + ", " + std::to_string(r.documents) +
                      " documents, " + std::to_string(r.checked) + " re-analysed and compared with the index\n";
    out += "problems: " + std::to_string(r.problem_count) + "\n";
    for (const auto& p : r.problems) out += "  " + p + "\n";
    if (r.problem_count > r.problems.size())
        out += "  … and " + std::to_string(r.problem_count - r.problems.size()) + " more\n";
    if (r.xapian_check_run) {
        out += std::string("xapian-check: ") + (r.xapian_check_passed ? "passed" : "FAILED") + "\n";
        if (!r.xapian_check_passed) out += r.xapian_check_output + (r.xapian_check_output.ends_with('\n') ? "" : "\n");
    }
    out += r.clean() ? "the index is sound\n" : "the index has problems\n";
    return out;
}

}  // namespace newshound::indexer
