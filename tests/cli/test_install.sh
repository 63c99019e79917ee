#!/bin/bash
# test_install.sh: `make install` as a packager runs it: cmake --install of this build into a
# DESTDIR stage under PREFIX /usr/local. The staged bridgemap runs (--help, an analysis), the
# man page is there, and a program built with `pkg-config --cflags --libs bridgemap` against
# the staged headers and library runs, and the staged Python package loads the staged library.
# Run: bash tests/cli/test_install.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

BUILD=$(dirname "$BM")
STAGE=$T/stage
DESTDIR=$STAGE cmake --install "$BUILD" --prefix /usr/local > install.log 2>&1
RC=$?
assert_exit 0 "cmake --install with DESTDIR"
P=$STAGE/usr/local
LIBDIR=$(dirname "$(find "$P" -name bridgemap.pc | head -1)")/..
assert_true "staged binary" test -x "$P/bin/bridgemap"
assert_true "staged man page" test -s "$P/share/man/man1/bridgemap.1"
assert_true "staged header" test -s "$P/include/bridgemap.h"
assert_true "staged shared library" test -e "$LIBDIR/libbridgemap.so"
assert_true "staged static library" test -s "$LIBDIR/libbridgemap.a"
assert_true "nothing outside the stage" test -z "$(grep -v "$STAGE" install.log | grep '^-- Installing' || true)"

BM=$P/bin/bridgemap
run --help
assert_exit 0 "installed bridgemap --help"
assert_stdout_contains "Commands:" "installed --help lists the commands"
run analyze "$SRC/datasets/fjordvik/records.csv" --actors "$SRC/datasets/fjordvik/actors.csv" -o o --quiet --no-map
assert_exit 0 "installed bridgemap analyzes the bundled example"
if command -v man > /dev/null; then
    assert_true "man page renders" sh -c "man -l '$P/share/man/man1/bridgemap.1' 2>/dev/null | grep -q 'who works with whom'"
fi

# a program against the installed library, found through pkg-config
cat > prog.c <<'C'
#include <stdio.h>
#include <bridgemap.h>
int main(void) { printf("%s\n", bm_version()); return 0; }
C
export PKG_CONFIG_PATH=$LIBDIR/pkgconfig
assert_eq "$(pkg-config --variable=includedir bridgemap | xargs realpath)" "$(realpath "$P/include")" "pkg-config finds the staged headers"
# a sanitizer build's library needs the sanitizer runtime in the program too
SAN=
if nm -D "$LIBDIR/libbridgemap.so" 2>/dev/null | grep -q __asan_init; then SAN="-fsanitize=address,undefined"; fi
# shellcheck disable=SC2046,SC2086
cc $SAN prog.c $(pkg-config --cflags --libs bridgemap) -o prog 2> cc.log
RC=$?
assert_exit 0 "cc prog.c \$(pkg-config --cflags --libs bridgemap)"
assert_eq "$(LD_LIBRARY_PATH=$LIBDIR ASAN_OPTIONS=detect_leaks=0 ./prog)" "$(pkg-config --modversion bridgemap)" "the program runs against the library"

# the Python binding, where Debian's python3 looks under /usr/local, using the staged library
PYPKG=$(find "$P/lib" -path '*/dist-packages/bridgemap/__init__.py' | head -1)
assert_true "staged Python package in lib/python3.X/dist-packages" test -n "$PYPKG"
PRELOAD=
[ -n "$SAN" ] && PRELOAD=$(cc -print-file-name=libasan.so)
got=$(cd / && env -u BRIDGEMAP_LIBRARY LD_PRELOAD="$PRELOAD" ASAN_OPTIONS=detect_leaks=0 \
      PYTHONPATH="$(dirname "$(dirname "$PYPKG")")" PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -c \
      "import bridgemap, os; print(os.path.realpath(bridgemap.library_path)); print(bridgemap.version())" 2>&1)
assert_eq "$got" "$(realpath "$LIBDIR/libbridgemap.so.0")
$(pkg-config --modversion bridgemap)" "the installed package loads the staged library"
finish
