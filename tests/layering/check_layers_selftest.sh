#!/usr/bin/env bash
# The layering check must fail on a tree that breaks the rule, and pass on one that keeps it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/core/model" "$tmp/viewer/render" "$tmp/src/app"
echo '#include <string>' > "$tmp/src/core/model/ok.h"
echo '#include <wx/frame.h>' > "$tmp/src/app/fine_here.h"
"$here/check_layers.sh" "$tmp" >/dev/null || { echo "FAIL: a clean tree was rejected"; exit 1; }
echo '  #  include "wx/string.h"' > "$tmp/viewer/render/bad.h"
if "$here/check_layers.sh" "$tmp" >/dev/null; then echo "FAIL: a wx include in viewer/render was not caught"; exit 1; fi
echo "layering self-test OK"
