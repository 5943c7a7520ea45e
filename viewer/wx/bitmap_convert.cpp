#include "viewer/wx/bitmap_convert.h"

#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/image.h>
#include <wx/window.h>

namespace jaanch::viewer::wx {

wxBitmap to_wx_bitmap(const Bitmap& bitmap) {
    // Engines hand out opaque pages, so the alpha channel is dropped rather than copied.
    wxImage image(bitmap.width, bitmap.height, false);
    unsigned char* rgb = image.GetData();
    const std::uint8_t* src = bitmap.rgba.data();
    const std::size_t pixels =
        static_cast<std::size_t>(bitmap.width) * static_cast<std::size_t>(bitmap.height);
    for (std::size_t i = 0; i < pixels; ++i, src += 4, rgb += 3) {
        rgb[0] = src[0];
        rgb[1] = src[1];
        rgb[2] = src[2];
    }
    return wxBitmap(image);
}

wxBitmap capture_window(wxWindow* window) {
    wxClientDC source(window);
    const wxSize size = window->GetClientSize();
    wxBitmap bitmap(size.GetWidth(), size.GetHeight());
    wxMemoryDC target(bitmap);
    target.Blit(0, 0, size.GetWidth(), size.GetHeight(), &source, 0, 0);
    target.SelectObject(wxNullBitmap);
    return bitmap;
}

}  // namespace jaanch::viewer::wx
