// Comparing names and places across Hindi and English spellings: "सुनीता उरांव" against "Sunita Oraon",
// "Suneeta" against "Sunita". Both sides are normalised (case, punctuation, honorifics), Devanagari is
// transliterated to Latin, common spelling variants are folded (ee→i, oo→u, w→v, doubled letters …), and what
// remains is compared by edit distance with a threshold that grows with the length of the name.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jaanch::checks {

// Devanagari to a plain Latin spelling as people write names ("सुनीता" → "suneetaa", "राम" → "raam");
// everything else passes through unchanged.
std::string devanagari_to_latin(std::string_view utf8);

// Lowercase ASCII letters, digits and single spaces, scripts transliterated, spelling variants folded and
// honorifics (Shri, Smt, Kumari, Mr, Mrs, Dr …) dropped.
std::string normalise_name(std::string_view text);

std::size_t edit_distance(std::string_view a, std::string_view b);

// Edits tolerated for a normalised name of this many letters: 0 up to 3, 1 up to 6, 2 up to 10, then 3.
std::size_t edit_threshold(std::size_t length);

struct NameComparison {
    bool exact = false;        // equal once normalised (word order ignored)
    bool similar = false;      // within the threshold
    std::size_t distance = 0;  // edits between the normalised forms (best word order)
    std::string left, right;   // the normalised forms compared
};

NameComparison compare_names(std::string_view a, std::string_view b);

}  // namespace jaanch::checks
