#!/bin/bash
# test_mpi.sh: 'mpirun -n P bridgemap analyze' on this machine writes byte for byte what one
# process writes (fjordvik with map and sentences, sampled, nested grouping; a directed network
# on 3 ranks, so that ranks hold different numbers of chunks; a generated network of 5,000
# records, exact and sampled, with worker processes inside each rank); rank 0 alone writes and
# prints; bad input and bad usage give one message, one exit code and no output directory; a
# rank that fails alone (its input missing) stops the job instead of hanging it.
# Registered by tests/CMakeLists.txt only when the build has MPI and mpirun exists.
# Run: bash tests/cli/test_mpi.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR MPIRUN PATH_TO_BM_BENCH_GEN
set -u
MPIRUN=${3:?usage: test_mpi.sh BRIDGEMAP SOURCE_DIR MPIRUN GEN_NETWORK}
GEN=${4:?usage: test_mpi.sh BRIDGEMAP SOURCE_DIR MPIRUN GEN_NETWORK}
case $GEN in /*) ;; *) GEN=$PWD/$GEN ;; esac # lib.sh moves into a temporary directory
. "$(dirname "$0")/lib.sh"

FJ=$SRC/datasets/fjordvik
LZ=$SRC/datasets/lazega_advice
OUTS="actors.csv groups.csv group_pairs.csv group_pair_dependence.csv ties.csv summary.json suggestions.csv"

# CI runs as root, which Open MPI refuses unless told twice.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# Under AddressSanitizer: Open MPI 4.1 leaves memory from MPI_Init and its progress thread,
# and is built without frame pointers, so LeakSanitizer needs the slow unwinder to see the
# libmpi / libopen-pal / libevent frames that tests/lsan.supp suppresses.
MPI_ASAN=${ASAN_OPTIONS:-}
[ -n "$MPI_ASAN" ] && MPI_ASAN="$MPI_ASAN:fast_unwind_on_malloc=0"

# mpi NP ARGS...: runs bridgemap ARGS... on NP ranks of this machine (shared memory only,
# quiet mpirun, more ranks than cores allowed), like run(); 124 after a minute means a hang.
mpi() {
    local np=$1
    shift
    ASAN_OPTIONS=$MPI_ASAN timeout 60 "$MPIRUN" -q -n "$np" --oversubscribe --bind-to none \
        --mca btl self,vader "$@" >"$T/.stdout" 2>"$T/.stderr"
    RC=$?
}

# messages: the number of lines bridgemap printed on stderr, progress lines left out (off a
# terminal, steps of a second or more are logged: slow builds log some)
messages() { grep '^bridgemap: ' "$T/.stderr" | grep -vc ': done in [0-9.]* s$'; }

# ---- 1. fjordvik: every file, the map and the sentences ---------------------------------
run analyze "$FJ/records.csv" --actors "$FJ/actors.csv" -o fj_one --jobs 2
assert_exit 0 "fjordvik, one process"
cp "$T/.stdout" story_one.txt
mpi 2 "$BM" analyze "$FJ/records.csv" --actors "$FJ/actors.csv" -o fj_mpi --jobs 2
assert_exit 0 "fjordvik, mpirun -n 2"
same_outputs fj_one fj_mpi "fjordvik: one process vs mpirun -n 2" map.svg group_map.svg silo_map.svg report.html
assert_dir_listing fj_mpi "$OUTS map.svg group_map.svg silo_map.svg report.html" "mpirun -n 2 writes the output set once, whole"
assert_true "mpirun -n 2: the sentences on stdout are those of one process, once" \
    cmp story_one.txt "$T/.stdout"
assert_eq "$(messages)" 1 "mpirun -n 2: one 'wrote' line on stderr (rank 0 only)"
assert_stderr_contains "wrote fj_mpi/" "mpirun -n 2: rank 0 reports what it wrote"

# sampled path measures, and a nested grouping (the per-level files)
run analyze "$FJ/records.csv" --actors "$FJ/actors.csv" -o ap_one --no-map -q --approx --epsilon 0.2
assert_exit 0 "fjordvik --approx, one process"
mpi 2 "$BM" analyze "$FJ/records.csv" --actors "$FJ/actors.csv" -o ap_mpi --no-map -q --approx \
    --epsilon 0.2
assert_exit 0 "fjordvik --approx, mpirun -n 2"
assert_stderr_empty "mpirun -n 2 --quiet prints nothing"
same_outputs ap_one ap_mpi "fjordvik --approx: one process vs mpirun -n 2"
LEVEL_OUTS="groups_sector.csv groups_unit.csv group_pairs_sector.csv group_pairs_unit.csv"
run analyze "$FJ/records.csv" --actors "$FJ/actors.csv" -o gr_one --no-map -q --group sector,unit
assert_exit 0 "fjordvik --group sector,unit, one process"
mpi 2 "$BM" analyze "$FJ/records.csv" --actors "$FJ/actors.csv" -o gr_mpi --no-map -q \
    --group sector,unit --jobs 1
assert_exit 0 "fjordvik --group sector,unit, mpirun -n 2 --jobs 1"
same_outputs gr_one gr_mpi "fjordvik --group sector,unit: one process vs mpirun -n 2" "$LEVEL_OUTS"

# directed, on 3 ranks: 64 or fewer chunks do not split evenly
run analyze "$LZ/records.csv" --actors "$LZ/actors.csv" --directed --group office -o lz_one \
    --no-map -q
assert_exit 0 "lazega_advice --directed, one process"
mpi 3 "$BM" analyze "$LZ/records.csv" --actors "$LZ/actors.csv" --directed --group office \
    -o lz_mpi --no-map -q --jobs 1
assert_exit 0 "lazega_advice --directed, mpirun -n 3"
same_outputs lz_one lz_mpi "lazega_advice --directed: one process vs mpirun -n 3"

# ---- 2. a larger generated network, worker processes inside each rank --------------------
if "$GEN" --ties 5000 --seed 3 gen >/dev/null 2>&1 && [ -f gen/records.csv ]; then
    pass
else
    fail "bm_bench_gen --ties 5000 --seed 3 made no network"
fi
for mode in exact approx; do
    run analyze gen/records.csv --actors gen/actors.csv -o "gen_${mode}_one" --no-map -q \
        "--$mode" --jobs 1
    assert_exit 0 "generated network --$mode, one process --jobs 1"
    mpi 2 "$BM" analyze gen/records.csv --actors gen/actors.csv -o "gen_${mode}_mpi" --no-map \
        -q "--$mode" --jobs 2
    assert_exit 0 "generated network --$mode, mpirun -n 2 --jobs 2"
    same_outputs "gen_${mode}_one" "gen_${mode}_mpi" \
        "generated network --$mode: one process vs mpirun -n 2 --jobs 2"
done
assert_file_contains gen_approx_mpi/summary.json '"path_measures":	"sampled"' \
    "the generated network's --approx run is sampled"

# ---- 3. failures: one message, one exit code, nothing written ----------------------------
printf 'source,target,weight\na,b,1\nb,c,abc\n' >bad.csv
mpi 2 "$BM" analyze bad.csv -o bad_out
assert_exit 1 "mpirun -n 2 on bad input"
assert_stderr_contains "bad.csv:3:3: weight 'abc' is not a number" "bad input under mpirun says where"
assert_eq "$(messages)" 1 "bad input under mpirun: one message, not one per rank"
assert_true "bad input under mpirun: no output directory" test ! -e bad_out

mpi 2 "$BM" analyze "$FJ/records.csv" -o usage_out --jobs 0
assert_exit 2 "mpirun -n 2 with --jobs 0"
assert_eq "$(messages)" 1 "usage error under mpirun: one message"
assert_stderr_contains "Try 'bridgemap analyze --help'" "usage error under mpirun gives the help hint"
assert_true "usage error under mpirun: no output directory" test ! -e usage_out

mpi 2 "$BM" analyze --help
assert_exit 0 "mpirun -n 2 analyze --help"
assert_eq "$(grep -c '^Usage: bridgemap analyze' "$T/.stdout")" 1 "--help under mpirun: printed once"

# rank 1 cannot read its input (as on a node without the shared filesystem); rank 0 goes on
# into the split computation and waits for it: rank 1 must say why and stop the job
cat >one_rank_blind.sh <<EOF
if [ "\$OMPI_COMM_WORLD_RANK" = 1 ]; then records=missing.csv; else records='$FJ/records.csv'; fi
exec '$BM' analyze "\$records" --actors '$FJ/actors.csv' -o blind_out --no-map
EOF
mpi 2 "$(command -v bash)" one_rank_blind.sh
if [ "$RC" != 0 ] && [ "$RC" != 124 ]; then pass; else fail "one rank without input: exit $RC"; fi
assert_stderr_contains "bridgemap: MPI rank 1: missing.csv: cannot open" \
    "one rank without input: that rank says why"
assert_true "one rank without input: no output directory" test ! -e blind_out

finish
