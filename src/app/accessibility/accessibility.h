// Names for screen readers (Orca reads GTK's accessibility tree, ATK). wxWidgets 3.2 on GTK gives a native
// control no accessible name beyond its own label: a text field, a choice, a list or a drawn canvas reaches a
// screen reader as "text", "combo box" or nothing. These functions name them, and say which label describes a
// field, for the one toolkit Jaanch ships on; elsewhere they do nothing (accessible_name() is then empty).
// UI thread only.
#pragma once

#include <string>
#include <vector>

#include <wx/string.h>

class wxWindow;

namespace jaanch::app {

// The name a screen reader speaks for `control`.
void set_accessible_name(wxWindow* control, const wxString& name);
// `label` describes `control` (name and "labelled by" relation), as a form's label beside its value.
void set_labelled_by(wxWindow* control, wxWindow* label);
// What a screen reader would speak for `control` (its accessible name), empty when it has none.
wxString accessible_name(wxWindow* control);
// Every shown control under `top` that takes keyboard focus and has no accessible name, as "class name"
// lines: what an officer on a screen reader could reach but not hear.
std::vector<std::string> unnamed_focusable_controls(wxWindow* top);

}  // namespace jaanch::app
