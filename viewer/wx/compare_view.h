// CompareView: two documents (or two pages of one) side by side, e.g. the applicant's photo against the photo
// on the Aadhaar letter. Each side is a DocumentViewer with a caption; "Link zoom" keeps both at the same
// zoom. UI thread only; owned by its wx parent.
#pragma once

#include <wx/panel.h>

#include <string>

#include "viewer/wx/document_viewer.h"

class wxCheckBox;
class wxSplitterWindow;
class wxStaticText;

namespace jaanch::viewer::wx {

class CompareView : public wxPanel {
  public:
    CompareView(wxWindow* parent, render::RenderService& service, render::ViewMemory* memory = nullptr);

    struct Side {
        render::DocumentId document = 0;
        std::string document_key;
        int page = 0;
        wxString caption;
    };
    void show(const Side& left, const Side& right);
    DocumentViewer& left() { return *left_; }
    DocumentViewer& right() { return *right_; }
    void set_linked(bool linked);

  private:
    void follow(DocumentViewer& from, DocumentViewer& to);

    DocumentViewer* left_ = nullptr;
    DocumentViewer* right_ = nullptr;
    wxStaticText* left_caption_ = nullptr;
    wxStaticText* right_caption_ = nullptr;
    wxCheckBox* link_ = nullptr;
    wxSplitterWindow* splitter_ = nullptr;
    bool following_ = false;
};

}  // namespace jaanch::viewer::wx
