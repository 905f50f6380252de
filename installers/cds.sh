#!/usr/bin/env bash
# Adds an AppCDS archive (class data sharing) to a Linux jpackage app-image: the JVM then maps the classes a start
# needs, already parsed and verified, instead of loading them one by one from the jar and the runtime image.
#
#   installers/cds.sh IMAGE_DIR [TITLE]      e.g. installers/cds.sh installers/target/eventflow "EventFlow Studio"
#
# A training run starts the app's GUI once (under Xvfb when there is no display), records the classes it loads
# (-XX:DumpLoadedClassList), and stops it once its window TITLE has shown (or after a few seconds); the launcher is
# then run with -Xshare:dump to write lib/app/NAME.jsa, and lib/app/NAME.cfg gets -XX:SharedArchiveFile. Java 17
# has no automatic archive, and jlink's trimmed runtime has no default CDS archive, so this one holds the JDK's
# classes too. The archive is tied to this runtime, this jar and its path: rebuild it with them (build.sh does). If
# the JVM cannot use it (the jar changed, or the image was moved) it starts as before, without sharing.
# Needs a display or Xvfb for the GUI part; without either only the command line (--version) is trained.
set -euo pipefail
IMAGE=${1:?usage: cds.sh IMAGE_DIR [TITLE]}
TITLE=${2:-}
NAME=$(basename "$IMAGE")
LAUNCHER=$IMAGE/bin/$NAME
CFG=$IMAGE/lib/app/$NAME.cfg
JSA=$IMAGE/lib/app/$NAME.jsa
[ -x "$LAUNCHER" ] && [ -f "$CFG" ] || { echo "cds.sh: not a Linux app-image: $IMAGE" >&2; exit 2; }
WORK=$(mktemp -d)
XPID=""
cleanup() {
    [ -n "$XPID" ] && kill "$XPID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
# An archive from an earlier build must not take part in the training run.
sed -i '/SharedArchiveFile/d' "$CFG"
rm -f "$JSA"
export XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config

# The command line, without a display: eventflow --version (an app without one fails to start, which is fine).
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$WORK/cli.classlist" timeout 60 env -u DISPLAY "$LAUNCHER" --version \
    >/dev/null 2>&1 || true

# The GUI: start, wait for the window (xdotool) or a few seconds, then stop it (SIGTERM, a normal JVM exit).
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null; then
    export DISPLAY=:$((100 + RANDOM % 400))
    Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
    XPID=$!
    sleep 1
fi
if [ -n "${DISPLAY:-}" ]; then
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$WORK/gui.classlist" "$LAUNCHER" >"$WORK/gui.log" 2>&1 &
    pid=$!
    if [ -n "$TITLE" ] && command -v xdotool >/dev/null; then
        for _ in $(seq 1 300); do
            xdotool search --onlyvisible --name "$TITLE" >/dev/null 2>&1 && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        sleep 3 # the design opens and the first frames draw
    else
        sleep 10
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
else
    echo "cds.sh: no display and no Xvfb: training the command line only" >&2
fi

# Both runs' classes, each once; the list is only needed to write the archive, so it stays in $WORK (its name does
# not match the *.classlist it is made from).
LIST=$WORK/$NAME.classes
cat "$WORK"/*.classlist 2>/dev/null | awk '!seen[$0]++' >"$LIST"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$LIST -XX:SharedArchiveFile=$JSA" \
    "$LAUNCHER" >"$WORK/dump.log" 2>&1 || { cat "$WORK/dump.log" >&2; exit 1; }
[ -f "$JSA" ] || { cat "$WORK/dump.log" >&2; echo "cds.sh: no archive written" >&2; exit 1; }
# $APPDIR is the launcher's own macro for lib/app, so the image can be moved or installed elsewhere.
echo "java-options=-XX:SharedArchiveFile=\$APPDIR/$NAME.jsa" >>"$CFG"
echo "cds.sh: $(grep -vc '^@' "$LIST") classes archived in $JSA ($(du -h "$JSA" | cut -f1))"
