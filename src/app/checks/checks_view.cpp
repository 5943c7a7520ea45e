#include "app/checks/checks_view.h"

#include "app/accessibility/accessibility.h"

#include <algorithm>
#include <vector>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace jaanch::app {

Flag flag_for(checks::ReviewStatus status) {
    using S = checks::ReviewStatus;
    switch (status) {
        case S::pass:
            return {wxString::FromUTF8("✓"), wxColour(0x1b, 0x7f, 0x3b), _("passes")};
        case S::fail:
            return {wxString::FromUTF8("✗"), wxColour(0xc6, 0x28, 0x28), _("fails")};
        case S::unknown:
            return {"?", wxColour(0xb2, 0x6a, 0x00), _("cannot tell: data missing")};
        case S::attention:
            return {wxString::FromUTF8("⚠"), wxColour(0xb2, 0x6a, 0x00), _("needs a look")};
        case S::not_applicable:
            break;
    }
    return {"", wxNullColour, _("not applicable")};
}

namespace {

bool needs_attention(checks::ReviewStatus s) {
    return s == checks::ReviewStatus::fail || s == checks::ReviewStatus::unknown ||
           s == checks::ReviewStatus::attention;
}

// Which of two statuses needing attention weighs more: a failure, then a look, then missing data.
int weight(checks::ReviewStatus s) {
    switch (s) {
        case checks::ReviewStatus::fail:
            return 3;
        case checks::ReviewStatus::attention:
            return 2;
        case checks::ReviewStatus::unknown:
            return 1;
        default:
            return 0;
    }
}

}  // namespace

std::map<std::string, checks::ReviewStatus> document_statuses(const checks::ApplicationReport& report,
                                                              const model::Application& app) {
    std::map<std::string, checks::ReviewStatus> out;
    for (const auto& item : report.documents) {
        if (!needs_attention(item.status))
            continue;
        // Missing documents are items too (their subject is the kind): only uploaded ones have a tab.
        const bool uploaded = std::any_of(app.documents.begin(), app.documents.end(),
                                          [&](const model::DocumentRef& d) { return d.id == item.subject; });
        if (!uploaded)
            continue;
        auto [at, added] = out.emplace(item.subject, item.status);
        if (!added && weight(item.status) > weight(at->second))
            at->second = item.status;
    }
    return out;
}

ChecksDialog::ChecksDialog(wxWindow* parent, const checks::ApplicationReport& report,
                           const std::string& language)
    : wxDialog(parent, wxID_ANY,
               wxString::Format(_("Automatic checks — %s"), wxString::FromUTF8(report.application)),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("checks");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* summary = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(report.summary().in(language)));
    summary->SetFont(summary->GetFont().Bold());
    sizer->Add(summary, 0, wxALL, FromDIP(10));
    sizer->Add(
        new wxStaticText(this, wxID_ANY,
                         _("Checks point at what to look at; they never decide. The reason says why.")),
        0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(820, 380)),
                                wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName("checks-list");
    set_accessible_name(list, _("Checks, with the reason for each"));
    list->AppendColumn("", wxLIST_FORMAT_CENTER, FromDIP(36));
    list->AppendColumn(_("Part"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list->AppendColumn(_("Checked"), wxLIST_FORMAT_LEFT, FromDIP(200));
    list->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(460));
    struct Row {
        const checks::ReviewItem* item;
        wxString part;
    };
    std::vector<Row> rows;
    for (const auto& i : report.fields)
        rows.push_back({&i, _("Form")});
    for (const auto& i : report.documents)
        rows.push_back({&i, _("Document")});
    for (const auto& i : report.eligibility)
        rows.push_back({&i, _("Eligibility")});
    for (const auto& i : report.duplicates)
        rows.push_back({&i, _("Duplicates")});
    std::stable_partition(rows.begin(), rows.end(),
                          [](const Row& r) { return needs_attention(r.item->status); });
    for (const auto& row : rows) {
        if (row.item->status == checks::ReviewStatus::not_applicable)
            continue;
        const Flag flag = flag_for(row.item->status);
        const long at = list->InsertItem(list->GetItemCount(), flag.symbol);
        list->SetItem(at, 1, row.part);
        list->SetItem(at, 2, wxString::FromUTF8(row.item->label.in(language)));
        wxString reason = wxString::FromUTF8(row.item->reason.in(language));
        for (const auto& other : row.item->related)
            reason += " · " + wxString::FromUTF8(other);
        list->SetItem(at, 3, reason);
        list->SetItemTextColour(at, flag.colour);
    }
    sizer->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    auto* close = new wxButton(this, wxID_CANCEL, _("Close"));
    sizer->Add(close, 0, wxALIGN_RIGHT | wxALL, FromDIP(10));
    SetEscapeId(wxID_CANCEL);
    SetSizerAndFit(sizer);
    list->SetFocus();
}

}  // namespace jaanch::app
