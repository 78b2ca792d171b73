#!/usr/bin/env bash
# Fuzzes whole issues (fuzz/fuzz_issue.cc: load to PDF, PNG previews at 10 dpi, contact
# sheet, press files) with libFuzzer, ASan and UBSan for SECONDS (default 600), starting
# from seeds packed from every sample issue, layout case, error case and fuzz/seeds/*,
# with the structure-aware mutator (fuzz/issue_mutator.h) and the formats' dictionary
# (fuzz/issue.dict). Crashes, hangs (over 30 s) and leaks are written to fuzz-out/ and
# fail the run; replay one with: build-fuzz/fuzz/fuzz_issue fuzz-out/crash-…
# Usage: scripts/fuzz.sh [SECONDS] [JOBS]; FUZZ_SEED=N fixes libFuzzer's random seed (CI).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
jobs=${2:-1}
. scripts/deps.sh
ensure_deps fuzz
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBANMIAN_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_issue
mkdir -p fuzz-out/corpus
# Failing inputs of an earlier run are replaced by this run's.
rm -rf fuzz-out/seeds fuzz-out/fuzz-*.log fuzz-out/crash-* fuzz-out/timeout-* fuzz-out/leak-* fuzz-out/oom-*
fuzz/make_seeds.sh fuzz-out/seeds
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# The corpus grows in fuzz-out/corpus across runs; the seeds are read, never written.
# libFuzzer runs inside fuzz-out/, where its workers write their fuzz-N.log files.
(cd fuzz-out && ../build-fuzz/fuzz/fuzz_issue corpus seeds \
  -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -max_len=262144 \
  -artifact_prefix=./ -print_final_stats=1 -dict=../fuzz/issue.dict \
  $([ "$jobs" -gt 1 ] && echo "-jobs=$jobs -workers=$jobs") \
  $([ -n "${FUZZ_SEED:-}" ] && echo "-seed=$FUZZ_SEED")) 2>&1 |
  tee fuzz-out/log.txt | grep -E "INITED|pulse|DONE|ERROR|SUMMARY|stat::" || true
# libFuzzer's exit status is lost in the pipe; a crash leaves an artifact.
if ls fuzz-out/crash-* fuzz-out/timeout-* fuzz-out/leak-* fuzz-out/oom-* >/dev/null 2>&1; then
  echo "fuzz: found a failing input (see fuzz-out/log.txt):" >&2
  ls fuzz-out/crash-* fuzz-out/timeout-* fuzz-out/leak-* fuzz-out/oom-* 2>/dev/null >&2
  exit 1
fi
