#!/bin/bash
# test_bad_corpus.sh: every file of tests/bad_input/ (cases.tsv) gets its exact message and
# exit code from `bridgemap analyze`, writes nothing and changes no input. The .xlsx cases
# use the fixtures of tests/data/xlsx (zip bombs, corrupt members, a zip that is no workbook).
# Run: bash tests/cli/test_bad_corpus.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

cp -r "$SRC/tests/bad_input" corpus
[ -d "$SRC/tests/data" ] && cp -r "$SRC/tests/data" data
cd corpus || exit 2
# the 10 MB single field, made here rather than committed
"$PY" -c "open('big_field.csv','w').write('source,target\n' + 'A' * 10485760 + ',B\n')"
printf 'big_field.csv\t{f}\t1\tbig_field.csv:2:1: source id of 10485760 bytes; ids are at most 4096 bytes\n' > extra.tsv
before=$(find . -type f | LC_ALL=C sort | xargs sha256sum)
n=0
while IFS=$'\t' read -r file args want msg; do
    case $file in '#'*|'') continue ;; esac
    n=$((n + 1))
    rm -rf out
    mkdir out
    # shellcheck disable=SC2086
    run analyze ${args//\{f\}/$file} -o out
    assert_exit "$want" "$file"
    assert_eq "$(head -n 1 "$T/.stderr")" "bridgemap: $msg" "$file: message"
    # bad input: one line; bad usage: the line and "Try 'bridgemap analyze --help'."
    assert_eq "$(wc -l < "$T/.stderr")" "$([ "$want" = 2 ] && echo 2 || echo 1)" "$file: lines on stderr"
    assert_dir_clean out "$file: out after failure"
done < <(cat cases.tsv extra.tsv)
rm -rf out
after=$(find . -type f | LC_ALL=C sort | xargs sha256sum)
assert_eq "$after" "$before" "no input file changed"
assert_true "at least 40 cases" test "$n" -ge 40
finish
