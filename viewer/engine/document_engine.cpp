#include "viewer/engine/document_engine.h"

#include <cstring>
#include <filesystem>
#include <fstream>

#include "viewer/engine/text_search.h"

namespace jaanch::viewer {

std::vector<RectF> DocumentEngine::search(int page, std::string_view query) {
    return find_in_text_boxes(text_boxes(page), query);
}

void DocumentEngine::check_page(int page) const {
    if (page < 0 || page >= page_count())
        throw DocumentError("Page " + std::to_string(page + 1) + " was asked for, but the document has " +
                            std::to_string(page_count()) + " page(s).");
}

std::string_view sniff_format(const Bytes& b) {
    auto starts = [&](std::size_t at, std::string_view magic) {
        return b.size() >= at + magic.size() && std::memcmp(b.data() + at, magic.data(), magic.size()) == 0;
    };
    if (starts(0, "\xFF\xD8\xFF"))
        return "jpeg";
    if (starts(0, "\x89PNG\r\n\x1A\n"))
        return "png";
    if (starts(0, std::string_view("II*\0", 4)) || starts(0, std::string_view("MM\0*", 4)))
        return "tiff";
    if (starts(0, "RIFF") && starts(8, "WEBP"))
        return "webp";
    // PDF readers accept the header anywhere in the first KiB (some scanners prepend junk).
    const std::size_t window = std::min<std::size_t>(b.size(), 1024);
    const std::string_view head(reinterpret_cast<const char*>(b.data()), window);
    if (head.find("%PDF-") != std::string_view::npos)
        return "pdf";
    return {};
}

SharedBytes read_file_bytes(const std::string& path, const EngineLimits& limits) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        throw DocumentError("Could not read the document " + path + ": " + ec.message() + ".");
    if (size > limits.max_file_bytes)
        throw LimitError("The document " + path + " is " + std::to_string(size >> 20) +
                         " MiB, more than the viewer's limit of " +
                         std::to_string(limits.max_file_bytes >> 20) +
                         " MiB; ask the applicant for a smaller scan.");
    std::ifstream in(path, std::ios::binary);
    auto bytes = std::make_shared<Bytes>(size);
    if (!in.read(reinterpret_cast<char*>(bytes->data()), static_cast<std::streamsize>(size)))
        throw DocumentError("Could not read the document " + path + " (the read stopped early).");
    return bytes;
}

}  // namespace jaanch::viewer
