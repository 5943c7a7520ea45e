#include "app/accessibility/accessibility.h"

#include <wx/bookctrl.h>
#include <wx/utils.h>
#include <wx/window.h>

#ifdef __WXGTK__
#include <gtk/gtk.h>
#endif

namespace jaanch::app {
namespace {

#ifdef __WXGTK__
// The widget ATK describes: a wxWindow's GTK widget, or for a scrolled or composite control the one inside it
// that takes focus (wx hands out the outer box for text controls, lists and scrolled canvases).
GtkWidget* focus_widget(wxWindow* w) {
    GtkWidget* widget = w->GetConnectWidget();
    return widget != nullptr ? widget : w->GetHandle();
}

AtkObject* accessible_of(wxWindow* w) {
    GtkWidget* widget = focus_widget(w);
    return widget == nullptr ? nullptr : gtk_widget_get_accessible(widget);
}
#endif

bool has_focusable_child(wxWindow* w) {
    for (wxWindow* child : w->GetChildren())
        if (!child->IsTopLevel() && child->IsShown() && (child->IsFocusable() || has_focusable_child(child)))
            return true;
    return false;
}

// A control the keyboard lands on: focusable itself, not a container that passes focus to its children —
// except wx's drawn controls (lists, grids), whose focus goes to an inner window they name for us.
bool is_focus_target(wxWindow* w) {
    return w->IsFocusable() && w->IsEnabled() && !w->IsTopLevel() && !has_focusable_child(w);
}

void collect_unnamed(wxWindow* w, std::vector<std::string>& out) {
    if (!w->IsShown())
        return;
    if (is_focus_target(w) && accessible_name(w).empty())
        out.push_back(wxString(w->GetClassInfo()->GetClassName()).utf8_string() + " " +
                      w->GetName().utf8_string());
    for (wxWindow* child : w->GetChildren())
        if (!child->IsTopLevel())
            collect_unnamed(child, out);
}

void name_inner_windows(wxWindow* w, const wxString& name) {
    for (wxWindow* child : w->GetChildren()) {
        if (child->IsTopLevel())
            continue;
        if (accessible_name(child).empty())
            set_accessible_name(child, name);
        name_inner_windows(child, name);
    }
}

}  // namespace

void set_accessible_name(wxWindow* control, const wxString& name) {
#ifdef __WXGTK__
    if (AtkObject* a = accessible_of(control))
        atk_object_set_name(a, name.utf8_str());
    // wx's drawn controls (the queue list, the members grid) take focus in windows of their own inside.
    if (!control->GetClassInfo()->IsKindOf(wxCLASSINFO(wxBookCtrlBase)))
        name_inner_windows(control, name);
#else
    (void)control;
    (void)name;
#endif
}

void set_labelled_by(wxWindow* control, wxWindow* label) {
#ifdef __WXGTK__
    AtkObject* a = accessible_of(control);
    AtkObject* l = accessible_of(label);
    if (a == nullptr || l == nullptr)
        return;
    atk_object_set_name(a, wxStripMenuCodes(label->GetLabel()).utf8_str());  // without "&" mnemonics
    atk_object_add_relationship(a, ATK_RELATION_LABELLED_BY, l);
    atk_object_add_relationship(l, ATK_RELATION_LABEL_FOR, a);
#else
    (void)control;
    (void)label;
#endif
}

wxString accessible_name(wxWindow* control) {
#ifdef __WXGTK__
    AtkObject* a = accessible_of(control);
    const char* name = a == nullptr ? nullptr : atk_object_get_name(a);
    return name == nullptr ? wxString() : wxString::FromUTF8(name);
#else
    (void)control;
    return {};
#endif
}

std::vector<std::string> unnamed_focusable_controls(wxWindow* top) {
    std::vector<std::string> out;
    collect_unnamed(top, out);
    return out;
}

}  // namespace jaanch::app
