#!/usr/bin/env bash
# Writes the list of classes the GUI's start-up warm-up loads ahead of the FX thread:
# app/src/main/resources/io/eventflow/app/env/startup-classes.txt (issue #15; StartupWarmup, docs/performance.md).
#
#   installers/build.sh app-image && installers/startup-classes.sh      (IMAGE=<app-image folder> for another image)
#
# One start of the app-image under Xvfb (or the current DISPLAY) with -Xlog:class+load and the start-up trace, until
# the palette is being built (StartupTrace writes its file then). The list holds, in the order they
# were loaded, the classes loaded from the main window's first class (loaded by StudioApp.start() on the FX
# thread) until the frame that shows the design: the main window, its controls and skins, the canvas and the
# design's read. Only classes from the runtime image and the app's jar; lambdas and other generated
# classes are made at run time, not loaded. Run it again after changes to what the start-up builds:
# StartupWarmupTest fails when too many of the listed classes no longer exist.
# Needs: xvfb (apt-get install xvfb xauth) unless a display is set.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=${IMAGE:-installers/target/eventflow}
OUT=app/src/main/resources/io/eventflow/app/env/startup-classes.txt
mkdir -p "$(dirname "$OUT")"
[ -x "$IMAGE/bin/eventflow" ] || { echo "build the app-image first: installers/build.sh app-image" >&2; exit 2; }
WORK=$(mktemp -d)
XPID=""
APID=""
cleanup() {
    [ -n "$APID" ] && kill "$APID" 2>/dev/null
    [ -n "$XPID" ] && kill "$XPID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
    export DISPLAY=:$((100 + RANDOM % 400))
    Xvfb "$DISPLAY" -screen 0 1366x768x24 >/dev/null 2>&1 &
    XPID=$!
    sleep 1
fi
export XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config
JAVA_TOOL_OPTIONS="-Duser.home=$WORK/home -Deventflow.startupTrace=$WORK/trace.txt -Xlog:class+load=info:file=$WORK/classes.log" \
    "$IMAGE/bin/eventflow" >"$WORK/app.log" 2>&1 &
APID=$!
for _ in $(seq 1 600); do
    [ -s "$WORK/trace.txt" ] && break
    kill -0 "$APID" 2>/dev/null || { cat "$WORK/app.log" >&2; echo "the app ended before its window was up" >&2; exit 1; }
    sleep 0.1
done
[ -s "$WORK/trace.txt" ] || { echo "no start-up trace within 60 s" >&2; exit 1; }
kill "$APID" 2>/dev/null || true
wait "$APID" 2>/dev/null || true
APID=""
# The end: the frame after the design was shown (StartupTrace's second "pulse 2"), in the JVM's uptime, which the
# class log counts in: the trace counts from the process's start, so the two are lined up on the launcher's main class
# (loaded as main() begins, the trace's first mark).
end_ms=$(awk '$7 == "design" { d = 1 } d && $7 == "pulse" && $8 == "2" { print $2; exit }' "$WORK/trace.txt")
main_ms=$(awk '$7 == "main" { print $2; exit }' "$WORK/trace.txt")
launcher_s=$(sed -n 's/^\[\([0-9.]*\)s\].* io\.eventflow\.app\.Launcher source: .*/\1/p' "$WORK/classes.log")
[ -n "$end_ms" ] && [ -n "$main_ms" ] && [ -n "$launcher_s" ] || { cat "$WORK/trace.txt" >&2; echo "no marks to cut the log at" >&2; exit 1; }
end_s=$(awk -v e="$end_ms" -v m="$main_ms" -v l="$launcher_s" 'BEGIN { printf "%.3f", (e - m) / 1000 + l }')
# Lines look like: [0.868s][info][class,load] io.eventflow.app.shell.MainWindow source: file:/.../eventflow.jar
awk -v end="$end_s" '
    { t = substr($1, 2) + 0 }
    t > end { exit }
    / io\.eventflow\.app\.shell\.MainWindow source: / { on = 1 }
    on && $(NF - 1) == "source:" && ($NF ~ /^jrt:\// || $NF ~ /\/eventflow\.jar$/) { print $(NF - 2) }
' "$WORK/classes.log" >"$WORK/list"
n=$(wc -l <"$WORK/list")
[ "$n" -gt 500 ] || { echo "only $n classes found: is the log complete?" >&2; exit 1; }
{
    echo "# Classes a GUI start loads from the main window's construction until the design is shown, in load order:"
    echo "# the start-up warm-up loads them ahead of the FX thread (StartupWarmup). Written by installers/startup-classes.sh."
    cat "$WORK/list"
} >"$OUT"
echo "startup-classes.sh: $n classes in $OUT"
