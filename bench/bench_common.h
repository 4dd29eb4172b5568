// Shared by the benchmark programs: the query file, latency percentiles, JSON result lines.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace newshound::bench {

/// Passes over the query file: the first warms caches and is not measured, the rest are.
inline constexpr int WARMUP_PASSES = 1;
inline constexpr int MEASURED_PASSES = 5;

/// The queries every engine runs: one per line, in the common syntax (words, "phrases"), all words required.
inline std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') out.push_back(line);
    if (out.empty()) throw std::runtime_error("no queries in " + path);
    return out;
}

/// Nearest-rank percentile of `ms` (sorted in place), p in (0, 100].
inline double percentile(std::vector<double>& ms, double p) {
    std::sort(ms.begin(), ms.end());
    const size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(ms.size())));
    return ms[std::min(ms.size(), std::max<size_t>(rank, 1)) - 1];
}

/// Runs `run(query)` (which returns the hit count) over the queries: the warm-up passes, then the
/// measured ones, collecting milliseconds per query. `counts` gets each query's hit count.
template <class Run>
std::vector<double> time_queries(const std::vector<std::string>& queries, Run run, std::vector<long long>& counts) {
    std::vector<double> ms;
    counts.assign(queries.size(), 0);
    for (int pass = 0; pass < WARMUP_PASSES + MEASURED_PASSES; ++pass) {
        for (size_t i = 0; i < queries.size(); ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            counts[i] = run(queries[i]);
            const auto t1 = std::chrono::steady_clock::now();
            if (pass >= WARMUP_PASSES) ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
    }
    return ms;
}

/// A JSON string literal.
inline std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        out += c;
    }
    return out + "\"";
}

/// One result line: {"engine":..,"mode":..,"p50_ms":..,"p95_ms":..,"p99_ms":..,"counts":[..]}.
inline std::string latency_json(const std::string& engine, const std::string& mode, std::vector<double> ms,
                                const std::vector<long long>& counts) {
    std::string out = "{\"engine\":" + quoted(engine) + ",\"mode\":" + quoted(mode);
    out += ",\"queries\":" + std::to_string(counts.size());
    for (double p : {50.0, 95.0, 99.0}) out += ",\"p" + std::to_string(static_cast<int>(p)) + "_ms\":" + std::to_string(percentile(ms, p));
    out += ",\"counts\":[";
    for (size_t i = 0; i < counts.size(); ++i) out += (i ? "," : "") + std::to_string(counts[i]);
    return out + "]}";
}

}  // namespace newshound::bench
