#!/usr/bin/env bash
# Runs in the GPU bundle (see bundle.sh and docs/gpu.md) on a machine with an NVIDIA GPU, Python with a CUDA
# PyTorch, CMake and a C++ compiler, and no JVM or network:
#   1. builds DJL's PyTorch JNI (libdjl_torch.so) against the libtorch inside the Python torch package, and puts it
#      where DJL looks for the JNI of a custom libtorch (PYTORCH_LIBRARY_PATH + PYTORCH_VERSION + PYTORCH_FLAVOR:
#      <cache>/pytorch/<version>-<flavor>-linux-x86_64/<djl version>-libdjl_torch.so);
#   2. prints the engine, flavor and device DJL got;
#   3. validate, bench, the PyTorch yardstick on the same GPU, real runs with search and pruning (the quickstart,
#      its ticket's info and latency; the demo, which shrinks), then fashion-mnist.json and a CPU bench for ratios.
# Each step has a time cap and all of them share one budget (BUDGET_S); a failed step does not stop the steps
# that do not need it. Results go to $OUT (at most 8 files come back from a device call): summary.txt, log.txt,
# results.tar.gz (every step's log, the CMake logs, the run folder without checkpoints) and libdjl_torch.so
# (carry it back as JNI_PREBUILT to skip the build in a rerun).
#
#   bash run-on-device.sh            # on the GPU machine, from the repository root (for assets/)
#   bash run-on-device.sh --dry-run  # here, on CPU: DJL's cached CPU libtorch 2.7.1 and its JNI, a CMake
#                                    # configure + one JNI source compiled against the local libtorch, few steps
#
# Environment: OUT (default ./gpu-out), BUDGET_S (default 330; dry run 300), PYTHON (default python3),
# REPO_DIR (the repository, for assets/; default the current folder), JNI_PREBUILT (a libdjl_torch.so built
# earlier for this very libtorch: skips the build), JOBS (compile jobs; default nproc).
set -uo pipefail
set -a   # every variable below reaches the steps, which run in their own bash under `timeout`

DRY_RUN=0
[ "${1:-}" = "--dry-run" ] && DRY_RUN=1
BUNDLE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=${REPO_DIR:-$PWD}
OUT=${OUT:-$PWD/gpu-out}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gpu-run.XXXXXX")
LOGS=$WORK/logs
mkdir -p "$LOGS"
START=$(date +%s)
JAVA=$BUNDLE/runtime/bin/java
DJL_VERSION=$(sed -n 's/^djl: \([^ ]*\).*/\1/p' "$BUNDLE/MANIFEST.txt")
JNI_SRC=$BUNDLE/djl-jni/engines/pytorch/pytorch-native
SUMMARY=$OUT/summary.txt
if [ "$DRY_RUN" = 1 ]; then
    BUDGET_S=${BUDGET_S:-300}
    PYTHON=${PYTHON:-/usr/bin/python3}   # Debian's python3-torch here
    DEVICE=cpu TORCH_DEVICE=cpu
    BENCH_STEPS=20 BENCH_WARMUP=5 RUN_EPOCHS=1 PT_STEPS=20 PT_WARMUP=5 LATENCY_S=5
    JOBS=${JOBS:-1}
    NICE="nice -n 19"
else
    BUDGET_S=${BUDGET_S:-330}
    PYTHON=${PYTHON:-python3}
    DEVICE=gpu TORCH_DEVICE=cuda
    BENCH_STEPS=300 BENCH_WARMUP=50 RUN_EPOCHS="" PT_STEPS=300 PT_WARMUP=50 LATENCY_S=20
    JOBS=${JOBS:-$(nproc)}
    NICE=""
fi

remaining() { echo $((BUDGET_S - ($(date +%s) - START))); }

# Copies what has been gathered so far into $OUT: a cut-off call still brings back everything before the cut.
publish() {
    cat "$LOGS"/*.log > "$OUT/log.txt" 2>/dev/null
    local run_copy=$WORK/results
    rm -rf "$run_copy" && mkdir -p "$run_copy"
    cp -r "$LOGS" "$run_copy/"
    if [ -d "$WORK/runs" ]; then
        # The run folder without its checkpoints and tensors: events, summary, ticket metadata.
        (cd "$WORK" && find runs -type f ! -name '*.params' ! -name '*.pt' ! -name '*.bin' ! -name '*.npz' \
            -size -2M -print0 | tar --null -cf - -T - | tar -C "$run_copy" -xf -) 2>/dev/null
    fi
    tar -C "$WORK" -czf "$OUT/results.tar.gz" results 2>/dev/null
}
trap publish EXIT

{
    echo "GPU bundle run $(date -u +%Y-%m-%dT%H:%M:%SZ), dry run: $DRY_RUN, budget ${BUDGET_S}s"
    sed -n '1,5p' "$BUNDLE/MANIFEST.txt"
    printf '%-22s %-8s %6s  %s\n' step status seconds "key line"
} > "$SUMMARY"

# step NAME CAP_SECONDS KEY_PATTERN COMMAND...: runs COMMAND with a cap of min(CAP, budget left), logs it, and
# adds one line to the summary (status ok/FAILED/TIMEOUT/skipped and the log's last line matching KEY_PATTERN).
step() {
    local name=$1 cap=$2 key=$3
    shift 3
    STEP_NO=$((STEP_NO + 1))
    local left cap_now log=$LOGS/$(printf '%02d' "$STEP_NO")-$name.log
    left=$(remaining)
    cap_now=$(( cap < left - 5 ? cap : left - 5 ))
    if [ "$cap_now" -lt 5 ]; then
        printf '%-22s %-8s %6s  %s\n' "$name" skipped 0 "budget spent" >> "$SUMMARY"
        echo "== $name: skipped, budget spent" > "$log"
        return 1
    fi
    echo "== $name (cap ${cap_now}s): $*" > "$log"
    echo "== $name (cap ${cap_now}s)"
    local t0 rc status
    t0=$(date +%s)
    # timeout runs in a process group of its own (pgid = its pid) and signals it at the cap. A JVM that outlives
    # that (the CLI's shutdown hook lets a run finish its step and checkpoint) is killed with the group right
    # after, so no step's leftovers eat the next steps' time.
    timeout -k 5 "$cap_now" bash -c '"$@"' "$name" "$@" >> "$log" 2>&1 &
    local tpid=$!
    wait "$tpid"
    rc=$?
    kill -KILL -- "-$tpid" 2>/dev/null
    case $rc in
        0) status=ok ;;
        124|137) status=TIMEOUT ;;
        *) status="FAILED($rc)" ;;
    esac
    echo "== $name: $status after $(( $(date +%s) - t0 ))s" >> "$log"
    printf '%-22s %-8s %6s  %s\n' "$name" "$status" "$(( $(date +%s) - t0 ))" \
        "$(grep -E -- "$key" "$log" | tail -1 | cut -c1-150)" >> "$SUMMARY"
    tail -3 "$log"
    publish
    [ "$rc" = 0 ]
}
STEP_NO=0

# --- what this machine has -----------------------------------------------------------------------------------
TORCH_INFO=$WORK/torch-info.sh
env_info() {
    uname -a; nproc; free -g 2>/dev/null | head -2
    command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
    "$PYTHON" - "$TORCH_DEVICE" > "$TORCH_INFO" <<'EOF'
import os, sys, torch
d = os.path.dirname(torch.__file__)
prefix = torch.utils.cmake_prefix_path
if not os.path.isfile(os.path.join(prefix, "Torch", "TorchConfig.cmake")):
    prefix = "/usr/lib/x86_64-linux-gnu/cmake"   # Debian's libtorch-dev keeps its CMake files here
cuda = torch.version.cuda
cudart = ""
if sys.argv[1] == "cuda" and torch.cuda.is_available():
    torch.zeros(1, device="cuda")
    # the CUDA runtime this libtorch really loaded: DJL finds the GPU through it (JNA, by name "cudart")
    for line in open("/proc/self/maps"):
        if "libcudart" in line:
            cudart = os.path.dirname(line.split()[-1])
            break
print(f"TORCH_DIR={d}")
print(f"TORCH_LIB={os.path.join(d, 'lib')}")
print(f"TORCH_CMAKE_PREFIX={prefix}")
print(f"TORCH_VERSION={torch.__version__.split('+')[0]}")
print(f"TORCH_FLAVOR={'cu' + cuda.replace('.', '') if cuda else 'cpu'}")
print(f"TORCH_CXX11_ABI={int(torch._C._GLIBCXX_USE_CXX11_ABI)}")
print(f"CUDART_DIR={cudart}")
print(f"# torch {torch.__version__}, cuda {cuda}, cudnn {torch.backends.cudnn.version()}, "
      f"gpu {torch.cuda.get_device_name(0) if torch.cuda.is_available() else 'none'}")
EOF
    cat "$TORCH_INFO"
    cmake --version | head -1; ninja --version; (g++ --version || c++ --version) | head -1
    command -v nvcc >/dev/null && nvcc --version | tail -2
    "$JAVA" -version
}
export -f env_info
step env 60 '^# torch' env_info
# shellcheck disable=SC1090
. "$TORCH_INFO" 2>/dev/null || true

# --- plain PyTorch on the same device first: it needs nothing of ours, so its numbers come back even if the JNI
# does not build
CONFIGS=$BUNDLE/sample-configs
step pytorch-quickstart 90 'images_per_second' $NICE "$PYTHON" "$BUNDLE/pytorch_supernet.py" \
    "$CONFIGS/quickstart.json" --device "$TORCH_DEVICE" --steps "$PT_STEPS" --warmup "$PT_WARMUP"
step pytorch-fashion 90 'images_per_second' $NICE "$PYTHON" "$BUNDLE/pytorch_supernet.py" \
    "$CONFIGS/fashion-mnist.json" --device "$TORCH_DEVICE" --steps "$PT_STEPS" --warmup "$PT_WARMUP"

# --- DJL's JNI for this libtorch -------------------------------------------------------------------------------
export DJL_CACHE_DIR=$WORK/djl-cache
unset ENGINE_CACHE_DIR
if [ "$DRY_RUN" = 1 ]; then
    # Here: DJL 0.36's own CPU libtorch 2.7.1 (its Maven natives, unpacked by an earlier run) stands in for the
    # device's torch/lib: hard links into a folder of its own, without the prebuilt JNI beside them, which goes
    # where the built one will go on the device.
    cached=$(ls -d "${HOME}"/.djl.ai/pytorch/2.7.1-*-cpu-linux-x86_64 2>/dev/null | head -1)
    LIBTORCH_DIR=$WORK/libtorch
    mkdir -p "$LIBTORCH_DIR"
    [ -n "$cached" ] && for f in "$cached"/*; do
        case $(basename "$f") in *djl_torch*) ;; *) ln "$f" "$LIBTORCH_DIR/" 2>/dev/null || cp "$f" "$LIBTORCH_DIR/" ;; esac
    done
    JNI_PREBUILT=${JNI_PREBUILT:-$(ls "$cached"/*libdjl_torch.so 2>/dev/null | head -1)}
    PT_VERSION_DJL=2.7.1 PT_FLAVOR_DJL=cpu
else
    LIBTORCH_DIR=${TORCH_LIB:-}
    PT_VERSION_DJL=${TORCH_VERSION:-} PT_FLAVOR_DJL=${TORCH_FLAVOR:-}
fi
JNI_DEST=$DJL_CACHE_DIR/pytorch/$PT_VERSION_DJL-$PT_FLAVOR_DJL-linux-x86_64/$DJL_VERSION-libdjl_torch.so

# CMake as DJL's build.sh does it, with the JNI header made by bundle.sh and FindJNI pointed at the bundled runtime.
jni_cmake() {
    local pt_define=""
    case ${TORCH_VERSION:-} in 1.13.*|2.0.*|2.1.*) pt_define=V1_13_X ;; esac
    local cuda_args=()
    if [ "${TORCH_FLAVOR:-cpu}" != cpu ] && command -v nvcc >/dev/null; then
        # Torch's CMake config enables the CUDA language and checks the toolkit: name the nvcc on PATH, and an
        # architecture list (sm_90, Hopper) so it need not probe; the JNI itself compiles no CUDA code.
        cuda_args=(-DUSE_CUDA=1 "-DCMAKE_CUDA_COMPILER=$(command -v nvcc)"
            "-DCUDAToolkit_ROOT=$(dirname "$(dirname "$(readlink -f "$(command -v nvcc)")")")")
        export TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST:-9.0}
    fi
    $NICE cmake -S "$JNI_SRC" -B "$WORK/jni-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        "-DCMAKE_PREFIX_PATH=$TORCH_CMAKE_PREFIX" "-DPT_VERSION=$pt_define" "${cuda_args[@]}" \
        "-DJAVA_HOME=$BUNDLE/runtime" "-DJAVA_INCLUDE_PATH=$BUNDLE/runtime/include" \
        "-DJAVA_INCLUDE_PATH2=$BUNDLE/runtime/include/linux" "-DJAVA_JVM_LIBRARY=$BUNDLE/runtime/lib/server/libjvm.so" \
        -DJAVA_AWT_LIBRARY=NotNeeded -DJAVA_AWT_INCLUDE_PATH=NotNeeded
}
jni_build() {
    # -k 0: every source's errors in one go, so one call shows all that a newer libtorch broke.
    $NICE cmake --build "$WORK/jni-build" -- -k 0 -j "$JOBS" && cp "$WORK/jni-build/libdjl_torch.so" "$WORK/"
}
# Plan B when CMake cannot use the package's Torch config (e.g. it wants a CUDA toolkit it cannot find): the same
# sources with plain g++ against torch/include and torch/lib, without USE_CUDA (that only adds a separate inference
# stream and emptyCache; the GPU itself is reached through libtorch either way).
jni_gpp() {
    local inc=$TORCH_DIR/include out=$WORK/jni-gpp
    mkdir -p "$out"
    ls "$JNI_SRC"/src/main/native/*.cc | xargs -P "$JOBS" -I{} sh -c \
        "$NICE g++ -O2 -fPIC -std=c++17 -D_GLIBCXX_USE_CXX11_ABI=$TORCH_CXX11_ABI -w \
         -I'$inc' -I'$inc/torch/csrc/api/include' -I'$JNI_SRC/build/include' -I'$BUNDLE/djl-jni/api/src/main/native' \
         -I'$BUNDLE/runtime/include' -I'$BUNDLE/runtime/include/linux' -c {} -o '$out'/\$(basename {}).o" \
    && g++ -shared -o "$WORK/libdjl_torch.so" "$out"/*.o -L"$TORCH_LIB" -ltorch -ltorch_cpu -lc10 -Wl,-rpath,'$ORIGIN'
}
jni_one_source() {
    # Dry run: one translation unit (the smallest that includes torch) is enough to prove flags and headers.
    $NICE cmake --build "$WORK/jni-build" --target \
        CMakeFiles/djl_torch.dir/src/main/native/ai_djl_pytorch_jni_PyTorchLibrary_torch_comparison.cc.o -- -j 1
}

export -f jni_cmake jni_build jni_gpp jni_one_source
if [ "$DRY_RUN" = 1 ]; then
    step jni-cmake 120 'Build files|Error|error' jni_cmake \
        && step jni-one-source 240 'error|FAILED|Linking|Building' jni_one_source
elif [ -n "${JNI_PREBUILT:-}" ] && [ -f "$JNI_PREBUILT" ]; then
    cp "$JNI_PREBUILT" "$WORK/libdjl_torch.so"
    printf '%-22s %-8s %6s  %s\n' jni prebuilt 0 "$JNI_PREBUILT" >> "$SUMMARY"
elif step jni-cmake 90 'Build files|Error|error' jni_cmake; then
    step jni-build 180 'error|FAILED|Linking' jni_build
else
    # only when CMake could not configure: sources that fail to compile fail the same way under plain g++
    step jni-gpp 180 'error|Error' jni_gpp
fi
if [ "$DRY_RUN" = 1 ] && [ -n "${JNI_PREBUILT:-}" ]; then
    cp "$JNI_PREBUILT" "$WORK/libdjl_torch.so"   # the 2.7.1 JNI: the one built above is for another libtorch
fi
if [ -f "$WORK/libdjl_torch.so" ]; then
    mkdir -p "$(dirname "$JNI_DEST")"
    cp "$WORK/libdjl_torch.so" "$JNI_DEST"
    [ "$DRY_RUN" = 1 ] || cp "$WORK/libdjl_torch.so" "$OUT/libdjl_torch.so"
fi

# --- the CLI ---------------------------------------------------------------------------------------------------
export PYTORCH_LIBRARY_PATH=$LIBTORCH_DIR PYTORCH_VERSION=$PT_VERSION_DJL PYTORCH_FLAVOR=$PT_FLAVOR_DJL
# Test libraries that some torch wheels keep in torch/lib; DJL would try to load every library there.
export PYTORCH_LIBRARY_EXCLUSION=libjitbackend_test.so,libbackend_with_compiler.so,libtorchbind_test.so,libaoti_custom_ops.so
export DJL_OFFLINE=true OPT_OUT_TRACKING=true SUPERTICKETS_ASSETS=$REPO_DIR/assets
[ -n "${CUDART_DIR:-}" ] && export LD_LIBRARY_PATH=$CUDART_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
# A string, not an array: arrays do not reach the steps' shells (paths here hold no spaces).
JAVA_OPTS="-Xmx8g -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Dorg.slf4j.simpleLogger.defaultLogLevel=info"
[ -n "${CUDART_DIR:-}" ] && JAVA_OPTS="$JAVA_OPTS -Djna.library.path=$CUDART_DIR"
[ "$DRY_RUN" = 1 ] && JAVA_OPTS="$JAVA_OPTS -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1"
# shellcheck disable=SC2086
# exec: the JVM itself becomes the process timeout watches, so its -k KILL reaches it
cli() { exec $NICE "$JAVA" $JAVA_OPTS -cp "$BUNDLE/lib/*" org.supertickets.cli.Main "$@"; }
# shellcheck disable=SC2086
probe() { exec $NICE "$JAVA" $JAVA_OPTS -cp "$BUNDLE/lib/*" EngineProbe "$@"; }
export -f cli probe
cd "$WORK" || exit 1

step version 30 'Workbench' cli --version
require=()
[ "$DEVICE" = gpu ] && require=(--require-gpu)
step engine 90 'device:|FAIL|Exception' probe "${require[@]}"
step validate 30 'is valid' cli validate "$CONFIGS/quickstart.json"
step bench-quickstart 90 'throughput' cli bench "$CONFIGS/quickstart.json" --device "$DEVICE" \
    --steps "$BENCH_STEPS" --warmup "$BENCH_WARMUP"
run_args=(run "$CONFIGS/quickstart.json" --device "$DEVICE" --out "$WORK/runs" --quiet)
[ -n "$RUN_EPOCHS" ] && run_args+=(--epochs "$RUN_EPOCHS")
if step run-quickstart 150 'ticket:|accuracy' cli "${run_args[@]}"; then
    RUN=$(ls -d "$WORK"/runs/quickstart-*/ 2>/dev/null | head -1)
    step info-quickstart 30 'shrinks' cli info "$RUN"
    # latency times on the CPU (LatencyCommand): the ticket's own speed, not the GPU's
    [ -d "$RUN/ticket" ] && step latency 40 'speed-up' cli latency "$RUN/ticket" --max-seconds "$LATENCY_S"
fi
# demo.json: the teaching demo, built to shrink (11 shrinks, 12 pruning events in 6 epochs on CPU here)
demo_args=(run "$CONFIGS/demo.json" --device "$DEVICE" --out "$WORK/runs" --quiet)
[ -n "$RUN_EPOCHS" ] && demo_args+=(--epochs "$RUN_EPOCHS")
if step run-demo 120 'ticket:|accuracy' cli "${demo_args[@]}"; then
    step info-demo 30 'shrinks' cli info "$(ls -d "$WORK"/runs/demo-*/ 2>/dev/null | head -1)"
fi
step bench-fashion 90 'throughput' cli bench "$CONFIGS/fashion-mnist.json" --device "$DEVICE" \
    --steps "$BENCH_STEPS" --warmup "$BENCH_WARMUP"
[ "$DEVICE" = gpu ] && step bench-quickstart-cpu 60 'throughput' cli bench "$CONFIGS/quickstart.json" \
    --device cpu --steps 100 --warmup 20

echo "total: $(( $(date +%s) - START ))s of a ${BUDGET_S}s budget" >> "$SUMMARY"
echo
cat "$SUMMARY"
