// Field-level extraction evaluation over hand-labelled pages (tests/fixtures/extraction).
//
// A case is either a labelled page text (`name.txt`) or an HTML page with its expectation beside it
// (`name.html` + `name.expected`). Both start with `@field value` header lines and a `---` line:
//   @published 2025-08-27T22:57+05:30   expected publication time (compared to the minute, in UTC)
//   @updated   ...                      expected update time, when the page prints one
//   @source    Business Standard        @topics Ukraine; Europe        @language en
//   @saved_at  ...                      when the page was saved (resolves "3 hours ago")
//   @title     ...                      (HTML cases; a page text labels its title line instead)
// After `---` every line of a page text starts with its label and a space: T title, S standfirst,
// B body paragraph, M metadata (dates, bylines, tags), N navigation and other furniture. Blank lines
// stay blank. The page the extractor sees is the text with the labels removed. An HTML case's
// `.expected` lists only its B lines.
//
// Prints one Markdown row per case and a totals table; exits 1 when a target is missed:
// title and date right on >= 95% of cases, mean body token F1 >= 0.95, and no furniture line leaked.
#include "indexer/indexer.h"
#include "indexer/readers/html_reader.h"
#include "indexer/readers/page_text_reader.h"
#include "schema/analyzer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace newshound;

namespace {

constexpr double TITLE_TARGET = 0.95;
constexpr double DATE_TARGET = 0.95;
constexpr double BODY_F1_TARGET = 0.95;
// An extracted paragraph most of whose words are not in the expected body is a leaked furniture line.
constexpr double LEAK_OVERLAP = 0.5;

struct Case {
    std::string name, format;
    std::string input;  // what the extractor reads
    std::map<std::string, std::string> header;
    std::string title, summary;
    std::vector<std::string> body;
    std::vector<std::string> furniture;  // N and M lines: must not reach the body
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Reads the header and the labelled lines; for a page text also rebuilds the unlabelled page.
void parse_labelled(const std::string& text, Case& c, bool page) {
    std::istringstream in(text);
    std::string line;
    bool in_header = true;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (in_header) {
            if (line == "---") {
                in_header = false;
            } else if (line.size() > 1 && line[0] == '@') {
                const auto space = line.find(' ');
                c.header[line.substr(1, space - 1)] = space == std::string::npos ? "" : trim(line.substr(space + 1));
            } else if (!trim(line).empty()) {
                throw std::runtime_error(c.name + ":" + std::to_string(number) + ": header line without '@'");
            }
            continue;
        }
        if (trim(line).empty()) {
            if (page) c.input += "\n";
            continue;
        }
        if (line.size() < 2 || line[1] != ' ' || std::string("TSBMN").find(line[0]) == std::string::npos)
            throw std::runtime_error(c.name + ":" + std::to_string(number) + ": line without a T/S/B/M/N label");
        const std::string content = line.substr(2);
        if (page) c.input += content + "\n";
        switch (line[0]) {
        case 'T': c.title = trim(content); break;
        case 'S': c.summary = trim(content); break;
        case 'B': c.body.push_back(trim(content)); break;
        default:
            if (!trim(content).empty()) c.furniture.push_back(trim(content));
        }
    }
    if (in_header) throw std::runtime_error(c.name + ": no '---' line");
    if (c.header.count("title")) c.title = c.header["title"];
    if (c.header.count("summary")) c.summary = c.header["summary"];
}

std::vector<std::string> words(schema::Analyzer& analyzer, const std::string& text) {
    std::vector<schema::Token> tokens;
    analyzer.analyze(text, "", tokens);
    std::vector<std::string> out;
    out.reserve(tokens.size());
    for (auto& t : tokens) out.push_back(std::move(t.term));
    return out;
}

// Multiset overlap of two token lists.
size_t overlap(std::vector<std::string> a, std::vector<std::string> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return common.size();
}

std::vector<std::string> paragraphs(const std::string& body) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= body.size()) {
        size_t end = body.find("\n\n", start);
        if (end == std::string::npos) end = body.size();
        if (auto p = trim(body.substr(start, end - start)); !p.empty()) out.push_back(p);
        start = end + 2;
    }
    return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string item;
    while (std::getline(in, item, ';'))
        if (auto t = trim(item); !t.empty()) out.push_back(t);
    return out;
}

std::optional<schema::Timestamp> header_time(const Case& c, const std::string& key) {
    auto it = c.header.find(key);
    if (it == c.header.end() || it->second.empty()) return std::nullopt;
    auto ts = schema::parse_iso8601(it->second);
    if (!ts) throw std::runtime_error(c.name + ": bad @" + key + " " + it->second);
    return ts;
}

bool same_minute(const std::optional<schema::Timestamp>& a, const std::optional<schema::Timestamp>& b) {
    if (!a || !b) return !a && !b;
    return a->utc_seconds / 60 == b->utc_seconds / 60;
}

std::string show(const std::optional<schema::Timestamp>& t) { return t ? schema::to_iso8601(*t) : "none"; }

struct Totals {
    size_t cases = 0, title = 0, date = 0, updated = 0, summary = 0, source = 0, language = 0, leaks = 0;
    size_t topics_expected = 0, topics_found = 0, topics_right = 0;
    double f1_sum = 0, precision_sum = 0, recall_sum = 0;
    std::set<std::string> languages;
};

std::string ratio(size_t n, size_t d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f (%zu/%zu)", d ? static_cast<double>(n) / d : 1.0, n, d);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: extraction_eval FIXTURE_DIR [--verbose]\n";
        return 2;
    }
    const bool verbose = argc > 2 && std::string(argv[2]) == "--verbose";
    try {
        std::vector<Case> cases;
        std::vector<fs::path> files;
        for (const auto& e : fs::recursive_directory_iterator(argv[1]))
            if (e.is_regular_file()) files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& p : files) {
            Case c;
            c.name = p.filename().string();
            if (p.extension() == ".txt") {
                c.format = "text";
                parse_labelled(read_file(p), c, true);
            } else if (p.extension() == ".html") {
                c.format = "html";
                c.input = read_file(p);
                auto expected = p;
                expected.replace_extension(".expected");
                parse_labelled(read_file(expected), c, false);
            } else {
                continue;
            }
            cases.push_back(std::move(c));
        }
        if (cases.empty()) throw std::runtime_error(std::string("no cases in ") + argv[1]);

        schema::Analyzer analyzer;
        Totals t;
        std::cout << "| case | format | lang | title | date | body P | body R | body F1 | leaked |\n"
                  << "|---|---|---|---|---|---|---|---|---|\n";
        for (const auto& c : cases) {
            const auto saved_at = header_time(c, "saved_at");
            auto result = c.format == "html" ? indexer::read_html(c.input, c.name, saved_at)
                                             : indexer::read_page_text(c.input, c.name, saved_at);
            schema::Article a;
            if (auto* got = std::get_if<schema::Article>(&result)) a = std::move(*got);
            indexer::complete_article(a);

            const auto expected_published = header_time(c, "published");
            const auto expected_updated = header_time(c, "updated");
            const bool title_ok = trim(a.title) == c.title;
            const bool date_ok = same_minute(a.published, expected_published);
            const bool updated_ok = same_minute(a.updated, expected_updated);
            const bool summary_ok = trim(a.summary) == c.summary;
            const bool source_ok = !c.header.count("source") || a.source == c.header.at("source");
            const std::string want_language = c.header.count("language") ? c.header.at("language") : "";
            const bool language_ok = a.language == want_language;

            const auto expected_words = words(analyzer, join(c.body, "\n\n"));
            const auto got_words = words(analyzer, a.body);
            const size_t common = overlap(expected_words, got_words);
            const double precision = got_words.empty() ? (expected_words.empty() ? 1 : 0) : double(common) / got_words.size();
            const double recall = expected_words.empty() ? 1 : double(common) / expected_words.size();
            const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;

            std::vector<std::string> leaked;
            for (const auto& p : paragraphs(a.body)) {
                const auto pw = words(analyzer, p);
                if (pw.empty()) continue;
                const bool furniture = std::find(c.furniture.begin(), c.furniture.end(), p) != c.furniture.end();
                if (furniture || double(overlap(pw, expected_words)) / pw.size() < LEAK_OVERLAP) leaked.push_back(p);
            }

            const auto want_topics = split_list(c.header.count("topics") ? c.header.at("topics") : "");
            size_t topics_right = 0;
            for (const auto& topic : a.topics)
                topics_right += std::find(want_topics.begin(), want_topics.end(), topic) != want_topics.end();

            ++t.cases;
            t.title += title_ok;
            t.date += date_ok;
            t.updated += updated_ok;
            t.summary += summary_ok;
            t.source += source_ok;
            t.language += language_ok;
            t.leaks += leaked.size();
            t.f1_sum += f1;
            t.precision_sum += precision;
            t.recall_sum += recall;
            t.topics_expected += want_topics.size();
            t.topics_found += a.topics.size();
            t.topics_right += topics_right;
            t.languages.insert(want_language);

            char row[512];
            std::snprintf(row, sizeof row, "| %s | %s | %s | %s | %s | %.3f | %.3f | %.3f | %zu |\n", c.name.c_str(),
                          c.format.c_str(), want_language.c_str(), title_ok ? "ok" : "**wrong**",
                          date_ok ? "ok" : "**wrong**", precision, recall, f1, leaked.size());
            std::cout << row;
            if (verbose || !title_ok || !date_ok) {
                if (!title_ok) std::cerr << c.name << ": title '" << a.title << "' expected '" << c.title << "'\n";
                if (!date_ok)
                    std::cerr << c.name << ": published " << show(a.published) << " expected " << show(expected_published) << "\n";
            }
            if (verbose) {
                if (!updated_ok)
                    std::cerr << c.name << ": updated " << show(a.updated) << " expected " << show(expected_updated) << "\n";
                if (!summary_ok) std::cerr << c.name << ": summary '" << a.summary << "' expected '" << c.summary << "'\n";
                if (!source_ok) std::cerr << c.name << ": source '" << a.source << "'\n";
                if (!language_ok) std::cerr << c.name << ": language '" << a.language << "'\n";
                if (topics_right != want_topics.size() || a.topics.size() != want_topics.size())
                    std::cerr << c.name << ": topics '" << join(a.topics, "; ") << "'\n";
                if (f1 < 1) {
                    for (const auto& want : c.body)
                        if (a.body.find(want) == std::string::npos) std::cerr << c.name << ": missing body '" << want << "'\n";
                }
            }
            for (const auto& p : leaked) std::cerr << c.name << ": leaked '" << p << "'\n";
        }

        const double n = static_cast<double>(t.cases);
        std::cout << "\n| measure | value | target |\n|---|---|---|\n"
                  << "| cases (page text + HTML) | " << t.cases << " in " << t.languages.size() << " languages | |\n"
                  << "| title exact | " << ratio(t.title, t.cases) << " | >= 0.95 |\n"
                  << "| published, to the minute | " << ratio(t.date, t.cases) << " | >= 0.95 |\n"
                  << "| updated, to the minute | " << ratio(t.updated, t.cases) << " | |\n"
                  << "| standfirst exact | " << ratio(t.summary, t.cases) << " | |\n"
                  << "| source | " << ratio(t.source, t.cases) << " | |\n"
                  << "| language | " << ratio(t.language, t.cases) << " | |\n"
                  << "| topics precision | " << ratio(t.topics_right, t.topics_found) << " | |\n"
                  << "| topics recall | " << ratio(t.topics_right, t.topics_expected) << " | |\n";
        char buf[256];
        std::snprintf(buf, sizeof buf, "| body token precision / recall / F1 (mean) | %.3f / %.3f / %.3f | F1 >= 0.95 |\n",
                      t.precision_sum / n, t.recall_sum / n, t.f1_sum / n);
        std::cout << buf << "| furniture lines leaked into bodies | " << t.leaks << " | 0 |\n";

        const bool pass = t.title >= TITLE_TARGET * n && t.date >= DATE_TARGET * n && t.f1_sum / n >= BODY_F1_TARGET &&
                          t.leaks == 0;
        std::cout << "\n" << (pass ? "PASS" : "FAIL: a target is missed") << "\n";
        return pass ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "extraction_eval: " << e.what() << "\n";
        return 1;
    }
}
