#!/usr/bin/env bash
# Fails when any file below the UI layer includes a wx header. Layers: core → viewer engine/render → viewer/wx → app.
# Usage: check_layers.sh SOURCE_ROOT
set -euo pipefail
root=${1:?usage: check_layers.sh SOURCE_ROOT}
below_ui=(src/core src/hub viewer/engine viewer/render viewer/sandbox)
found=0
for dir in "${below_ui[@]}"; do
    [ -d "$root/$dir" ] || continue
    while IFS= read -r hit; do
        echo "layering violation: $hit (no wx below the UI layer; see docs/architecture.md)"
        found=1
    done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]wx/' "$root/$dir" || true)
done
if [ "$found" -ne 0 ]; then exit 1; fi
echo "layering OK: no wx includes in ${below_ui[*]}"
