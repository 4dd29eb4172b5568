// Shards searched as one: remote shards served by xapian-tcpsrv on 127.0.0.1, local shard folders and a
// stub database file answer exactly like one database holding the same articles.
#include "indexer/index_command.h"
#include "searcher/response_json.h"
#include "searcher/searcher.h"
#include "support/test_support.h"

#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

using namespace newshound;

namespace {

// A port nobody listens on now (the kernel's choice for a socket bound to port 0).
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

// xapian-tcpsrv serving one database on 127.0.0.1, stopped with the object.
class TcpServer {
public:
    explicit TcpServer(const std::string& db) : port_(free_port()) {
        const std::string port = std::to_string(port_);
        std::vector<std::string> args{"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port, "--quiet", db};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        // Its own process group: on SIGTERM xapian-tcpsrv signals its group (its connection children).
        posix_spawnattr_t attr;
        ::posix_spawnattr_init(&attr);
        ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        ::posix_spawnattr_setpgroup(&attr, 0);
        // Its children report each readiness probe's closed connection: not the test's business.
        posix_spawn_file_actions_t files;
        ::posix_spawn_file_actions_init(&files);
        ::posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        ::posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        const int spawned = ::posix_spawnp(&pid_, "xapian-tcpsrv", &files, &attr, argv.data(), environ);
        ::posix_spawn_file_actions_destroy(&files);
        ::posix_spawnattr_destroy(&attr);
        REQUIRE(spawned == 0);
        constexpr int ATTEMPTS = 200;  // 10 s at 50 ms
        for (int i = 0; i < ATTEMPTS && !accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        REQUIRE(accepts(port_));
    }
    ~TcpServer() {
        if (pid_ <= 0) return;  // kill(0) would signal this whole process group
        ::kill(-pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;
    [[nodiscard]] std::string location() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
    [[nodiscard]] int port() const { return port_; }

private:
    int port_;
    pid_t pid_ = 0;
};

void build(const std::string& db, const std::vector<std::string>& inputs) {
    indexer::IndexConfig c;
    c.db = db;
    c.inputs = inputs;
    indexer::run_index(c);
}

// The test articles, and the same articles dealt into three shard files line by line.
struct Corpus {
    test::TempDir dir;
    std::string all, one;
    std::vector<std::string> shards;
    Corpus() {
        all = (dir / "all.jsonl").string();
        std::ofstream out(all);
        for (const char* name : {"articles.jsonl", "multilingual.jsonl"}) out << test::read_file(test::fixture(name));
        out.close();
        one = (dir / "one").string();
        build(one, {all});
        std::ifstream in(all);
        std::vector<std::ofstream> parts;
        for (int i = 0; i < 3; ++i) parts.emplace_back(dir / ("part" + std::to_string(i) + ".jsonl"));
        int n = 0;
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) parts[static_cast<size_t>(n++ % 3)] << line << "\n";
        for (auto& p : parts) p.close();
        for (int i = 0; i < 3; ++i) {
            shards.push_back((dir / ("shard" + std::to_string(i))).string());
            build(shards.back(), {(dir / ("part" + std::to_string(i) + ".jsonl")).string()});
        }
    }
};

const std::vector<std::string> QUERIES = {"ukraine", "grain exports", "\"interest rates\"", "strike", "Москва",
                                          "drone OR port", "", "topic:europe", "troops -russia"};

// Everything a reader sees for each query: the whole JSON response but its timing.
std::string answers(searcher::Searcher& s) {
    std::string out;
    for (const auto& q : QUERIES) {
        for (const auto sort : {searcher::SortOrder::RELEVANCE, searcher::SortOrder::DATE}) {
            searcher::SearchRequest r;
            r.query = q;
            r.sort = sort;
            auto result = s.search(r);
            REQUIRE(std::holds_alternative<searcher::SearchResponse>(result));
            auto j = searcher::to_json(std::get<searcher::SearchResponse>(result));
            j.erase("took_ms");
            // Scores are left out: Xapian's multi-database BM25 is the same, but rounding of the summed
            // statistics may differ in the last digits.
            for (auto& hit : j["hits"]) hit.erase("score");
            out += q + " " + j.dump(1) + "\n";
        }
    }
    return out;
}

// The article pages and related stories of the first hits.
std::string pages(searcher::Searcher& s) {
    std::string out;
    for (const char* id : {"fx-01", "fx-02", "fx-07", "ml-ru-01"}) {
        const auto a = s.article(id);
        out += std::string(id) + ": " + (a ? a->title : "(none)");
        if (const auto related = s.related(id))
            for (const auto& h : *related) out += " " + h.id;
        out += "\n";
    }
    for (const auto& sg : s.suggest("ukr")) out += sg.query + "/" + std::to_string(sg.articles) + " ";
    return out;
}

}  // namespace

TEST_CASE("shards on xapian-tcpsrv, local shards and a stub file answer like one database", "[shards][remote]") {
    Corpus corpus;
    const TcpServer a(corpus.shards[0]), b(corpus.shards[1]), c(corpus.shards[2]);
    searcher::Searcher one(corpus.one);
    const std::string expected = answers(one), expected_pages = pages(one);
    REQUIRE(expected.find("fx-07") != std::string::npos);  // the queries find things

    SECTION("three remote shards") {
        searcher::Searcher remote(std::vector<std::string>{a.location(), b.location(), c.location()});
        CHECK(remote.doc_count() == one.doc_count());
        CHECK(answers(remote) == expected);
        CHECK(pages(remote) == expected_pages);
    }
    SECTION("three local shard folders") {
        searcher::Searcher local(corpus.shards);
        CHECK(answers(local) == expected);
        CHECK(pages(local) == expected_pages);
    }
    SECTION("a stub database file listing two remote shards and a local one") {
        const std::string stub = (corpus.dir / "archive.stub").string();
        std::ofstream(stub) << "# the archive's shards\nremote 127.0.0.1:" << a.port() << "\nremote 127.0.0.1:" << b.port()
                            << "\n\nauto " << corpus.shards[2] << "\n";
        searcher::Searcher stubbed(stub);
        CHECK(answers(stubbed) == expected);
        CHECK(pages(stubbed) == expected_pages);
    }
}

TEST_CASE("freshness needs local shards, and an unreachable shard is named", "[shards][remote]") {
    Corpus corpus;
    const TcpServer a(corpus.shards[0]);
    searcher::SearchRequest fresh;
    fresh.query = "ukraine";
    fresh.sort = searcher::SortOrder::FRESHNESS;
    searcher::Searcher remote(std::vector<std::string>{a.location(), corpus.shards[1]});
    const auto refused = remote.search(fresh);
    REQUIRE(std::holds_alternative<searcher::QueryError>(refused));
    CHECK(std::get<searcher::QueryError>(refused).message.find("freshness") != std::string::npos);
    searcher::Searcher local(corpus.shards);
    CHECK(std::holds_alternative<searcher::SearchResponse>(local.search(fresh)));

    const std::string closed = "tcp://127.0.0.1:" + std::to_string(free_port());
    CHECK_THROWS_WITH(searcher::Searcher(std::vector<std::string>{corpus.shards[0], closed}),
                      Catch::Contains(closed));
    CHECK_THROWS_WITH(searcher::Searcher(std::vector<std::string>{"tcp://127.0.0.1"}), Catch::Contains("tcp://host:port"));
    CHECK_THROWS_AS(searcher::Searcher(std::vector<std::string>{}), searcher::SearchUnavailable);
}

TEST_CASE("a searcher on a replica folder opens the new copy when the replica switches copies", "[shards][replica]") {
    // The layout xapian-replicate keeps: <replica>/XAPIANDB naming the live copy. A whole copy goes into the
    // other folder and the stub is then rewritten; the replica folder itself stays the same.
    Corpus corpus;
    const auto replica = corpus.dir / "replica";
    std::filesystem::create_directories(replica);
    std::filesystem::copy(corpus.shards[0], replica / "replica_0");
    std::ofstream(replica / "XAPIANDB") << "# Automatically generated by Xapian::DatabaseReplica v1.4.22.\nauto replica_0\n";
    searcher::Searcher on_replica(replica.string());
    const auto before = on_replica.doc_count();
    REQUIRE(before == Xapian::Database(corpus.shards[0]).get_doccount());

    std::filesystem::copy(corpus.one, replica / "replica_1");
    const auto switched = replica / "XAPIANDB.tmp";
    std::ofstream(switched) << "# Automatically generated by Xapian::DatabaseReplica v1.4.22.\nauto replica_1\n";
    std::filesystem::rename(switched, replica / "XAPIANDB");
    CHECK(on_replica.doc_count() == Xapian::Database(corpus.one).get_doccount());  // unwatched, it stayed on replica_0
    CHECK(answers(on_replica) == [&] {
        searcher::Searcher one(corpus.one);
        return answers(one);
    }());
}
