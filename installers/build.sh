#!/usr/bin/env bash
# Builds native packages of EventFlow Studio with jpackage; each bundles its own trimmed Java runtime (jlink),
# so users need no JDK.
#
#   installers/build.sh [app-image|deb|rpm|msi|exe|dmg|pkg]...     (default: app-image)
#
# Linux builds app-image, deb (needs fakeroot) and rpm (needs rpmbuild: `apt-get install rpm`).
# jpackage builds msi/exe only on Windows (needs the WiX toolset) and dmg/pkg only on macOS; run the same
# script there (Git Bash on Windows). Output: installers/target/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/installers/target
TYPES=("$@")
[ ${#TYPES[@]} -gt 0 ] || TYPES=(app-image)

VERSION=$(sed -n 's:.*<version>\([0-9][^<]*\)</version>.*:\1:p' pom.xml | head -1)
NAME=eventflow
VENDOR="EventFlow Studio"
DESCRIPTION="Design, check, document and simulate event-driven systems"
MAIN_CLASS=io.eventflow.app.Launcher
# The modules the app needs (checked with jdeps); a trimmed runtime keeps the app-image small.
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.crypto.ec,jdk.net
# --compress=2 is zip, the strongest jlink has on Java 17 (21+ spells it zip-6..zip-9).
JLINK_OPTIONS="--strip-debug --no-header-files --no-man-pages --compress=2"

if [ ! -f app/target/eventflow.jar ] || [ -n "${REBUILD:-}" ]; then
    ./mvnw -B -q -DskipTests package
fi
rm -rf "$OUT/input"
mkdir -p "$OUT/input"
cp app/target/eventflow.jar "$OUT/input/"

# The jar carries the native libraries of zstd-jni, snappy-java and lz4-java (Kafka's compression codecs) for every
# OS and CPU they support, some 9 MB; a package runs on the OS and CPU it is built on, so only the build host's stay.
# Each library loads its own from the jar (falling back to pure Java where it has one), so the others are dead weight.
prune_natives() {
    local jar=$1 keep
    case "$(uname -s)-$(uname -m)" in
        Linux-x86_64) keep='^(linux/amd64|net/jpountz/util/linux/amd64|org/xerial/snappy/native/Linux/x86_64)/' ;;
        Linux-aarch64) keep='^(linux/aarch64|net/jpountz/util/linux/aarch64|org/xerial/snappy/native/Linux/aarch64)/' ;;
        Darwin-x86_64) keep='^(darwin/x86_64|net/jpountz/util/darwin/x86_64|org/xerial/snappy/native/Mac/x86_64)/' ;;
        Darwin-arm64) keep='^(darwin/aarch64|net/jpountz/util/darwin/aarch64|org/xerial/snappy/native/Mac/aarch64)/' ;;
        MINGW*-x86_64 | MSYS*-x86_64 | CYGWIN*-x86_64)
            keep='^(win/amd64|net/jpountz/util/windows/amd64|org/xerial/snappy/native/Windows/x86_64)/' ;;
        *)
            echo "note: no native-library pruning for $(uname -s)-$(uname -m); the jar keeps every platform's" >&2
            return 0
            ;;
    esac
    if ! command -v zip >/dev/null || ! command -v unzip >/dev/null; then
        echo "note: zip/unzip not found; the jar keeps every platform's native libraries" >&2
        return 0
    fi
    local pattern='^((aix|darwin|freebsd|linux|win)/[^/]+/libzstd-jni[^/]*'
    pattern+='|net/jpountz/util/[^/]+/[^/]+/liblz4-java[^/]*'
    pattern+='|org/xerial/snappy/native/[^/]+/[^/]+/[^/]*snappyjava[^/]*)$'
    local others
    others=$(unzip -Z1 "$jar" | grep -E "$pattern" | grep -Ev "$keep" || true)
    if [ -n "$others" ]; then
        printf '%s\n' "$others" | zip -q -d "$jar" -@
        echo "removed $(wc -l <<<"$others") native libraries of other platforms from $(basename "$jar")"
    fi
}
prune_natives "$OUT/input/eventflow.jar"

# The classes' local variable tables (names of local variables, for debuggers) go, as jlink's --strip-debug does for
# the JDK: some 5 MB. Line numbers stay, so stack traces read as before (installers/StripLocals.java). STRIP_LOCALS=0
# keeps them.
if [ "${STRIP_LOCALS:-1}" != 0 ]; then
    JAVA=java
    [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && JAVA=$JAVA_HOME/bin/java
    if "$JAVA" --add-exports java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED installers/StripLocals.java \
        "$OUT/input/eventflow.jar" "$OUT/input/stripped.jar"; then
        mv "$OUT/input/stripped.jar" "$OUT/input/eventflow.jar"
    else
        rm -f "$OUT/input/stripped.jar"
        echo "warning: local variable tables kept (StripLocals failed)" >&2
    fi
fi

# The runtime: jlink once, used by every package type (jpackage --runtime-image). Then, on Linux, the symbol tables
# of its native libraries go (strip --strip-unneeded; libjvm.so alone is 24 MB with and 20 MB without; the dynamic
# symbols the JVM and JNI need stay), and, with JDK_CDS=1, the JDK's default class data sharing archive is written with
# the runtime's own bin/java (lib/server/classes.jsa: the JDK's classes a start needs, mapped already parsed and
# verified instead of loaded one by one; jlink's --generate-cds-archive needs bin/java too, which
# --strip-native-commands removes, so bin/ is removed here afterwards instead: the packages use jpackage's launcher).
# The archive is 11.8 MB and saved about 12% of the CPU time of `eventflow --version`, but no CPU time measurable
# against the noise of a GUI start (docs/performance.md), so it is left out by default for the app-image's size.
RUNTIME=$OUT/runtime
rm -rf "$RUNTIME"
# On Linux the runtime starts the JIT compiler threads at nice 10 (options stored in the runtime image, so they apply to
# the GUI and the command line alike, and the JVM does not warn about them when the user is not root, as it does for
# ThreadPriorityPolicy given on the command line). On two cores the two compiler threads otherwise take the CPU from the
# FX thread while the window is built and painted; at nice 10 they compile when a core is free. Measured: the design
# on screen 0.2-0.3 s sooner; `eventflow bench m1` unchanged, also with one or two busy cores beside it
# (docs/performance.md, "Design on screen").
VM_OPTIONS=()
if [ "$(uname -s)" = Linux ]; then
    VM_OPTIONS=(--add-options "-XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=10")
fi
# shellcheck disable=SC2086 # JLINK_OPTIONS is a list of options
jlink --add-modules "$MODULES" $JLINK_OPTIONS "${VM_OPTIONS[@]}" --output "$RUNTIME"
if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null; then
    find "$RUNTIME/lib" -name '*.so' -exec strip --strip-unneeded {} +
fi
if [ "${JDK_CDS:-0}" = 1 ] && [ -x "$RUNTIME/bin/java" ]; then
    "$RUNTIME/bin/java" -Xshare:dump >"$OUT/cds-dump.log" 2>&1 || {
        cat "$OUT/cds-dump.log" >&2
        echo "warning: no default CDS archive in the runtime" >&2
    }
fi
case "$(uname -s)" in
    Linux | Darwin) rm -rf "$RUNTIME/bin" ;;
    *) find "$RUNTIME/bin" -name '*.exe' -delete ;; # Windows: its DLLs live in bin/
esac

case "$(uname -s)" in
    Linux) ICON=$ROOT/assets/icons/eventflow-256.png ;;
    Darwin) ICON=$ROOT/assets/icons/eventflow.icns ;;
    *) ICON=$ROOT/assets/icons/eventflow.ico ;;
esac

# -XX:CompileThresholdScaling=6: the JIT compiles a method after six times as many calls and loops as by default.
# Starting the GUI runs a great deal of code (stylesheet matching, class loading, the design's read) a few thousand
# times and then rarely again; by default the two compiler threads spent 0.9-1.0 s of CPU on it before the design was
# on screen, on two cores the CPU the FX thread and the renderer needed. With 6 they spend about 0.45 s, and the design
# is on screen 0.1-0.2 s sooner (docs/performance.md, "Design on screen"); `eventflow bench m1 --messages 1e7` is the
# same within its noise (the simulator's loops run millions of times and are compiled within milliseconds either way).
# The minimal JavaFX window does not start sooner with it.
JAVA_OPTIONS="-Xss2m -XX:CompileThresholdScaling=6"

common=(
    --name "$NAME" --app-version "$VERSION" --vendor "$VENDOR" --description "$DESCRIPTION"
    --copyright "Copyright (c) 2026 EventFlow Studio" --icon "$ICON"
    --input "$OUT/input" --main-jar eventflow.jar --main-class "$MAIN_CLASS"
    --java-options "$JAVA_OPTIONS" --runtime-image "$RUNTIME"
    --dest "$OUT"
)
installer=(
    --license-file "$ROOT/LICENSE"
    --file-associations "$ROOT/installers/file-association.properties"
)

for type in "${TYPES[@]}"; do
    echo "== jpackage --type $type"
    case "$type" in
        app-image)
            rm -rf "$OUT/$NAME"
            jpackage --type app-image "${common[@]}"
            # CDS=1 adds a class data sharing archive (+38 MB, about a quarter off the app-image's start-up; the
            # .deb/.rpm cannot use it on Java 17, and it speeds a minimal JavaFX window up as much: see README).
            if [ "$(uname -s)" = Linux ] && [ "${CDS:-0}" = 1 ]; then
                installers/cds.sh "$OUT/$NAME" "EventFlow Studio" || echo "warning: no CDS archive; the app-image starts without it" >&2
            fi
            ;;
        deb|rpm)
            rm -rf "$OUT/resources"
            mkdir -p "$OUT/resources"
            cp installers/linux/eventflow.desktop "$OUT/resources/$NAME.desktop"
            if [ "$type" = deb ]; then
                cp installers/linux/postinst installers/linux/prerm "$OUT/resources/"
            fi
            jpackage --type "$type" "${common[@]}" "${installer[@]}" --resource-dir "$OUT/resources" \
                --linux-package-name "$NAME" --linux-shortcut --linux-menu-group Development \
                --linux-app-category devel --linux-package-deps libgtk-3-0 \
                --linux-deb-maintainer "team@eventflow.invalid" --linux-rpm-license-type MIT
            ;;
        msi|exe)
            jpackage --type "$type" "${common[@]}" "${installer[@]}" --win-menu --win-menu-group "EventFlow Studio" \
                --win-shortcut --win-dir-chooser --win-console
            ;;
        dmg|pkg)
            jpackage --type "$type" "${common[@]}" "${installer[@]}" --mac-package-name "EventFlow Studio"
            ;;
        *)
            echo "unknown package type: $type" >&2
            exit 2
            ;;
    esac
done
ls -la "$OUT"
