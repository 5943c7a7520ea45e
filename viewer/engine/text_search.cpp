#include "viewer/engine/text_search.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace jaanch::viewer {
namespace {

char fold(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string normalise_query(std::string_view query) {
    std::string out;
    for (char c : query) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += fold(c);
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

}  // namespace

std::vector<RectF> find_in_text_boxes(const std::vector<TextBox>& boxes, std::string_view query) {
    const std::string needle = normalise_query(query);
    if (needle.empty())
        return {};
    // One text, and for each of its bytes the run it came from (-1 for the separating spaces).
    std::string text;
    std::vector<int> owner;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        for (char c : boxes[i].text) {
            text += fold(c);
            owner.push_back(static_cast<int>(i));
        }
        text += ' ';
        owner.push_back(-1);
    }
    std::vector<RectF> hits;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        int last = -1;
        for (std::size_t k = at; k < at + needle.size(); ++k) {
            const int run = owner[k];
            if (run < 0 || run == last)
                continue;
            hits.push_back(boxes[static_cast<std::size_t>(run)].box);
            last = run;
        }
    }
    return hits;
}

}  // namespace jaanch::viewer
