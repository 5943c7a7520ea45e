// Case-insensitive search over a page's text runs, shared by every engine that has text. Pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "viewer/engine/document_engine.h"

namespace jaanch::viewer {

// Boxes of every occurrence of `query` in the runs, read as one text with a space between runs that have
// `space_after` (and between lines). Matching folds ASCII case and collapses runs of whitespace in the query.
std::vector<RectF> find_in_text_boxes(const std::vector<TextBox>& boxes, std::string_view query);

}  // namespace jaanch::viewer
