#include "util/json_locator.h"

namespace jaanch::json {
namespace {

// A tolerant scanner: it does not validate, it only follows structure to record where each value starts.
class Scanner {
  public:
    Scanner(std::string_view text, std::unordered_map<std::string, std::size_t>& lines)
        : text_(text), lines_(lines) {}

    void value(const std::string& path, int depth) {
        skip_space();
        if (pos_ >= text_.size() || depth > 256)
            return;
        lines_.emplace(path, line_);
        const char c = text_[pos_];
        if (c == '{') {
            object(path, depth);
        } else if (c == '[') {
            array(path, depth);
        } else if (c == '"') {
            string();
        } else {
            while (pos_ < text_.size() &&
                   std::string_view(",]} \t\r\n").find(text_[pos_]) == std::string_view::npos)
                ++pos_;
        }
    }

  private:
    void object(const std::string& path, int depth) {
        ++pos_;
        while (true) {
            skip_space();
            if (pos_ >= text_.size())
                return;
            if (text_[pos_] == '}') {
                ++pos_;
                return;
            }
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (text_[pos_] != '"')
                return;
            const std::size_t key_line = line_;
            std::string key = string();
            skip_space();
            if (pos_ >= text_.size() || text_[pos_] != ':')
                return;
            ++pos_;
            const std::string child = path + "." + key;
            lines_.emplace(child, key_line);
            value(child, depth + 1);
        }
    }

    void array(const std::string& path, int depth) {
        ++pos_;
        std::size_t index = 0;
        while (true) {
            skip_space();
            if (pos_ >= text_.size())
                return;
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
            if (pos_ == before)
                return;  // no progress: malformed text
        }
    }

    std::string string() {
        std::string out;
        ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size())
                ++pos_;
            if (text_[pos_] == '\n')
                ++line_;
            out += text_[pos_++];
        }
        ++pos_;
        return out;
    }

    void skip_space() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r' || text_[pos_] == '\n')) {
            if (text_[pos_] == '\n')
                ++line_;
            ++pos_;
        }
    }

    std::string_view text_;
    std::unordered_map<std::string, std::size_t>& lines_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

// Walks the text keeping, per open container, either the keys seen so far (objects) or the element index
// (arrays). Builds a path string only when it finds a duplicate.
class DuplicateFinder {
  public:
    explicit DuplicateFinder(std::string_view text) : text_(text) {}

    std::vector<std::string> run() {
        for (pos_ = 0; pos_ < text_.size(); ++pos_) {
            const char c = text_[pos_];
            if (c == '"') {
                string_token();
            } else if (c == '{' || c == '[') {
                frames_.push_back(Frame{c == '[', 0, {}, {}});
            } else if ((c == '}' || c == ']') && !frames_.empty()) {
                frames_.pop_back();
            } else if (c == ',' && !frames_.empty() && frames_.back().is_array) {
                ++frames_.back().index;
            }
        }
        return std::move(found_);
    }

  private:
    struct Frame {
        bool is_array;
        std::size_t index;
        std::vector<std::string_view> keys;
        std::string_view current;
    };

    void string_token() {
        const std::size_t start = ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"')
            pos_ += text_[pos_] == '\\' ? 2 : 1;
        if (frames_.empty() || frames_.back().is_array)
            return;
        std::size_t next = pos_ + 1;
        while (next < text_.size() &&
               (text_[next] == ' ' || text_[next] == '\n' || text_[next] == '\r' || text_[next] == '\t'))
            ++next;
        if (next >= text_.size() || text_[next] != ':')
            return;  // a value, not a key
        Frame& frame = frames_.back();
        frame.current = text_.substr(start, pos_ - start);
        for (auto key : frame.keys) {
            if (key == frame.current)
                return found_.push_back(path());
        }
        frame.keys.push_back(frame.current);
    }

    std::string path() const {
        std::string out = "$";
        for (const auto& f : frames_) {
            if (f.is_array) {
                out += "[" + std::to_string(f.index) + "]";
            } else {
                out += ".";
                out += f.current;
            }
        }
        return out;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::vector<Frame> frames_;
    std::vector<std::string> found_;
};

}  // namespace

std::vector<std::string> find_duplicate_keys(std::string_view text) {
    return DuplicateFinder(text).run();
}

Locator::Locator(std::string_view text) {
    Scanner(text, lines_).value("$", 0);
}

std::size_t Locator::line_of(std::string_view path) const {
    std::string p(path);
    while (!p.empty()) {
        if (auto it = lines_.find(p); it != lines_.end())
            return it->second;
        const auto cut = p.find_last_of(".[");
        if (cut == std::string::npos || cut == 0)
            break;
        p.resize(cut);
    }
    return 0;
}

}  // namespace jaanch::json
