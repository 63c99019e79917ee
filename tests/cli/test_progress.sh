#!/bin/bash
# test_progress.sh: --progress when stderr is not a terminal (a notebook, a CI log): auto logs
# each step that took a second or more, always every finished step, never and --quiet nothing.
# BRIDGEMAP_PROGRESS_MIN_SECONDS moves auto's threshold of one second, so that the test does not
# depend on how fast this machine is: 0 makes every step "long", 1e9 none.
# Run: bash tests/cli/test_progress.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
FJ=$SRC/datasets/fjordvik
ARGS=("$FJ/records.csv" --actors "$FJ/actors.csv" --no-map)

BRIDGEMAP_PROGRESS_MIN_SECONDS=0 run analyze "${ARGS[@]}" -o a
assert_exit 0 "auto, every step long"
assert_true "auto logs a long step" grep -Eq '^bridgemap: E-I permutation test: done in [0-9]+\.[0-9] s$' "$T/.stderr"
assert_eq "$(grep -c ': done in' "$T/.stderr")" "10" "auto logs every long step once"
assert_true "no terminal codes in a log" sh -c "! grep -q \$(printf '\\033') '$T/.stderr'"
BRIDGEMAP_PROGRESS_MIN_SECONDS=1e9 run analyze "${ARGS[@]}" -o a2
assert_true "auto leaves out the short steps" sh -c "! grep -q 'done in' '$T/.stderr'"

run analyze "${ARGS[@]}" --progress always -o b
assert_exit 0 "always"
for step in Loading "Shortest paths" Communities "Actor measures" "Group measures" "E-I permutation test" "Ties and summary" "Writing the tables"; do
    assert_true "always logs $step" grep -q "^bridgemap: $step: done in" "$T/.stderr"
done
assert_eq "$(grep -c ': done in' "$T/.stderr")" "10" "always: each step once (Structural holes and Brokerage run inside Actor measures)"

BRIDGEMAP_PROGRESS_MIN_SECONDS=0 run analyze "${ARGS[@]}" --progress never -o c
assert_exit 0 "never"
assert_true "never is silent" sh -c "! grep -q 'done in' '$T/.stderr'"
BRIDGEMAP_PROGRESS_MIN_SECONDS=0 run analyze "${ARGS[@]}" --quiet -o d
assert_stderr_empty "--quiet is silent"
run analyze "${ARGS[@]}" --progress sometimes -o e
assert_exit 2 "--progress sometimes"
assert_stderr_contains "bridgemap: --progress must be auto, always or never, not 'sometimes'" "--progress message"
finish
