#!/bin/bash
# build.sh: builds the libFuzzer targets with clang (Debian's clang package):
#   tests/fuzz/build.sh [OUTDIR [TARGET...]]   (default /tmp/bm-fuzz, every fuzz_*.c)
# then e.g.  /tmp/bm-fuzz/fuzz_load -max_total_time=600 /tmp/bm-fuzz/corpus_load tests/fuzz/corpus
# Every library source is compiled with the fuzzer's coverage and ASan+UBSan.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-/tmp/bm-fuzz}
shift || true
mkdir -p "$OUT"
CC=${CC:-clang}
SRCS=$(ls "$ROOT"/src/{core,load,measure,analysis,write}/*.c)
FLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -DBM_LIBFUZZER
       -D_POSIX_C_SOURCE=200809L -I$ROOT/include -I$ROOT/src -I$ROOT/src/core -I$ROOT/src/measure"
LIBS="$(pkg-config --cflags --libs igraph libcgraph libgvc libcjson nettle libzip expat) -lcsv -lm"
targets=("$ROOT"/tests/fuzz/fuzz_*.c)
if [ $# -gt 0 ]; then targets=(); for n in "$@"; do targets+=("$ROOT/tests/fuzz/fuzz_$n.c"); done; fi
for t in "${targets[@]}"; do
    name=$(basename "$t" .c)
    echo "building $OUT/$name" >&2
    # shellcheck disable=SC2086
    $CC $FLAGS "$t" $SRCS $LIBS -o "$OUT/$name"
done
