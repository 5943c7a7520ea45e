#include "util/json_locator.h"

namespace jaanch::json {
namespace {

// A tolerant scanner: it does not validate, it only follows structure to record where each value starts.
class Scanner {
public:
    Scanner(std::string_view text, std::unordered_map<std::string, std::size_t>& lines,
            std::vector<std::string>& duplicates)
        : text_(text), lines_(lines), duplicates_(duplicates) {}

    void value(const std::string& path, int depth) {
        skip_space();
        if (pos_ >= text_.size() || depth > 256) return;
        lines_.emplace(path, line_);
        const char c = text_[pos_];
        if (c == '{') {
            object(path, depth);
        } else if (c == '[') {
            array(path, depth);
        } else if (c == '"') {
            string();
        } else {
            while (pos_ < text_.size() && std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos)
                ++pos_;
        }
    }

private:
    void object(const std::string& path, int depth) {
        ++pos_;
        while (true) {
            skip_space();
            if (pos_ >= text_.size()) return;
            if (text_[pos_] == '}') {
                ++pos_;
                return;
            }
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (text_[pos_] != '"') return;
            const std::size_t key_line = line_;
            std::string key = string();
            skip_space();
            if (pos_ >= text_.size() || text_[pos_] != ':') return;
            ++pos_;
            const std::string child = path + "." + key;
            if (!lines_.emplace(child, key_line).second) duplicates_.push_back(child);
            value(child, depth + 1);
        }
    }

    void array(const std::string& path, int depth) {
        ++pos_;
        std::size_t index = 0;
        while (true) {
            skip_space();
            if (pos_ >= text_.size()) return;
            if (text_[pos_] == ']') {
                ++pos_;
                return;
            }
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            const std::size_t before = pos_;
            value(path + "[" + std::to_string(index++) + "]", depth + 1);
            if (pos_ == before) return;  // no progress: malformed text
        }
    }

    std::string string() {
        std::string out;
        ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
            if (text_[pos_] == '\n') ++line_;
            out += text_[pos_++];
        }
        ++pos_;
        return out;
    }

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r' ||
                                       text_[pos_] == '\n')) {
            if (text_[pos_] == '\n') ++line_;
            ++pos_;
        }
    }

    std::string_view text_;
    std::unordered_map<std::string, std::size_t>& lines_;
    std::vector<std::string>& duplicates_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

}  // namespace

Locator::Locator(std::string_view text) { Scanner(text, lines_, duplicates_).value("$", 0); }

std::size_t Locator::line_of(std::string_view path) const {
    std::string p(path);
    while (!p.empty()) {
        if (auto it = lines_.find(p); it != lines_.end()) return it->second;
        const auto cut = p.find_last_of(".[");
        if (cut == std::string::npos || cut == 0) break;
        p.resize(cut);
    }
    return 0;
}

}  // namespace jaanch::json
