#!/usr/bin/env bash
# Cold start to the first window: EventFlow Studio (app-image launcher) vs a minimal JavaFX window started with the
# same bundled runtime, interleaved, under Xvfb. Prints each run and the medians.
#   installers/build.sh app-image && installers/bench/startup.sh [RUNS]
# With BEFORE=<another app-image folder> (e.g. a copy of installers/target/eventflow built from the previous commit),
# that app is started too, in the same rounds, and its figures and medians are printed beside this one's: an A/B
# comparison under the same load. TIMEOUT=<seconds> (default 60): how long each start may take (a loaded machine).
# Needs: xvfb, python3 and libX11 (apt-get install xvfb xauth python3 libx11-6 libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
IMAGE=installers/target/eventflow
[ -x "$IMAGE/bin/eventflow" ] || { echo "build the app-image first: installers/build.sh app-image" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; [ -n "${XPID:-}" ] && kill $XPID 2>/dev/null || true' EXIT
JAR=$IMAGE/lib/app/eventflow.jar
# The baseline is packaged exactly like the app: jpackage app-image, the same runtime (installers/target/runtime, with
# the JDK's default CDS archive when build.sh made one, and the VM options stored in it: on Linux the JIT compiler
# threads' lower priority), the same JavaFX jar, and,
# when the app-image has a class data sharing archive (installers/cds.sh), one made the same way for the baseline.
BASE=installers/target/bench/hellofx
CDS=no
[ -f "$IMAGE/lib/app/eventflow.jsa" ] && CDS=yes
if [ ! -x "$BASE/bin/hellofx" ] || [ "$JAR" -nt "$BASE/bin/hellofx" ] \
    || [ installers/target/runtime -nt "$BASE/bin/hellofx" ] || [ "$(cat "$BASE.cds" 2>/dev/null)" != $CDS ]; then
    rm -rf installers/target/bench
    mkdir -p installers/target/bench/input "$WORK/classes"
    javac -cp "$JAR" -d "$WORK/classes" installers/bench/HelloFx.java
    jar --create --file installers/target/bench/input/hellofx.jar -C "$WORK/classes" .
    cp "$JAR" installers/target/bench/input/
    jpackage --type app-image --name hellofx --input installers/target/bench/input --main-jar hellofx.jar \
        --main-class HelloFxLauncher --dest installers/target/bench \
        --runtime-image installers/target/runtime
    if [ $CDS = yes ]; then
        installers/cds.sh "$BASE" "HelloFx baseline"
    fi
    echo $CDS >"$BASE.cds"
fi
echo "class data sharing archives (app and baseline): $CDS"

DISPLAY_NO=:$(( 90 + RANDOM % 9 ))
Xvfb "$DISPLAY_NO" -screen 0 1280x800x24 >/dev/null 2>&1 &
XPID=$!
export DISPLAY=$DISPLAY_NO
sleep 1
export XDG_DATA_HOME=$WORK/data XDG_CONFIG_HOME=$WORK/config

# time_to_window TITLE CONTENT COMMAND...: milliseconds from start until a visible window with TITLE exists, then (a
# second figure, "window/painted") until that window shows more than one colour: its first painted frame, then (when
# CONTENT is not empty, "window/painted/content/titled") until the first frame painted once that window's title contains
# CONTENT (the app's title names the open design once the design is in its scene: the design on screen), and until the
# title contains it. One X client, installers/bench/probe.py, polls them every 10 ms, each on its own (until 2026-12-07
# xdotool and xwd polled them one after the other, and a painted frame was seen only after an xwd of the whole window
# and ImageMagick's convert had run, 0.1-1 s later depending on the load; the third figure waited for the second).
# Until 2026-12-07 (later that day) the third figure was the title's change alone, which comes a frame before the
# design is painted when the design is shown after the first frame.
time_to_window() {
    local title=$1 content=$2
    shift 2
    local t0
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 &
    local pid=$!
    local seen
    seen=$(python3 installers/bench/probe.py "$t0" "$title" "$content" "${TIMEOUT:-60}")
    if [ "$seen" != timeout ]; then
        # Load-insensitive figures at the last point measured (the design open, else the first painted frame): the
        # process's CPU time (user + system; the launcher runs the JVM in its own process) and the classes loaded.
        local cpu classes
        cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat" 2>/dev/null) || cpu=""
        classes=""
        if command -v jcmd >/dev/null; then
            classes=$(jcmd "$pid" PerfCounter.print 2>/dev/null | sed -n 's/^java.cls.loadedClasses=//p') || classes=""
        fi
        echo "$seen ${cpu:-?} ${classes:-?}"
    else
        echo "timeout"
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    sleep 0.5
}

app=()
base=()
app_cpu=()
base_cpu=()
app_classes=()
base_classes=()
app_paint=()
base_paint=()
app_design=()
app_titled=()
old=()
old_paint=()
old_design=()
old_titled=()
old_cpu=()
old_classes=()
for i in $(seq 1 "$RUNS"); do
    if [ -n "${BEFORE:-}" ]; then
        o=$(time_to_window "EventFlow Studio" "Order pipeline" "$BEFORE/bin/eventflow")
        echo "run $i: before ($BEFORE) ${o% * *} ms (CPU $(cut -d' ' -f2 <<<"$o") ms, $(cut -d' ' -f3 <<<"$o") classes)"
        read -r _ oc ocl <<<"$o"
        [[ "${oc:-}" =~ ^[0-9]+$ ]] && old_cpu+=("$oc")
        [[ "${ocl:-}" =~ ^[0-9]+$ ]] && old_classes+=("$ocl")
        o=${o%% *}
        o=${o/timeout/999999}
        IFS=/ read -r o_shown o_paint o_design o_titled <<<"$o"
        old+=("$o_shown")
        [ -n "$o_paint" ] && old_paint+=("$o_paint")
        [ -n "$o_design" ] && old_design+=("$o_design")
        [ -n "${o_titled:-}" ] && old_titled+=("$o_titled")
    fi
    # The app opens its sample design, "Order pipeline", when started without a file.
    a=$(time_to_window "EventFlow Studio" "Order pipeline" "$IMAGE/bin/eventflow")
    b=$(time_to_window "HelloFx baseline" "" "$BASE/bin/hellofx")
    echo "run $i: eventflow ${a% * *} ms (CPU $(cut -d' ' -f2 <<<"$a") ms, $(cut -d' ' -f3 <<<"$a") classes)," \
        "minimal JavaFX ${b% * *} ms (CPU $(cut -d' ' -f2 <<<"$b") ms, $(cut -d' ' -f3 <<<"$b") classes)"
    read -r _ ac acl <<<"$a"
    read -r _ bc bcl <<<"$b"
    [[ "${ac:-}" =~ ^[0-9]+$ ]] && app_cpu+=("$ac")
    [[ "${bc:-}" =~ ^[0-9]+$ ]] && base_cpu+=("$bc")
    [[ "${acl:-}" =~ ^[0-9]+$ ]] && app_classes+=("$acl")
    [[ "${bcl:-}" =~ ^[0-9]+$ ]] && base_classes+=("$bcl")
    a=${a%% *}
    b=${b%% *}
    # A run that timed out counts as the slowest, not as 0.
    a=${a/timeout/999999}
    b=${b/timeout/999999}
    IFS=/ read -r a_shown a_paint a_design a_titled <<<"$a"
    IFS=/ read -r b_shown b_paint _ <<<"$b"
    app+=("$a_shown")
    base+=("$b_shown")
    [ -n "$a_paint" ] && app_paint+=("$a_paint")
    [ -n "$b_paint" ] && base_paint+=("$b_paint")
    [ -n "$a_design" ] && app_design+=("$a_design")
    [ -n "${a_titled:-}" ] && app_titled+=("$a_titled")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ma=$(median "${app[@]}")
mb=$(median "${base[@]}")
echo "median, window shown: eventflow $ma ms, minimal JavaFX $mb ms, ratio $(awk -v a="$ma" -v b="$mb" 'BEGIN{printf "%.2f", a/b}')"
if [ ${#app_paint[@]} -gt 0 ] && [ ${#base_paint[@]} -gt 0 ]; then
    pa=$(median "${app_paint[@]}")
    pb=$(median "${base_paint[@]}")
    echo "median, first painted frame: eventflow $pa ms, minimal JavaFX $pb ms, ratio $(awk -v a="$pa" -v b="$pb" 'BEGIN{printf "%.2f", a/b}')"
fi
if [ ${#app_design[@]} -gt 0 ]; then
    echo "median, sample design on screen (first frame painted once the title names it): eventflow" \
        "$(median "${app_design[@]}") ms; title names it: $(median "${app_titled[@]}") ms"
fi
if [ ${#app_cpu[@]} -gt 0 ] && [ ${#base_cpu[@]} -gt 0 ]; then
    ca=$(median "${app_cpu[@]}")
    cb=$(median "${base_cpu[@]}")
    echo "median CPU time (user+sys) until the design is open / the minimal window is painted: eventflow $ca ms," \
        "minimal JavaFX $cb ms, ratio $(awk -v a="$ca" -v b="$cb" 'BEGIN{printf "%.2f", a/b}')"
fi
if [ ${#app_classes[@]} -gt 0 ] && [ ${#base_classes[@]} -gt 0 ]; then
    echo "median classes loaded then: eventflow $(median "${app_classes[@]}"), minimal JavaFX $(median "${base_classes[@]}")"
fi
if [ ${#old[@]} -gt 0 ]; then
    mo=$(median "${old[@]}")
    echo "before: median window shown $mo ms (ratio $(awk -v a="$mo" -v b="$mb" 'BEGIN{printf "%.2f", a/b}'))," \
        "first painted frame $( [ ${#old_paint[@]} -gt 0 ] && median "${old_paint[@]}") ms," \
        "sample design on screen $( [ ${#old_design[@]} -gt 0 ] && median "${old_design[@]}") ms" \
        "(title names it $( [ ${#old_titled[@]} -gt 0 ] && median "${old_titled[@]}") ms)"
    if [ ${#old_cpu[@]} -gt 0 ] && [ ${#base_cpu[@]} -gt 0 ]; then
        co=$(median "${old_cpu[@]}")
        echo "before: median CPU time until the design is open $co ms, ratio to the minimal window" \
            "$(awk -v a="$co" -v b="$(median "${base_cpu[@]}")" 'BEGIN{printf "%.2f", a/b}'); classes loaded then $( [ ${#old_classes[@]} -gt 0 ] && median "${old_classes[@]}")"
    fi
fi
if [ ${#app_design[@]} -gt 0 ]; then
    md=$(median "${app_design[@]}")
    echo "design on screen / minimal window shown: eventflow $(awk -v a="$md" -v b="$mb" 'BEGIN{printf "%.2f", a/b}')" \
        "${old_design[0]:+, before $(awk -v a="$(median "${old_design[@]}")" -v b="$mb" 'BEGIN{printf "%.2f", a/b}')}"
    mt=$(median "${app_titled[@]}")
    echo "title names the design / minimal window shown: eventflow $(awk -v a="$mt" -v b="$mb" 'BEGIN{printf "%.2f", a/b}')" \
        "${old_titled[0]:+, before $(awk -v a="$(median "${old_titled[@]}")" -v b="$mb" 'BEGIN{printf "%.2f", a/b}')}"
fi
du -sh "$IMAGE" | awk '{print "app-image size: " $1}'
{ ls -l installers/target/*.deb installers/target/*.rpm 2>/dev/null || true; } | awk '{printf "%s %.1f MB\n", $NF, $5/1e6}'
