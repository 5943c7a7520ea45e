// `render` and `text`: the viewer's engines from the command line (the same engines the workstation uses).
// Documents are parsed in the sandboxed jaanch-render helper unless --no-sandbox asks for the in-process
// engines (to compare); the protection used is printed on stderr (docs/sandbox.md).
#include <cmath>
#include <iostream>

#include "command.h"
#include "viewer/engine/open_document.h"
#include "viewer/engine/png_writer.h"
#include "viewer/sandbox/isolated_open.h"

namespace jaanch::cli {
namespace {

int parse_int(const std::string& text, const std::string& option, int min, int max) {
    std::size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || value < min || value > max)
        throw UsageError("--" + option + " must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", not \"" + text + "\"");
    return value;
}

viewer::OpenedDocument open_file(const Args& args, Io io) {
    if (args.positionals().size() != 1)
        throw UsageError("give exactly one FILE");
    viewer::OpenOptions options;
    if (auto pw = args.get("password"))
        options.passwords.push_back(*pw);
    namespace sb = viewer::sandbox;
    const auto isolation =
        args.has("no-sandbox") ? sb::EngineIsolation::in_process : sb::EngineIsolation::sandboxed;
    sb::SandboxOptions sandbox;
    sandbox.keep_warm_helper = false;  // one document per run: a spare helper would be wasted
    auto doc = sb::open_document_file(args.positionals().front(), options, isolation, sandbox);
    io.err << "protection: " << sb::protection_name(sb::protection_of(*doc.engine)) << "\n";
    return doc;
}

int page_number(const Args& args) {
    return parse_int(args.get("page").value_or("1"), "page", 1, 1'000'000);
}

int page_option(const Args& args, const viewer::DocumentEngine& engine) {
    const int page = page_number(args);
    if (page > engine.page_count())
        throw viewer::DocumentError("Page " + std::to_string(page) + " was asked for, but " +
                                    args.positionals().front() + " has " +
                                    std::to_string(engine.page_count()) + " page(s).");
    return page - 1;
}

int render(const std::vector<std::string>& words, Io io) {
    Args args(words, {"page", "dpi", "out", "password", "rotate"}, {"no-sandbox"});
    page_number(args);
    const std::string out = args.require("out");
    viewer::RenderRequest request;
    request.scale = parse_int(args.get("dpi").value_or("150"), "dpi", 1, 2400) / 72.0;
    const int turn = parse_int(args.get("rotate").value_or("0"), "rotate", -270, 270);
    if (turn % 90 != 0)
        throw UsageError("--rotate must be a multiple of 90");
    request.rotation = viewer::rotation_from_degrees(turn);
    auto doc = open_file(args, io);
    request.page = page_option(args, *doc.engine);
    const viewer::Bitmap bitmap = doc.engine->render(request);
    viewer::write_png(bitmap, out);
    io.out << "Wrote page " << request.page + 1 << " of " << doc.engine->page_count() << " (" << bitmap.width
           << " x " << bitmap.height << " pixels) to " << out << "\n";
    return kOk;
}

// Text runs joined into lines: a space where the run says so, a line break where the next run starts lower.
void print_page_text(viewer::DocumentEngine& engine, int page, std::ostream& out) {
    const auto boxes = engine.text_boxes(page);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        out << boxes[i].text;
        if (i + 1 == boxes.size()) {
            out << "\n";
        } else {
            const auto& a = boxes[i].box;
            const auto& b = boxes[i + 1].box;
            const bool new_line = std::abs(b.y - a.y) > std::max(a.height, b.height) / 2;
            out << (new_line ? "\n" : boxes[i].space_after ? " " : "");
        }
    }
}

int text(const std::vector<std::string>& words, Io io) {
    Args args(words, {"page", "password"}, {"no-sandbox"});
    if (args.has("page"))
        page_number(args);  // a usage error before any file is read
    auto doc = open_file(args, io);
    if (args.has("page")) {
        print_page_text(*doc.engine, page_option(args, *doc.engine), io.out);
        return kOk;
    }
    for (int page = 0; page < doc.engine->page_count(); ++page) {
        if (page > 0)
            io.out << "\f";  // page break, as pdftotext writes
        print_page_text(*doc.engine, page, io.out);
    }
    return kOk;
}

}  // namespace

void add_viewer_commands(CommandList& commands) {
    commands.push_back(
        {"render", "render a page of a PDF or image to PNG with the viewer's engine",
         "FILE --out PAGE.png [--page N] [--dpi D] [--rotate DEG] [--password P] [--no-sandbox]", render});
    commands.push_back({"text", "print the text of a PDF (one page, or all separated by form feeds)",
                        "FILE [--page N] [--password P] [--no-sandbox]", text});
}

}  // namespace jaanch::cli
