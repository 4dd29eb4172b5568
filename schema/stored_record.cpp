// The stored record in document data: binary (versions 2 and 3), and the JSON of version 1 still read.
#include "schema/stored_record.h"

#include "schema/article_json.h"
#include "schema/varint.h"

#include <nlohmann/json.hpp>

namespace newshound::schema {

namespace {

constexpr char BINARY_V2 = '\x02';
constexpr char BINARY_V3 = '\x03';

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s);
}

void put_time(std::string& out, const std::optional<Timestamp>& t) {
    out += t ? '\x01' : '\x00';
    if (!t) return;
    auto zigzag = [](std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63); };
    put_varint(out, zigzag(t->utc_seconds));
    put_varint(out, zigzag(t->offset_minutes));
}

void put_list(std::string& out, const std::vector<std::string>& list) {
    put_varint(out, list.size());
    for (const auto& s : list) put_string(out, s);
}

// Reads the binary format; every read is bounds-checked and fails the whole record.
class Reader {
public:
    explicit Reader(std::string_view data) : data_(data) {}
    bool varint(std::uint64_t& v) { return get_varint(data_, at_, v); }
    bool view(std::string_view& s) {
        std::uint64_t n = 0;
        if (!varint(n) || n > data_.size() - at_) return false;
        s = data_.substr(at_, n);
        at_ += n;
        return true;
    }
    bool string(std::string& s) {
        std::string_view v;
        if (!view(v)) return false;
        s.assign(v);
        return true;
    }
    bool time(std::optional<Timestamp>& t) {
        if (at_ >= data_.size()) return false;
        const char present = data_[at_++];
        if (present == '\x00') return true;
        if (present != '\x01') return false;
        std::uint64_t seconds = 0, offset = 0;
        if (!varint(seconds) || !varint(offset)) return false;
        auto unzigzag = [](std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); };
        t = Timestamp{unzigzag(seconds), static_cast<int>(unzigzag(offset))};
        return true;
    }
    bool list(std::vector<std::string>& out) {
        std::uint64_t n = 0;
        if (!varint(n) || n > data_.size() - at_) return false;  // each entry takes at least a byte
        out.resize(n);
        for (auto& s : out)
            if (!string(s)) return false;
        return true;
    }
    [[nodiscard]] bool done() const { return at_ == data_.size(); }

private:
    std::string_view data_;
    size_t at_ = 1;  // past the version byte
};

std::optional<Article> decode_json_v1(std::string_view data) {
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    auto v = j.find("v");
    if (v == j.end() || !v->is_number_integer() || v->get<int>() != 1) return std::nullopt;
    auto parsed = article_from_json(j);
    if (auto* a = std::get_if<Article>(&parsed)) return std::move(*a);
    return std::nullopt;
}

}  // namespace

std::string encode_stored_record(const Article& a, std::string_view word_offsets) {
    std::string out(1, BINARY_V3);
    out.reserve(64 + a.title.size() + a.summary.size() + a.body.size() + a.url.size() + word_offsets.size());
    for (const std::string* s : {&a.id, &a.url, &a.source, &a.agency, &a.byline, &a.dateline}) put_string(out, *s);
    put_time(out, a.published);
    put_time(out, a.updated);
    for (const std::string* s : {&a.title, &a.summary, &a.body}) put_string(out, *s);
    put_list(out, a.topics);
    put_list(out, a.places);
    put_list(out, a.people);
    put_string(out, a.language);
    put_string(out, word_offsets);
    return out;
}

std::optional<Article> decode_stored_record(std::string_view data, std::string_view* word_offsets) {
    if (word_offsets) *word_offsets = {};
    if (data.empty()) return std::nullopt;
    if (data[0] == '{') return decode_json_v1(data);
    if (data[0] != BINARY_V2 && data[0] != BINARY_V3) return std::nullopt;
    Reader r(data);
    Article a;
    for (std::string* s : {&a.id, &a.url, &a.source, &a.agency, &a.byline, &a.dateline})
        if (!r.string(*s)) return std::nullopt;
    if (!r.time(a.published) || !r.time(a.updated)) return std::nullopt;
    for (std::string* s : {&a.title, &a.summary, &a.body})
        if (!r.string(*s)) return std::nullopt;
    if (!r.list(a.topics) || !r.list(a.places) || !r.list(a.people) || !r.string(a.language)) return std::nullopt;
    std::string_view offsets;
    if (data[0] == BINARY_V3 && !r.view(offsets)) return std::nullopt;
    if (!r.done()) return std::nullopt;
    if (word_offsets) *word_offsets = offsets;
    return a;
}

}  // namespace newshound::schema
