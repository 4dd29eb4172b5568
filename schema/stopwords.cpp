// Short stop lists of the commonest function words. Long lists hurt news search ("US", "may", "will" are
// news words), so each list keeps only articles, pronouns, auxiliaries, conjunctions and prepositions.
#include "schema/stopwords.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace newshound::schema {

namespace {

struct StopList {
    std::string_view language;
    std::string_view words;  // space-separated, sorted at first use
};

constexpr StopList LISTS[] = {
    {"en", "a an and are as at be been but by for from had has have he her his i in into is it its of on or "
           "she that the their them they this to was we were which who with you"},
    {"de", "als am an auch auf aus bei das dass dem den der des die ein eine einem einen einer eines er es für "
           "hat im in ist mit nach nicht oder sich sie sind und von vor war wie wird zu zum zur über"},
    {"fr", "à au aux avec ce ces dans de des du elle en est et il ils la le les leur lui mais ne ou par pas "
           "pour qu que qui sa se ses son sont sur un une été"},
    {"es", "a al con de del el en es la las lo los más no o para pero por que se su sus un una y"},
    {"pt", "a ao aos as com da das de do dos e em é na nas no nos o os para pela pelo por que se um uma"},
    {"it", "a al alla che con da del della di e è gli i il in la le nel per si su un una"},
    {"nl", "de den der een en het in is met niet of op te van voor zijn"},
    {"ru", "а в во да для до же за и из или к как на не но о об от по с со что это"},
};

bool contains(std::string_view list, std::string_view term) {
    size_t start = 0;
    while (start < list.size()) {
        size_t end = list.find(' ', start);
        if (end == std::string_view::npos) end = list.size();
        if (list.substr(start, end - start) == term) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

bool is_stopword(std::string_view language, std::string_view term) {
    for (const auto& l : LISTS)
        if (l.language == language) return contains(l.words, term);
    return false;
}

}  // namespace newshound::schema
