#include "checks/name_match.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <sstream>
#include <vector>

namespace jaanch::checks {

namespace {

// Decodes one UTF-8 code point at `i`, advancing it; invalid bytes decode as themselves.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    if (extra > 0 && i + static_cast<std::size_t>(extra) >= s.size())
        extra = 0;  // truncated: take the byte
    char32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
    ++i;
    for (int k = 0; k < extra && i < s.size(); ++k, ++i)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

const std::map<char32_t, const char*>& consonants() {
    static const std::map<char32_t, const char*> m{{U'क', "k"},
                                                   {U'ख', "kh"},
                                                   {U'ग', "g"},
                                                   {U'घ', "gh"},
                                                   {U'ङ', "n"},
                                                   {U'च', "ch"},
                                                   {U'छ', "chh"},
                                                   {U'ज', "j"},
                                                   {U'झ', "jh"},
                                                   {U'ञ', "n"},
                                                   {U'ट', "t"},
                                                   {U'ठ', "th"},
                                                   {U'ड', "d"},
                                                   {U'ढ', "dh"},
                                                   {U'ण', "n"},
                                                   {U'त', "t"},
                                                   {U'थ', "th"},
                                                   {U'द', "d"},
                                                   {U'ध', "dh"},
                                                   {U'न', "n"},
                                                   {U'प', "p"},
                                                   {U'फ', "ph"},
                                                   {U'ब', "b"},
                                                   {U'भ', "bh"},
                                                   {U'म', "m"},
                                                   {U'य', "y"},
                                                   {U'र', "r"},
                                                   {U'ल', "l"},
                                                   {U'व', "v"},
                                                   {U'श', "sh"},
                                                   {U'ष', "sh"},
                                                   {U'स', "s"},
                                                   {U'ह', "h"},
                                                   {U'ळ', "l"},
                                                   // precomposed nukta letters क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़
                                                   {0x0958, "q"},
                                                   {0x0959, "kh"},
                                                   {0x095A, "g"},
                                                   {0x095B, "z"},
                                                   {0x095C, "r"},
                                                   {0x095D, "rh"},
                                                   {0x095E, "f"},
                                                   {0x095F, "y"}};
    return m;
}

const std::map<char32_t, const char*>& vowels() {  // independent vowels and vowel signs (matras)
    static const std::map<char32_t, const char*> m{
        {U'अ', "a"},  {U'आ', "aa"}, {U'इ', "i"},  {U'ई', "ee"}, {U'उ', "u"},  {U'ऊ', "oo"},
        {U'ऋ', "ri"}, {U'ए', "e"},  {U'ऐ', "ai"}, {U'ओ', "o"},  {U'औ', "au"}, {U'ऑ', "o"},
        {U'ा', "aa"}, {U'ि', "i"},  {U'ी', "ee"}, {U'ु', "u"},   {U'ू', "oo"},  {U'ृ', "ri"},
        {U'े', "e"},   {U'ै', "ai"},  {U'ो', "o"},  {U'ौ', "au"}, {U'ॉ', "o"}};
    return m;
}

bool is_matra(char32_t cp) {
    return (cp >= 0x093E && cp <= 0x094C) || cp == 0x0949;
}

const std::vector<std::string>& honorifics() {
    // Titles only; "Kumari" and "Devi" are also parts of names, so they stay.
    static const std::vector<std::string> h{"shri", "sri", "shree", "smt", "shrimati", "srimati", "mr",
                                            "mrs",  "ms",  "miss",  "dr",  "late",     "sushri"};
    return h;
}

// Spelling variants that carry no difference in a name: long vowels, aspirates written or not, doubled
// letters.
std::string fold_word(std::string w) {
    static const std::vector<std::pair<std::string, std::string>> kRules{
        {"ee", "i"}, {"oo", "u"}, {"aa", "a"}, {"ii", "i"}, {"uu", "u"},   {"ou", "au"}, {"w", "v"},
        {"ph", "f"}, {"z", "j"},  {"q", "k"},  {"sh", "s"}, {"chh", "ch"}, {"x", "ks"},  {"y", "i"}};
    for (const auto& [from, to] : kRules) {
        for (std::size_t at = w.find(from); at != std::string::npos; at = w.find(from, at + to.size()))
            w.replace(at, from.size(), to);
    }
    std::string out;
    for (char c : w) {
        if (out.empty() || out.back() != c)
            out += c;  // "Bhatt" = "Bhat", "Sunitaa" = "Sunita"
    }
    // Aspirates: "Bh"/"B", "Th"/"T" … written either way; keep "h" only at the start of a word.
    std::string plain;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == 'h' && i > 0 && std::string_view("aeiou").find(out[i - 1]) == std::string_view::npos)
            continue;
        plain += out[i];
    }
    return plain;
}

}  // namespace

std::string devanagari_to_latin(std::string_view utf8) {
    std::string out;
    bool pending_a = false;  // a consonant's inherent vowel, written unless a sign or virama follows
    auto flush = [&](bool word_end) {
        if (pending_a && !word_end)
            out += 'a';
        pending_a = false;
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        char32_t following = 0;
        if (i < utf8.size()) {
            std::size_t j = i;
            following = next_code_point(utf8, j);
        }
        const bool next_is_nukta = following == 0x093C;
        if (auto c = consonants().find(cp); c != consonants().end()) {
            flush(false);
            out += c->second;
            if (next_is_nukta) {
                std::size_t skip = i;
                next_code_point(utf8, skip);
                i = skip;
            }
            pending_a = true;
        } else if (auto v = vowels().find(cp); v != vowels().end()) {
            if (!is_matra(cp))
                flush(false);
            pending_a = false;
            out += v->second;
        } else if (cp == 0x094D) {  // virama: no inherent vowel
            pending_a = false;
        } else if (cp == 0x0902 || cp == 0x0901) {  // anusvara, chandrabindu
            flush(false);
            out += 'n';
        } else if (cp == 0x0903) {  // visarga
            flush(false);
            out += 'h';
        } else if (cp == 0x093C) {  // nukta on its own
        } else if (cp >= 0x0966 && cp <= 0x096F) {
            flush(true);
            out += static_cast<char>('0' + (cp - 0x0966));
        } else {
            const bool letter = cp < 0x80 && std::isalnum(static_cast<int>(cp));
            flush(!letter);  // schwa deletion: a word's last consonant keeps no "a"
            append_utf8(out, cp);
        }
    }
    flush(true);
    return out;
}

std::string normalise_name(std::string_view text) {
    const std::string latin = devanagari_to_latin(text);
    std::string cleaned;
    for (char c : latin) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            cleaned += static_cast<char>(std::tolower(u));
        } else {
            cleaned += ' ';  // punctuation and non-Latin letters separate words
        }
    }
    std::istringstream words(cleaned);
    std::string word, out;
    while (words >> word) {
        if (std::find(honorifics().begin(), honorifics().end(), word) != honorifics().end())
            continue;
        if (word == "mohd" || word == "md")
            word = "mohammad";  // the common written abbreviation
        if (!out.empty())
            out += ' ';
        out += fold_word(word);
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::size_t edit_threshold(std::size_t length) {
    if (length <= 3)
        return 0;
    if (length <= 6)
        return 1;
    if (length <= 10)
        return 2;
    return 3;
}

NameComparison compare_names(std::string_view a, std::string_view b) {
    NameComparison out;
    out.left = normalise_name(a);
    out.right = normalise_name(b);
    auto words_of = [](const std::string& s) {
        std::istringstream in(s);
        std::vector<std::string> words;
        for (std::string w; in >> w;)
            words.push_back(w);
        return words;
    };
    auto joined = [](const std::vector<std::string>& words) {
        std::string j;
        for (const auto& w : words)
            j += (j.empty() ? "" : " ") + w;
        return j;
    };
    // Word by word, each word within its own threshold: "Savita" is not "Sunita" just because the surname is
    // long.
    auto word_by_word = [](const std::vector<std::string>& x, const std::vector<std::string>& y) {
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (edit_distance(x[i], y[i]) > edit_threshold(std::max(x[i].size(), y[i].size())))
                return false;
        }
        return true;
    };
    auto left = words_of(out.left), right = words_of(out.right);
    out.distance = edit_distance(out.left, out.right);
    bool similar = word_by_word(left, right);
    std::sort(left.begin(), left.end());
    std::sort(right.begin(), right.end());
    out.distance = std::min(out.distance, edit_distance(joined(left), joined(right)));
    similar = similar || word_by_word(left, right);
    if (left.size() != right.size())  // a missing or abbreviated word: judge the whole
        similar = out.distance <= edit_threshold(std::max(out.left.size(), out.right.size()));
    out.exact = out.distance == 0 && !out.left.empty();
    out.similar = !out.left.empty() && !out.right.empty() && similar;
    return out;
}

}  // namespace jaanch::checks
