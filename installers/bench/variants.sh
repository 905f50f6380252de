#!/usr/bin/env bash
# Cold start of several app-images side by side: each round starts the minimal JavaFX window, then each image given,
# under one Xvfb, and the medians are printed with their ratio to the minimal window shown. For trying start-up changes
# A/B/C in the same rounds: copy the app-image once per variant and change the copy (classes put into
# lib/app/eventflow.jar with `jar uf`, a `java-options=` line added to lib/app/eventflow.cfg).
#   installers/bench/startup.sh 1   # once: packages the minimal window (installers/target/bench/hellofx)
#   installers/bench/variants.sh 11 /tmp/ef-main installers/target/eventflow /tmp/ef-other
# Figures per image (installers/bench/probe.py): window shown, first painted frame, the sample design on screen (the
# first frame painted once the title names it) and the title naming it. BASE=<another minimal-window image> to
# compare against another one. Needs what startup.sh needs.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { echo "usage: $0 ROUNDS APP_IMAGE..." >&2; exit 2; }
ROUNDS=$1
shift
BASE=${BASE:-installers/target/bench/hellofx}
[ -x "$BASE/bin/hellofx" ] || { echo "no minimal window at $BASE: run installers/bench/startup.sh 1 first" >&2; exit 2; }
for img in "$@"; do
    [ -x "$img/bin/eventflow" ] || { echo "not an app-image: $img" >&2; exit 2; }
done
WORK=$(mktemp -d)
DISPLAY_NO=:$(( 60 + RANDOM % 9 ))
Xvfb "$DISPLAY_NO" -screen 0 1280x800x24 >/dev/null 2>&1 &
XPID=$!
trap 'kill $XPID 2>/dev/null || true; rm -rf "$WORK"' EXIT
export DISPLAY=$DISPLAY_NO XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config
sleep 1

start() {
    local title=$1 content=$2 t0 pid
    shift 2
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 &
    pid=$!
    python3 installers/bench/probe.py "$t0" "$title" "$content" "${TIMEOUT:-120}"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    sleep 0.5
}

declare -A figures
for i in $(seq 1 "$ROUNDS"); do
    b=$(start "HelloFx baseline" "" "$BASE/bin/hellofx")
    figures[base]+="${b%%/*} "
    for img in "$@"; do
        a=$(start "EventFlow Studio" "Order pipeline" "$img/bin/eventflow")
        IFS=/ read -r shown painted design titled <<<"${a/timeout/999999}"
        figures[$img.shown]+="$shown "
        figures[$img.painted]+="${painted:-999999} "
        figures[$img.design]+="${design:-999999} "
        figures[$img.titled]+="${titled:-999999} "
        echo "round $i: $img $a ms, minimal window ${b%%/*} ms"
    done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# shellcheck disable=SC2086 # the figures are space-separated lists
mb=$(median ${figures[base]})
echo "minimal window shown, median: $mb ms"
for img in "$@"; do
    # shellcheck disable=SC2086
    {
        s=$(median ${figures[$img.shown]})
        p=$(median ${figures[$img.painted]})
        d=$(median ${figures[$img.design]})
        t=$(median ${figures[$img.titled]})
    }
    ratio() { awk -v a="$1" -v b="$mb" 'BEGIN{printf "%.2f", a/b}'; }
    echo "$img: shown $s ms ($(ratio "$s")x), painted $p ms ($(ratio "$p")x)," \
        "design on screen $d ms ($(ratio "$d")x), title names it $t ms ($(ratio "$t")x)"
done
