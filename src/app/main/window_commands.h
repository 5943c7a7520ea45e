// The window's own commands (quit, language, shortcuts, About). UI thread only.
#pragma once

class wxFrame;

namespace jaanch::app {

struct Context;

void register_window_commands(Context& context, wxFrame& frame);

}  // namespace jaanch::app
