#!/bin/bash
# test_usage.sh: help, version and bad usage of the bridgemap command line.
# Run: bash tests/cli/test_usage.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

printf 'source,target\nA,B\nB,C\n' > r.csv
printf 'id,sector\nA,x\nB,y\nC,x\n' > a.csv

# ---- help ---------------------------------------------------------------
for h in --help -h; do
    run $h
    assert_exit 0 "bridgemap $h"
    assert_stdout_contains "Usage: bridgemap" "bridgemap $h"
    for word in analyze render --help --version; do
        assert_stdout_contains "$word" "bridgemap $h mentions $word"
    done
    assert_stderr_empty "bridgemap $h"
done

analyze_opts="-a --actors -g --group -o --output --directed --unweighted --from --to --seed
              --size-by --label-by --title --max-labels --no-map -q --quiet -h --help"
render_opts="-a --actors -c --color-by -o --output --directed --unweighted --from --to --seed
             --size-by --label-by --title --max-labels -q --quiet -h --help"

for h in --help -h; do
    run analyze $h
    assert_exit 0 "analyze $h"
    assert_stdout_contains "Usage: bridgemap analyze" "analyze $h"
    assert_stderr_empty "analyze $h"
    for opt in $analyze_opts; do
        # the option as a whole word: '-o,' or '--seed ' etc.
        if grep -qE -- "(^|[ ,])$opt([ ,=]|\$)" "$T/.stdout"; then pass; else
            fail "analyze $h does not mention option $opt"; fi
    done
    for f in actors.csv groups.csv ties.csv summary.json map.svg; do
        assert_stdout_contains "OUT/$f" "analyze $h describes OUT/$f"
    done

    run render $h
    assert_exit 0 "render $h"
    assert_stdout_contains "Usage: bridgemap render" "render $h"
    assert_stderr_empty "render $h"
    for opt in $render_opts; do
        if grep -qE -- "(^|[ ,])$opt([ ,=]|\$)" "$T/.stdout"; then pass; else
            fail "render $h does not mention option $opt"; fi
    done
    for ext in .svg .png .pdf .dot; do
        assert_stdout_contains "$ext" "render $h names format $ext"
    done
done

# every help fits an 80-column terminal (characters, not bytes: aktør is 5)
for cmd in "" analyze render ego compare convert suggest; do
    # shellcheck disable=SC2086
    "$BM" $cmd --help > help.txt 2>&1
    wide=$("$PY" -c "import sys; print(sum(len(l.rstrip('\n')) > 80 for l in open('help.txt', encoding='utf-8')))")
    assert_eq "$wide" "0" "bridgemap $cmd --help: no line over 80 columns"
done

# --help wins over everything else and writes nothing
run analyze r.csv -o out_help --help
assert_exit 0 "analyze r.csv -o out --help"
assert_stdout_contains "Usage: bridgemap analyze" "analyze r.csv --help prints help"
if [ -e out_help ]; then fail "analyze --help created its output dir"; else pass; fi

# ---- version ------------------------------------------------------------
run --version
assert_exit 0 "--version"
if grep -qE '^bridgemap [0-9]+\.[0-9]+\.[0-9]+' "$T/.stdout"; then pass; else
    fail "--version prints 'bridgemap X.Y.Z': $(cat "$T/.stdout")"; fi

# ---- bad usage: exit 2, one message line + "Try 'bridgemap CMD --help'." --
run
assert_exit 2 "no command"
assert_stderr_contains "Try 'bridgemap --help'." "no command"

run frobnicate r.csv
assert_exit 2 "unknown command"
assert_stderr_contains "bridgemap: unknown command 'frobnicate'" "unknown command"
assert_stderr_contains "Try 'bridgemap --help'." "unknown command"
assert_stdout_empty "unknown command"

run --frobnicate
assert_exit 2 "unknown top-level option"
assert_stderr_contains "Try 'bridgemap --help'." "unknown top-level option"

for cmd in analyze render; do
    run $cmd r.csv --frobnicate -o x.svg
    assert_exit 2 "$cmd unknown option"
    assert_stderr_contains "'--frobnicate'" "$cmd unknown option named"
    assert_stderr_contains "Try 'bridgemap $cmd --help'." "$cmd unknown option"
    # exactly two lines: the message, then Try
    assert_eq "$(wc -l < "$T/.stderr")" 2 "$cmd unknown option: stderr line count"

    run $cmd -Z r.csv -o x.svg
    assert_exit 2 "$cmd unknown short option"
    assert_stderr_contains "Try 'bridgemap $cmd --help'." "$cmd unknown short option"

    run $cmd -o x.svg
    assert_exit 2 "$cmd without records file"
    assert_stderr_contains "no records file" "$cmd without records file"
    assert_stderr_contains "Try 'bridgemap $cmd --help'." "$cmd without records file"

    run $cmd r.csv r.csv -o x.svg
    assert_exit 2 "$cmd with two records files"
    assert_stderr_contains "Try 'bridgemap $cmd --help'." "$cmd with two records files"

    for opt in -o --output -a --actors --from --to --seed --size-by --label-by --title --max-labels; do
        run $cmd r.csv $opt
        assert_exit 2 "$cmd $opt without a value"
        assert_stderr_contains "needs a value" "$cmd $opt without a value"
        assert_stderr_contains "Try 'bridgemap $cmd --help'." "$cmd $opt without a value"
    done

    run $cmd r.csv --directed=yes -o x.svg
    assert_exit 2 "$cmd flag given a value"
    assert_stderr_contains "Try 'bridgemap $cmd --help'." "$cmd flag given a value"

    run $cmd r.csv --seed abc -o x.svg
    assert_exit 2 "$cmd --seed abc"
    assert_stderr_contains "Try 'bridgemap $cmd --help'." "$cmd --seed abc"

    run $cmd r.csv --seed -3 -o x.svg
    assert_exit 2 "$cmd --seed -3"

    run $cmd r.csv --max-labels many -o x.svg
    assert_exit 2 "$cmd --max-labels many"
done
assert_dir_clean x.svg "no map written by bad usage"

# options valid for one command only
run analyze r.csv --color-by sector -o out_cb
assert_exit 2 "analyze --color-by (a render option)"
run render r.csv --no-map -o m.svg
assert_exit 2 "render --no-map (an analyze option)"

# render needs -o
run render r.csv
assert_exit 2 "render without -o"
assert_stderr_contains "-o" "render without -o names -o"
assert_stderr_contains "Try 'bridgemap render --help'." "render without -o"

# render with an unknown extension
run render r.csv -o map.xyz
assert_exit 2 "render -o map.xyz"
assert_stderr_contains "map.xyz" "render -o map.xyz names the file"
assert_stderr_contains "Try 'bridgemap render --help'." "render -o map.xyz"
if [ -e map.xyz ]; then fail "render -o map.xyz created map.xyz"; else pass; fi

# unknown grouping column: bad usage
mkdir out_g
run analyze r.csv -a a.csv --group nosuch -o out_g
assert_exit 2 "analyze --group nosuch"
assert_stderr_contains "nosuch" "analyze --group nosuch names the column"
assert_stderr_contains "Try 'bridgemap analyze --help'." "analyze --group nosuch"
assert_dir_clean out_g "analyze --group nosuch writes nothing"

run render r.csv -a a.csv --color-by nosuch -o g.svg
assert_exit 2 "render --color-by nosuch"
assert_stderr_contains "nosuch" "render --color-by nosuch names the column"
assert_stderr_contains "Try 'bridgemap render --help'." "render --color-by nosuch"
if [ -e g.svg ]; then fail "render --color-by nosuch created g.svg"; else pass; fi

# --group without an actors file
run analyze r.csv --group sector -o out_g
assert_exit 2 "analyze --group sector without --actors"
assert_dir_clean out_g "analyze --group without --actors writes nothing"

# unknown --size-by measure: bad usage, nothing written
run analyze r.csv -a a.csv --size-by nosuch -o out_g
assert_exit 2 "analyze --size-by nosuch"
assert_stderr_contains "nosuch" "analyze --size-by nosuch names it"
assert_dir_clean out_g "analyze --size-by nosuch writes nothing"

# ---- stdout write failure -------------------------------------------------
if [ -w /dev/full ]; then
    "$BM" --help > /dev/full 2>"$T/.stderr"; RC=$?
    assert_exit 3 "bridgemap --help > /dev/full"
    "$BM" analyze --help > /dev/full 2>"$T/.stderr"; RC=$?
    assert_exit 3 "bridgemap analyze --help > /dev/full"
    "$BM" render --help > /dev/full 2>"$T/.stderr"; RC=$?
    assert_exit 3 "bridgemap render --help > /dev/full"
    "$BM" --version > /dev/full 2>"$T/.stderr"; RC=$?
    assert_exit 3 "bridgemap --version > /dev/full"
else
    echo "note: /dev/full not available; stdout write failure not checked"
fi

finish
