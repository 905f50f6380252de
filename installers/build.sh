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
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.crypto.ec
JLINK_OPTIONS="--strip-debug --no-header-files --no-man-pages --strip-native-commands --compress=2"

if [ ! -f app/target/eventflow.jar ] || [ -n "${REBUILD:-}" ]; then
    ./mvnw -B -q -DskipTests package
fi
rm -rf "$OUT/input"
mkdir -p "$OUT/input"
cp app/target/eventflow.jar "$OUT/input/"

case "$(uname -s)" in
    Linux) ICON=$ROOT/assets/icons/eventflow-256.png ;;
    Darwin) ICON=$ROOT/assets/icons/eventflow.icns ;;
    *) ICON=$ROOT/assets/icons/eventflow.ico ;;
esac

common=(
    --name "$NAME" --app-version "$VERSION" --vendor "$VENDOR" --description "$DESCRIPTION"
    --copyright "Copyright (c) 2026 EventFlow Studio" --icon "$ICON"
    --input "$OUT/input" --main-jar eventflow.jar --main-class "$MAIN_CLASS"
    --java-options "-Xss2m" --add-modules "$MODULES" --jlink-options "$JLINK_OPTIONS"
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
