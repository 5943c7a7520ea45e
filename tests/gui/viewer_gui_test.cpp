// The viewer pane and compare view in a real window (run under xvfb-run): opens generated documents, drives
// zoom, keys, rotation, search and the loupe, saves screenshots and checks what they show. Prints
// "N passed, M failed" and exits non-zero on any failure.
#include <wx/app.h>
#include <wx/frame.h>
#include <wx/image.h>
#include <wx/utils.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "fixtures.h"
#include "util/dispatch.h"
#include "viewer/engine/open_document.h"
#include "viewer/wx/bitmap_convert.h"
#include "viewer/wx/compare_view.h"
#include "viewer/wx/document_viewer.h"

namespace fx = jaanch::viewer::fixtures;
using namespace jaanch::viewer;
using jaanch::viewer::wx::DocumentCanvas;

namespace {

class ViewerGuiTest : public wxApp {
  public:
    bool OnInit() override {
        if (argc < 2) {
            std::fprintf(stderr, "usage: viewer_gui_test SCREENSHOT_DIR\n");
            return false;
        }
        shots_ = std::filesystem::path(argv[1].utf8_string());
        std::filesystem::create_directories(shots_);
        wxInitAllImageHandlers();
        jaanch::dispatch::set_main_thread_poster(
            [](jaanch::dispatch::Task task) { wxTheApp->CallAfter(std::move(task)); });
        std::vector<fx::TextPage> pages(3);
        pages[1].lines = {"Second page", "Applicant: SURESH KUMAR", "Date of birth 12-05-1990"};
        fx::write_text_pdf(dir_ / "letter.pdf", pages);
        fx::write_bytes(dir_ / "photo.jpg",
                        fx::encode_jpeg(rotate(fx::test_picture(600, 800), Rotation::r270), 90, 6));
        service_ = std::make_unique<render::RenderService>();
        frame_ = new wxFrame(nullptr, wxID_ANY, "Jaanch viewer test", wxDefaultPosition, wxSize(1000, 760));
        viewer_ = new wx::DocumentViewer(frame_, *service_, &memory_);
        frame_->Show();
        CallAfter([this] { run(); });
        return true;
    }

    int OnExit() override {
        service_.reset();
        return failed_ == 0 ? 0 : 1;
    }

  private:
    void check(bool ok, const std::string& what) {
        std::printf("%s: %s\n", ok ? "ok" : "FAILED", what.c_str());
        std::fflush(stdout);
        (ok ? passed_ : failed_)++;
    }

    render::DocumentId open(const std::string& name) {
        auto doc = open_document_file((dir_ / name).string(), {});
        return service_->add_document(std::move(doc.engine));
    }

    // Repaints until every visible tile is real pixels and the queue is empty.
    bool settle(DocumentCanvas& canvas, int timeout_ms = 20000) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        while (std::chrono::steady_clock::now() < end) {
            wxYield();
            canvas.Refresh(false);
            canvas.Update();
            if (canvas.missing_tiles() == 0 && service_->stats().queued == 0) {
                wxMilliSleep(50);
                wxYield();
                canvas.Refresh(false);
                canvas.Update();
                wxYield();
                return true;
            }
            wxMilliSleep(15);
        }
        return false;
    }

    wxImage shot(wxWindow* window, const std::string& name) {
        const wxImage image = wx::capture_window(window).ConvertToImage();
        image.SaveFile((shots_ / name).string(), wxBITMAP_TYPE_PNG);
        return image;
    }

    static bool is_red(const wxImage& im, wxPoint p) {
        if (!wxRect(wxPoint(0, 0), im.GetSize()).Contains(p))
            return false;
        return im.GetRed(p.x, p.y) > 170 && im.GetGreen(p.x, p.y) < 80 && im.GetBlue(p.x, p.y) < 80;
    }

    void run() {
        DocumentCanvas& canvas = viewer_->canvas();
        const render::DocumentId letter = open("letter.pdf");
        viewer_->show_document(letter, "sha-letter");
        check(settle(canvas), "the first page renders");
        check(canvas.zoom_mode() == DocumentCanvas::ZoomMode::fit_width && canvas.zoom_percent() > 60,
              "opens at fit width (" + std::to_string(canvas.zoom_percent()) + " %)");
        wxImage im = shot(&canvas, "viewer-fit-width.png");
        shot(frame_, "viewer-window.png");
        check(is_red(im, canvas.page_point_to_client(0, 100, 80)),
              "the red block is drawn where page 1 has it");
        check(!is_red(im, canvas.page_point_to_client(0, 100, 140)), "and not below it");

        canvas.handle_key(WXK_PAGEDOWN, 0);
        check(canvas.current_page() == 1, "PgDn goes to page 2");
        canvas.handle_key(WXK_END, 0);
        check(canvas.current_page() == 2, "End goes to the last page");
        canvas.handle_key(WXK_HOME, 0);
        check(canvas.current_page() == 0, "Home goes back to page 1");
        const double fit = canvas.zoom_percent();
        canvas.handle_key('+', 0);
        check(canvas.zoom_percent() > fit, "+ zooms in");
        canvas.handle_key('-', 0);
        canvas.handle_key('-', 0);
        check(canvas.zoom_percent() < fit, "- zooms out");
        canvas.set_zoom_percent(5);
        check(std::abs(canvas.zoom_percent() - 10) < 0.5, "zoom stops at 10 %");
        canvas.set_zoom_percent(2000);
        check(std::abs(canvas.zoom_percent() - 800) < 0.5, "zoom stops at 800 %");
        check(settle(canvas), "800 % renders (in tiles)");
        shot(&canvas, "viewer-800.png");
        canvas.handle_key('W', 0);

        canvas.go_to_page(0);
        canvas.handle_key('R', 0);
        check(canvas.page_rotation(0) == Rotation::r90, "R turns the current page clockwise");
        check(memory_.rotations("sha-letter")[0] == Rotation::r90,
              "the rotation is remembered for the document");
        canvas.go_to_page(0);
        check(settle(canvas), "the turned page renders");
        im = shot(&canvas, "viewer-rotated.png");
        const wxRect page = canvas.page_rect_on_screen(0);
        const wxPoint red = canvas.page_point_to_client(0, 100, 80);
        check(page.width > page.height, "the turned page is landscape");
        check(is_red(im, red) && red.x > page.x + page.width * 3 / 4, "the red block moved to the top-right");

        viewer_->show_document(open("letter.pdf"), "sha-letter");
        check(canvas.page_rotation(0) == Rotation::r90, "reopening the document restores its rotation");
        canvas.handle_key('R', wxMOD_SHIFT);
        check(canvas.page_rotation(0) == Rotation::r0, "Shift+R turns it back");

        canvas.search("suresh kumar");
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (canvas.hit_count() < 6 && std::chrono::steady_clock::now() < until)
            wxYield(), wxMilliSleep(10);
        check(canvas.hit_count() == 6, "search finds SURESH KUMAR on all three pages (" +
                                           std::to_string(canvas.hit_count()) + " boxes)");
        canvas.go_to_page(0);
        settle(canvas);
        im = shot(&canvas, "viewer-search.png");
        shot(frame_, "viewer-search-window.png");
        const auto hits = canvas.hits_on_page(0);
        check(hits.size() == 2, "two boxes on page 1: SURESH and KUMAR");
        if (!hits.empty()) {
            const wxPoint a = canvas.page_point_to_client(0, hits[0].x, hits[0].y);
            const wxPoint b = canvas.page_point_to_client(0, hits[0].right(), hits[0].bottom());
            double r = 0, bl = 0;
            for (int y = a.y + 2; y < b.y - 2; ++y)
                for (int x = a.x + 2; x < b.x - 2; ++x)
                    r += im.GetRed(x, y), bl += im.GetBlue(x, y);
            check(r - bl > 50.0 * (b.x - a.x - 4) * (b.y - a.y - 4), "the hit is highlighted in yellow");
        }
        check(viewer_->status().Contains("hits"),
              "the toolbar counts the hits: " + viewer_->status().utf8_string());

        const wxPoint over_red = canvas.page_point_to_client(0, 145, 105);
        const wxPoint probe = over_red + wxPoint(15, -30);  // right of the block at 1x, inside it at 3x
        check(!is_red(im, probe), "without the loupe the probe point is beside the red block");
        canvas.show_loupe_at(over_red);
        check(settle(canvas), "the loupe's magnified tiles render");
        im = shot(&canvas, "viewer-loupe.png");
        check(is_red(im, probe), "the loupe enlarges the red block under the pointer");
        check(im.GetRed(over_red.x + 60, over_red.y + 40) > 235 &&
                  im.GetBlue(over_red.x + 60, over_red.y + 40) > 235,
              "and shows white paper beyond its corner");
        canvas.hide_loupe();

        viewer_->show_document(open("photo.jpg"), "sha-photo");
        canvas.set_zoom_mode(DocumentCanvas::ZoomMode::fit_page);
        check(settle(canvas), "the photo renders");
        im = shot(&canvas, "viewer-photo.png");
        const wxRect photo = canvas.page_rect_on_screen(0);
        check(photo.height > photo.width, "the EXIF-rotated photo stands upright");
        check(is_red(im, {photo.x + photo.width / 4, photo.y + photo.height / 5}),
              "its red block is top-left");

        compare();
        std::printf("%d passed, %d failed\n", passed_, failed_);
        frame_->Close(true);
    }

    void compare() {
        auto* frame = new wxFrame(nullptr, wxID_ANY, "Compare", wxDefaultPosition, wxSize(1100, 700));
        auto* view = new wx::CompareView(frame, *service_, &memory_);
        frame->Show();
        view->show({open("photo.jpg"), "sha-photo", 0, "Applicant's photo"},
                   {open("letter.pdf"), "sha-letter2", 1, "Aadhaar letter, page 2"});
        check(settle(view->left().canvas()) && settle(view->right().canvas()),
              "both sides of the compare view render");
        check(view->right().canvas().current_page() == 1, "the right side shows the page asked for");
        const wxImage both = shot(frame, "viewer-compare.png");
        const wxRect left_photo = view->left().canvas().page_rect_on_screen(0);
        check(left_photo.width > 100,
              "the left side is wide enough to compare (" + std::to_string(left_photo.width) + " px)");
        (void)both;
        view->left().canvas().set_zoom_percent(150);
        check(std::abs(view->right().canvas().zoom_percent() - 150) < 0.5,
              "linked zoom follows the other side");
        settle(view->left().canvas());
        settle(view->right().canvas());
        shot(frame, "viewer-compare-150.png");
        frame->Close(true);
    }

    fx::TempDir dir_;
    std::filesystem::path shots_;
    std::unique_ptr<render::RenderService> service_;
    render::InMemoryViewMemory memory_;
    wxFrame* frame_ = nullptr;
    wx::DocumentViewer* viewer_ = nullptr;
    int passed_ = 0;
    int failed_ = 0;
};

}  // namespace

wxIMPLEMENT_APP(ViewerGuiTest);
