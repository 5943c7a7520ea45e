#include "viewer/wx/compare_view.h"

#include <wx/checkbox.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include <cmath>

namespace jaanch::viewer::wx {

CompareView::CompareView(wxWindow* parent, render::RenderService& service, render::ViewMemory* memory)
    : wxPanel(parent) {
    auto* splitter = splitter_ =
        new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    auto make_side = [&](DocumentViewer*& viewer, wxStaticText*& caption) {
        auto* panel = new wxPanel(splitter);
        caption = new wxStaticText(panel, wxID_ANY, "");
        caption->SetFont(caption->GetFont().Bold());
        viewer = new DocumentViewer(panel, service, memory, false);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(caption, 0, wxALL, 4);
        sizer->Add(viewer, 1, wxEXPAND);
        panel->SetSizer(sizer);
        return panel;
    };
    wxPanel* left_panel = make_side(left_, left_caption_);
    wxPanel* right_panel = make_side(right_, right_caption_);
    splitter->SplitVertically(left_panel, right_panel);
    splitter->SetSashGravity(0.5);
    splitter->SetMinimumPaneSize(120);
    link_ = new wxCheckBox(this, wxID_ANY, "Link zoom");
    link_->SetValue(true);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(link_, 0, wxALL, 4);
    sizer->Add(splitter, 1, wxEXPAND);
    SetSizer(sizer);
    // Each side's own toolbar keeps working; with the link on, a zoom on one side is applied to the other.
    auto hook = [this](DocumentViewer& from, DocumentViewer& to) {
        from.set_on_view_changed([this, &from, &to] { follow(from, to); });
    };
    hook(*left_, *right_);
    hook(*right_, *left_);
    // The splitter has no width when it is split; halve it once it has one.
    splitter_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (e.GetSize().x > 2 * splitter_->GetMinimumPaneSize() &&
            splitter_->GetSashPosition() < splitter_->GetMinimumPaneSize() + 2)
            splitter_->SetSashPosition(e.GetSize().x / 2);
    });
}

void CompareView::show(const Side& left, const Side& right) {
    left_caption_->SetLabel(left.caption);
    right_caption_->SetLabel(right.caption);
    Layout();
    if (splitter_->GetClientSize().x > 0)
        splitter_->SetSashPosition(splitter_->GetClientSize().x / 2);
    left_->show_document(left.document, left.document_key);
    right_->show_document(right.document, right.document_key);
    left_->canvas().set_zoom_mode(DocumentCanvas::ZoomMode::fit_page);
    right_->canvas().set_zoom_mode(DocumentCanvas::ZoomMode::fit_page);
    left_->canvas().go_to_page(left.page);
    right_->canvas().go_to_page(right.page);
    Layout();
}

void CompareView::set_linked(bool linked) {
    link_->SetValue(linked);
}

void CompareView::follow(DocumentViewer& from, DocumentViewer& to) {
    if (following_ || !link_->GetValue())
        return;
    const DocumentCanvas& a = from.canvas();
    DocumentCanvas& b = to.canvas();
    if (a.zoom_mode() != DocumentCanvas::ZoomMode::custom || b.page_count() == 0)
        return;
    if (std::abs(a.zoom_percent() - b.zoom_percent()) < 0.5)
        return;
    following_ = true;
    b.set_zoom_percent(a.zoom_percent());
    following_ = false;
}

}  // namespace jaanch::viewer::wx
