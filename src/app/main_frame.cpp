#include "main_frame.h"

#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/menu.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "jaanch/version.h"

namespace jaanch::app {

MainFrame::MainFrame()
    : wxFrame(nullptr, wxID_ANY, wxString::Format("%s %s", kProductName, kVersion), wxDefaultPosition,
              wxSize(900, 600)) {
    auto* menu_file = new wxMenu;
    menu_file->Append(wxID_EXIT, "E&xit\tCtrl+Q");
    auto* menu_bar = new wxMenuBar;
    menu_bar->Append(menu_file, "&File");
    SetMenuBar(menu_bar);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);

    auto* panel = new wxPanel(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(panel, wxID_ANY, wxString::FromUTF8("Jaanch — जाँच"));
    title->SetFont(title->GetFont().Scaled(2.0f).Bold());
    sizer->Add(title, 0, wxALL, 20);
    sizer->Add(new wxStaticText(panel, wxID_ANY, wxString::Format("Version %s", kVersion)), 0, wxLEFT | wxRIGHT, 20);
    sizer->Add(new wxStaticText(panel, wxID_ANY,
                                wxString::FromUTF8("Verification workstation · सत्यापन कार्यस्थल")),
               0, wxALL, 20);
    panel->SetSizer(sizer);
    CreateStatusBar();
    SetStatusText(wxString::FromUTF8("Ready · तैयार"));
}

bool MainFrame::save_screenshot(const wxString& path) {
    wxClientDC source(this);
    const wxSize size = GetClientSize();
    wxBitmap bitmap(size.GetWidth(), size.GetHeight());
    wxMemoryDC target(bitmap);
    target.Blit(0, 0, size.GetWidth(), size.GetHeight(), &source, 0, 0);
    target.SelectObject(wxNullBitmap);
    return bitmap.ConvertToImage().SaveFile(path, wxBITMAP_TYPE_PNG);
}

}  // namespace jaanch::app
