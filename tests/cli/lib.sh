# lib.sh: shared helpers for the bridgemap CLI tests (tests/cli/test_*.sh).
#
# Sourced by each test script, which is run as
#     bash tests/cli/test_X.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
# It sets BM (absolute path of the binary) and SRC (absolute source dir),
# makes a private temp dir T (removed on exit), cd's into it, and provides
# assertions that count passes and failures.  A script ends with
#     finish
# which prints 'N passed, M failed' and exits 1 if any check failed.
#
# run ARGS...     runs "$BM" ARGS..., stdout -> $T/.stdout, stderr -> $T/.stderr,
#                 exit status -> $RC.  Never aborts the script.

if [ $# -lt 2 ]; then
    echo "usage: bash $0 PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR" >&2
    exit 2
fi
BM=$1
SRC=$2
case $BM in /*) ;; *) BM=$PWD/$BM ;; esac
case $SRC in /*) ;; *) SRC=$PWD/$SRC ;; esac
if [ ! -x "$BM" ]; then
    echo "$0: $BM is not an executable" >&2
    exit 2
fi
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

TEST_NAME=$(basename "$0" .sh)
T=$(mktemp -d "${TMPDIR:-/tmp}/bridgemap-$TEST_NAME.XXXXXX") || exit 2
_cleanup() {
    chmod -R u+rwx "$T" 2>/dev/null
    rm -rf "$T"
}
trap _cleanup EXIT
cd "$T" || exit 2

PASSED=0
FAILED=0
RC=

pass() { PASSED=$((PASSED + 1)); }
fail() {
    FAILED=$((FAILED + 1))
    printf 'FAIL: %s\n' "$*" >&2
}

# show the last command's stderr (indented) after a failure message
_last_stderr() { sed 's/^/    stderr: /' "$T/.stderr" 2>/dev/null | head -5 >&2; }

run() {
    "$BM" "$@" >"$T/.stdout" 2>"$T/.stderr"
    RC=$?
}

# assert_exit EXPECTED DESCRIPTION
assert_exit() {
    if [ "$RC" = "$1" ]; then
        pass
    else
        fail "$2: exit status $RC, expected $1"
        _last_stderr
    fi
}

# assert_stderr_contains FIXED_STRING DESCRIPTION
assert_stderr_contains() {
    if grep -qF -- "$1" "$T/.stderr"; then
        pass
    else
        fail "$2: stderr lacks '$1'"
        _last_stderr
    fi
}

# assert_stderr_lacks FIXED_STRING DESCRIPTION
assert_stderr_lacks() {
    if grep -qF -- "$1" "$T/.stderr"; then
        fail "$2: stderr has '$1'"
        _last_stderr
    else
        pass
    fi
}

# assert_stdout_contains FIXED_STRING DESCRIPTION
assert_stdout_contains() {
    if grep -qF -- "$1" "$T/.stdout"; then pass; else fail "$2: stdout lacks '$1'"; fi
}

# assert_stderr_empty / assert_stdout_empty DESCRIPTION
assert_stderr_empty() {
    if [ -s "$T/.stderr" ]; then fail "$1: stderr not empty"; _last_stderr; else pass; fi
}
assert_stdout_empty() {
    if [ -s "$T/.stdout" ]; then fail "$1: stdout not empty"; else pass; fi
}

# assert_file_contains FILE FIXED_STRING DESCRIPTION
assert_file_contains() {
    if [ -f "$1" ] && grep -qF -- "$2" "$1"; then pass; else fail "$3: $1 lacks '$2'"; fi
}

# assert_file_lacks FILE FIXED_STRING DESCRIPTION
assert_file_lacks() {
    if [ -f "$1" ] && ! grep -qF -- "$2" "$1"; then pass; else fail "$3: $1 missing or has '$2'"; fi
}

# assert_file_exists FILE DESCRIPTION
assert_file_exists() {
    if [ -f "$1" ] && [ -s "$1" ]; then pass; else fail "$2: $1 missing or empty"; fi
}

# assert_eq ACTUAL EXPECTED DESCRIPTION
assert_eq() {
    if [ "$1" = "$2" ]; then pass; else fail "$3: got '$1', expected '$2'"; fi
}

# assert_true DESCRIPTION CMD...   (passes when CMD exits 0)
assert_true() {
    local desc=$1
    shift
    if "$@" >"$T/.check" 2>&1; then
        pass
    else
        fail "$desc"
        sed 's/^/    /' "$T/.check" | head -8 >&2
    fi
}

# assert_dir_clean DIR DESCRIPTION: DIR does not exist or is empty
# (no files, no hidden staging directory)
assert_dir_clean() {
    if [ ! -e "$1" ]; then
        pass
    elif [ -d "$1" ] && [ -z "$(ls -A "$1")" ]; then
        pass
    else
        fail "$2: $1 is not empty: $(ls -A "$1" | tr '\n' ' ')"
    fi
}

# assert_dir_listing DIR "EXPECTED NAMES" DESCRIPTION: exactly these entries
# (hidden ones included), given space separated in any order
assert_dir_listing() {
    local got
    local got want
    got=$(ls -A "$1" 2>/dev/null | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
    want=$(printf '%s\n' $2 | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" = "$want" ]; then pass; else fail "$3: $1 holds '$got', expected '$want'"; fi
}

# sums FILE...: one line of sha256 sums, to compare inputs before/after a run
# same_outputs DIR_A DIR_B DESCRIPTION [EXTRA FILES]: one cmp per file of $OUTS
# (and the extra ones), each present in both directories with the same bytes.
same_outputs() {
    local a=$1 b=$2 desc=$3 f
    for f in $OUTS ${4:-}; do
        if [ -f "$a/$f" ] && [ -f "$b/$f" ] && cmp -s "$a/$f" "$b/$f"; then
            pass
        else
            fail "$desc: $a/$f and $b/$f differ (or one is missing)"
        fi
    done
}

sums() { sha256sum "$@" 2>/dev/null | cut -c1-64 | tr '\n' ' '; }

# csv_field FILE KEY_COLUMN KEY COLUMN: a value of a (possibly quoted) CSV
# file, looked up by the value of another column; prints <missing> if absent
csv_field() {
    "$PY" - "$@" <<'EOF'
import csv, sys
path, kcol, key, col = sys.argv[1:5]
with open(path, newline='', encoding='utf-8') as f:
    for row in csv.DictReader(f):
        if row.get(kcol) == key:
            print(row.get(col, '<missing>'))
            break
    else:
        print('<missing>')
EOF
}

finish() {
    echo "$TEST_NAME: $PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
    exit $?
}
