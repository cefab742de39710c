#!/usr/bin/env bash
# Builds the GPU bundle: everything the CLI needs to train on a machine that has CUDA, PyTorch (Python) and a
# compiler but no JVM and no network, small enough to travel with the working tree (64 MiB in all).
#
#   src/scripts/gpu/bundle.sh            # -> target/gpu-bundle/ (never committed: target/ is ignored)
#
# What goes in (see docs/gpu.md):
#   runtime/   a jlinked Java runtime with the modules jdeps finds in the CLI and its jars except java.desktop
#              (see below), libjvm.so stripped, plus the JDK's JNI headers (jni.h, jni_md.h) for DJL's JNI build
#   lib/       the project's classes (one jar) and its runtime jars, WITHOUT the PyTorch natives
#              (pytorch-native-cpu), DJL's prebuilt JNI (pytorch-jni: built for libtorch 2.7.1 only), JavaFX and
#              the charts (JFreeChart: `compare` draws with it), and test jars; plus gpu-probe.jar (EngineProbe)
#   djl-jni/   the C++ source of DJL's PyTorch JNI at the tag of the DJL version in pom.xml, with DJL's LICENSE and
#              NOTICE, and the JNI header javac generates from PyTorchLibrary.java (the device has no javac)
#   sample-configs/, pytorch_supernet.py, run-on-device.sh, MANIFEST.txt
# The data is not copied: the quickstart reads assets/fashion-mnist (30 MB), which is tracked and so travels with
# the working tree anyway; a second copy would not fit.
#
# Size: a device call sends the whole working tree (38 MiB, the datasets included) AND the carried paths, 64 MiB
# in all, so the bundle has about 25 MiB. It therefore travels as target/gpu-carry/gpu-bundle.tar.xz (about
# 17 MiB): the runtime's modules are linked uncompressed and the jars stored, because xz over the plain bytes
# packs far better (modules: 6 MiB instead of 14) than over jlink's or zip's own compression. Left out to fit:
# java.desktop (AWT, ImageIO: 8 MiB more) - so the bundle cannot read `image-folder` datasets or draw `compare`
# charts; the GPU checks need neither.
#
# Environment:
#   DJL_GIT_DIR  a git directory of github.com/deepjavalibrary/djl holding the tag v<djl.version>
#                (default: the workplace mirror if present, else a shallow clone into target/djl.git)
#   BUNDLE_DIR   output folder (default target/gpu-bundle)
#   MVN_FLAGS    flags for Maven (default "-q -B -o": offline)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$ROOT"
BUNDLE=${BUNDLE_DIR:-$ROOT/target/gpu-bundle}
MVN_FLAGS=${MVN_FLAGS:--q -B -o}
LIMIT_BYTES=$((64 * 1024 * 1024))
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
DJL_VERSION=$(sed -n 's:.*<djl.version>\(.*\)</djl.version>.*:\1:p' pom.xml | head -1)
DJL_TAG=v$DJL_VERSION

step() { printf '\n== %s\n' "$*"; }
die() { echo "bundle.sh: $*" >&2; exit 1; }

[ -x "$JAVA_HOME/bin/jlink" ] || die "no jlink in JAVA_HOME=$JAVA_HOME (set JAVA_HOME to a JDK 17)"
[ -f "$JAVA_HOME/include/jni.h" ] || die "no include/jni.h in JAVA_HOME=$JAVA_HOME (a JDK, not a JRE, is needed)"

step "DJL $DJL_VERSION source (tag $DJL_TAG)"
DJL_GIT=${DJL_GIT_DIR:-}
if [ -z "$DJL_GIT" ]; then
    for candidate in /work/.mirror/deepjavalibrary+djl/repo "$ROOT/target/djl.git"; do
        if git --git-dir="$candidate" rev-parse -q --verify "refs/tags/$DJL_TAG" >/dev/null 2>&1; then
            DJL_GIT=$candidate
            break
        fi
    done
fi
if [ -z "$DJL_GIT" ]; then
    DJL_GIT=$ROOT/target/djl.git
    rm -rf "$DJL_GIT"
    git clone --quiet --bare --depth 1 --branch "$DJL_TAG" https://github.com/deepjavalibrary/djl.git "$DJL_GIT" \
        || die "cannot get DJL's source: set DJL_GIT_DIR to a git directory of deepjavalibrary/djl with tag $DJL_TAG"
fi
git --git-dir="$DJL_GIT" rev-parse -q --verify "refs/tags/$DJL_TAG" >/dev/null \
    || die "$DJL_GIT has no tag $DJL_TAG (DJL_GIT_DIR must hold DJL's tags)"
echo "from $DJL_GIT"

step "compile and resolve the runtime classpath (Maven: $MVN_FLAGS)"
# shellcheck disable=SC2086
mvn $MVN_FLAGS compile dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$ROOT/target/gpu-classpath.txt"

rm -rf "$BUNDLE"
mkdir -p "$BUNDLE/lib" "$BUNDLE/djl-jni"

step "jars (without natives, DJL's prebuilt JNI, JavaFX)"
# pytorch-native-*: libtorch itself (CPU, 112 MB) - the device brings its own in the Python torch package.
# pytorch-jni: DJL's JNI built for libtorch 2.7.1; run-on-device.sh builds one for the device's libtorch, and
#   leaving the jar out means DJL can never fall back to a JNI that does not match.
# javafx-*, controlsfx, org.jfree.*: the desktop UI and the charts, which need java.desktop (left out, above).
excluded='/(pytorch-native-[^/]*|pytorch-jni|javafx-[^/]*|controlsfx|jfreechart|org\.jfree\.[^/]*)/'
tr ':' '\n' < "$ROOT/target/gpu-classpath.txt" | while read -r jar; do
    [ -n "$jar" ] || continue
    if [[ "$jar" =~ $excluded ]]; then
        echo "  left out: $(basename "$jar")"
    else
        # Stored, not deflated: the archive's xz packs plain class files far better than deflated ones.
        plain=$(mktemp -d)
        (cd "$plain" && unzip -q "$jar" && zip -q -r -X -0 "$BUNDLE/lib/$(basename "$jar")" .)
        rm -rf "$plain"
    fi
done
(cd "$ROOT/target/classes" && zip -q -r -X -0 "$BUNDLE/lib/supertickets.jar" .)
rm -rf "$ROOT/target/gpu-probe-classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$ROOT/target/gpu-probe-classes" -cp "$BUNDLE/lib/*" \
    "$ROOT/src/scripts/gpu/EngineProbe.java"
(cd "$ROOT/target/gpu-probe-classes" && zip -q -r -X -0 "$BUNDLE/lib/gpu-probe.jar" .)
ls "$BUNDLE/lib" | sed 's/^/  /'

step "modules (jdeps)"
# --ignore-missing-deps: the UI classes in supertickets.jar refer to JavaFX, which the CLI never loads.
# jdeps over the jars' classes, unpacked without module-info: as modular jars on a class path they stop jdeps
# (commons-compress requires commons-lang3, which is not there and not needed).
jdeps_dir=$ROOT/target/gpu-jdeps
rm -rf "$jdeps_dir"
for jar in "$BUNDLE"/lib/*.jar; do
    plain=$jdeps_dir/$(basename "$jar" .jar)
    mkdir -p "$plain" && (cd "$plain" && "$JAVA_HOME/bin/jar" -xf "$jar")
    find "$plain" -name module-info.class -delete
    rm -rf "$plain/META-INF"
done
modules=$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps "$jdeps_dir"/* | tail -1)
[[ "$modules" =~ ^[a-z.,]+$ ]] || die "jdeps printed no module list: $modules"
echo "  jdeps: $modules"
modules=$(echo "$modules" | tr ',' '\n' | grep -v -x java.desktop | paste -sd,)
# jdk.unsupported: JNA and DJL reach sun.misc.Unsafe reflectively; jdk.zipfs: reading resources out of jars
# as a file system; neither shows up in jdeps. jdk.crypto.ec is not needed: the bundle never goes online.
modules="$modules,jdk.unsupported,jdk.zipfs"
echo "  $modules"

step "jlink"
# --compress=0: the archive's xz does better (above). libjvm.so keeps 3 MiB of symbols unless stripped.
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=0 \
    --output "$BUNDLE/runtime"
chmod u+w "$BUNDLE/runtime/lib/server/libjvm.so"
strip --strip-unneeded "$BUNDLE/runtime/lib/server/libjvm.so"
# DJL's CMakeLists finds JNI through the runtime it builds for; --no-header-files dropped these two.
mkdir -p "$BUNDLE/runtime/include/linux"
cp "$JAVA_HOME/include/jni.h" "$BUNDLE/runtime/include/"
cp "$JAVA_HOME/include/linux/jni_md.h" "$BUNDLE/runtime/include/linux/"
"$BUNDLE/runtime/bin/java" -version 2>&1 | sed 's/^/  /'

step "DJL's PyTorch JNI source ($DJL_TAG) and its JNI header"
git --git-dir="$DJL_GIT" archive "$DJL_TAG" LICENSE NOTICE api/src/main/native \
    engines/pytorch/pytorch-native/CMakeLists.txt engines/pytorch/pytorch-native/src/main/native \
    engines/pytorch/pytorch-native/src/main/patch \
    engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java \
    | tar -x -C "$BUNDLE/djl-jni"
# The header DJL's build.sh makes with `javac -h`: done here because the device has no javac.
jni_src=$BUNDLE/djl-jni/engines/pytorch/pytorch-native
rm -rf "$ROOT/target/gpu-jni-classes"
"$JAVA_HOME/bin/javac" -nowarn -d "$ROOT/target/gpu-jni-classes" -h "$jni_src/build/include" \
    -cp "$(tr ':' '\n' < "$ROOT/target/gpu-classpath.txt" | grep -E '/(api|pytorch-engine)-' | paste -sd:)" \
    "$BUNDLE/djl-jni/engines/pytorch/pytorch-engine/src/main/java/ai/djl/pytorch/jni/PyTorchLibrary.java"
ls "$jni_src/build/include" | sed 's/^/  /'

step "scripts and configs"
cp "$ROOT/src/scripts/gpu/run-on-device.sh" "$BUNDLE/"
cp "$ROOT/src/scripts/pytorch_supernet.py" "$BUNDLE/"
cp -r "$ROOT/sample-configs" "$BUNDLE/"
{
    echo "SuperTickets GPU bundle"
    echo "project commit: $(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (+ uncommitted changes)')"
    echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -m)"
    echo "djl: $DJL_VERSION (JNI source: tag $DJL_TAG, $(git --git-dir="$DJL_GIT" rev-parse "$DJL_TAG^{commit}"))"
    echo "java: $("$BUNDLE/runtime/bin/java" -version 2>&1 | head -1)"
    echo "modules: $modules"
    echo "jars:"
    ls "$BUNDLE/lib" | sed 's/^/  /'
} > "$BUNDLE/MANIFEST.txt"

step "archive (what a device call carries)"
ARCHIVE_DIR=$(dirname "$BUNDLE")/gpu-carry
rm -rf "$ARCHIVE_DIR" && mkdir -p "$ARCHIVE_DIR"
tar -C "$(dirname "$BUNDLE")" -cf - "$(basename "$BUNDLE")" | xz -6 -T"${XZ_THREADS:-1}" > "$ARCHIVE_DIR/gpu-bundle.tar.xz"

step "size"
bundle_bytes=$(du -sb "$BUNDLE" | cut -f1)
archive_bytes=$(stat -c %s "$ARCHIVE_DIR/gpu-bundle.tar.xz")
# What a `run` call sends: tracked files, untracked files git does not ignore, and the carried archive.
tree_bytes=$(git -C "$ROOT" ls-files -z --cached --others --exclude-standard \
    | (cd "$ROOT" && xargs -0 stat -c %s 2>/dev/null) | awk '{s+=$1} END {print s+0}')
du -sh "$BUNDLE"/* | sed 's/^/  /'
mib() { awk -v b="$1" 'BEGIN {printf "%.1f MiB", b / 1048576}'; }
echo "bundle folder: $(mib "$bundle_bytes") unpacked, in $BUNDLE"
echo "bundle archive: $(mib "$archive_bytes") ($archive_bytes bytes), $ARCHIVE_DIR/gpu-bundle.tar.xz"
echo "working tree that travels with it: $(mib "$tree_bytes"); tree + archive $(mib $((tree_bytes + archive_bytes))) of 64 MiB"
if [ "$archive_bytes" -ge "$LIMIT_BYTES" ]; then
    die "the bundle archive is $(mib "$archive_bytes"), over 64 MiB"
fi
if [ $((tree_bytes + archive_bytes)) -ge "$LIMIT_BYTES" ]; then
    die "working tree + bundle archive is $(mib $((tree_bytes + archive_bytes))), over the 64 MiB a device call may send"
fi
echo "OK: carry target/gpu-carry (see docs/gpu.md)"
