#!/usr/bin/env bash
# The workstation opens a workspace of 500 applications, walks the queue with its hotkey commands, shows the
# form of the selected application, switches to Hindi, and the screenshots show it.
set -euo pipefail
app=$1 make_ws=$2 shots=$3
mkdir -p "$shots"
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
"$make_ws" "$ws" 500 >/dev/null
"$app" --workspace "$ws" --script "queue/next;queue/next;queue/next" --screenshot "$shots/queue_en.png" --exit-after-ms 1200
"$app" --workspace "$ws" --lang hi --script "queue/next" --screenshot "$shots/queue_hi.png" --exit-after-ms 1200
"$app" --workspace "$ws" --script "queue/next;view/language" --screenshot "$shots/switched_hi.png" --exit-after-ms 1200
# An unknown command in the script fails the run: the hook really drives commands.
if "$app" --workspace "$ws" --script "queue/no-such-command" --exit-after-ms 600 2>/dev/null; then
    echo "FAIL: an unknown script command was not reported"; exit 1
fi
for f in queue_en queue_hi switched_hi; do [ -s "$shots/$f.png" ] || { echo "FAIL: $f.png missing"; exit 1; }; done
echo "gui workstation queue: OK"
