// Rendered pixels into wx. UI thread only (wxBitmap is not thread-safe).
#pragma once

#include <wx/bitmap.h>
#include <wx/window.h>

#include "viewer/engine/geometry.h"

namespace jaanch::viewer::wx {

wxBitmap to_wx_bitmap(const Bitmap& bitmap);
// A client-area capture of a window (what the officer sees), for tests and the user guide.
wxBitmap capture_window(wxWindow* window);

}  // namespace jaanch::viewer::wx
