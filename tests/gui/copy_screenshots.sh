#!/usr/bin/env bash
# Copies the screenshots that docs/user-guide.md shows (every `images/NAME.png` it names) from the GUI tests'
# output folder into docs/images, so `make user-guide` regenerates the guide's pictures from the real window.
set -euo pipefail
from=$1 guide=$2
to=$(dirname "$guide")/images
mkdir -p "$to"
missing=0
for name in $(grep -o 'images/[A-Za-z0-9_.-]*\.png' "$guide" | sed 's|images/||' | sort -u); do
    if [ -s "$from/$name" ]; then cp "$from/$name" "$to/$name"; echo "docs/images/$name"
    else echo "missing: $from/$name (which GUI test makes it?)" >&2; missing=1; fi
done
exit $missing
