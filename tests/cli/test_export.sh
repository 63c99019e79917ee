#!/bin/bash
# test_export.sh: 'bridgemap convert' (GraphML, GEXF, Kumu JSON): help, format from the
# extension or --format, usage errors (exit 2), bad input (exit 1), failure to write
# (exit 3), nothing written on any error, an existing file kept until the new one is
# whole, byte-identical reruns. The content of the files is checked against NetworkX in
# tests/oracle/test_export_oracle.py.
# Run: bash tests/cli/test_export.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

printf 'source,target,weight\nA,B,2\nB,C,1\nC,A,1\nC,D,3\n' > r.csv
printf 'id,name,sector\nA,Ann,x\nB,Bo,y\nC,Cy,x\nD,,y\n' > a.csv
printf 'source,target\n' > empty.csv

# only the test's own scratch files, the inputs and the given outputs may be here
only_outputs() {
    local want="a.csv empty.csv r.csv $1" got
    got=$(ls -A | grep -v '^\.\(stdout\|stderr\|check\)$' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
    want=$(printf '%s\n' $want | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" = "$want" ]; then pass; else fail "$2: directory holds '$got', expected '$want'"; fi
}

# ---- help ----------------------------------------------------------------------
run --help
assert_stdout_contains "convert" "bridgemap --help lists convert"
assert_stdout_contains "GraphML, GEXF or Kumu JSON" "bridgemap --help says what convert writes"
for h in --help -h; do
    run convert $h
    assert_exit 0 "convert $h"
    assert_stdout_contains "Usage: bridgemap convert" "convert $h"
    assert_stderr_empty "convert $h"
    for opt in -a --actors -g --group -o --output --format --size-by --seed -j --jobs -q --quiet \
               --progress -h --help --directed --undirected --unweighted --from --to \
               --affiliations --strict --id-col --delimiter; do
        if grep -qE -- "(^|[ ,])$opt([ ,=]|\$)" "$T/.stdout"; then pass; else
            fail "convert $h does not mention option $opt"; fi
    done
    for word in .graphml .gexf .json kumu viz:size Kumu; do
        assert_stdout_contains "$word" "convert $h mentions $word"
    done
done
run convert r.csv -o help.graphml --help
assert_exit 0 "convert --help with other arguments"
only_outputs "" "--help writes nothing"

# ---- the three formats, by extension and by --format ---------------------------
run convert r.csv -a a.csv -o n.graphml
assert_exit 0 "convert to .graphml"
assert_stderr_contains "wrote n.graphml" "convert says what it wrote"
assert_stderr_contains "4 actors, 4 ties" "convert counts actors and ties"
assert_file_contains n.graphml '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' "GraphML namespace"
assert_file_contains n.graphml 'edgedefault="undirected"' "GraphML undirected"
run convert r.csv -a a.csv -o n.gexf -q
assert_exit 0 "convert to .gexf"
assert_stderr_empty "convert --quiet"
assert_file_contains n.gexf 'xmlns="http://www.gexf.net/1.2draft"' "GEXF namespace"
assert_file_contains n.gexf 'xmlns:viz="http://www.gexf.net/1.2draft/viz"' "GEXF viz namespace"
assert_file_contains n.gexf 'version="1.2"' "GEXF version"
assert_file_contains n.gexf '<viz:color r="230" g="159" b="0"/>' "GEXF colour of the first group (#E69F00)"
run convert r.csv -a a.csv -o n.json -q
assert_exit 0 "convert to .json"
assert_true "n.json is Kumu's shape" "$PY" -c '
import json, sys
d = json.load(open("n.json"))
assert sorted(d) == ["connections", "elements"], sorted(d)
assert [e["id"] for e in d["elements"]] == ["A", "B", "C", "D"], d["elements"]
assert [e["label"] for e in d["elements"]] == ["Ann", "Bo", "Cy", "D"]
assert [e["type"] for e in d["elements"]] == ["x", "y", "x", "y"]
assert len(d["connections"]) == 4
assert all(c["direction"] == "undirected" for c in d["connections"])
assert {(c["from"], c["to"], c["strength"]) for c in d["connections"]} == \
    {("A", "B", 2), ("B", "C", 1), ("A", "C", 1), ("C", "D", 3)}, d["connections"]
'
run convert r.csv -a a.csv -o kumu.txt --format kumu -q
assert_exit 0 "--format kumu with another extension"
assert_true "kumu.txt is JSON" "$PY" -c 'import json; json.load(open("kumu.txt"))["elements"]'
run convert r.csv -a a.csv -o UPPER.GEXF -q
assert_exit 0 "extension case ignored"
assert_file_contains UPPER.GEXF "<gexf" "UPPER.GEXF is GEXF"
run convert r.csv -a a.csv -o g.xml --format=graphml -q
assert_exit 0 "--format=graphml"
assert_file_contains g.xml "<graphml" "--format=graphml writes GraphML"
run convert r.csv -a a.csv --directed -o d.graphml -q
assert_exit 0 "convert --directed"
assert_file_contains d.graphml 'edgedefault="directed"' "GraphML directed"
run convert r.csv -o noactors.gexf -q
assert_exit 0 "convert without an actors file"
assert_file_contains noactors.gexf 'label="A"' "without actors the id is the label"
only_outputs "n.graphml n.gexf n.json kumu.txt UPPER.GEXF g.xml d.graphml noactors.gexf" \
    "no temporary files left"
rm -f n.json kumu.txt UPPER.GEXF g.xml d.graphml noactors.gexf

# ---- the same input gives the same bytes -----------------------------------------
for f in n.graphml n.gexf; do
    ext=${f##*.}
    run convert r.csv -a a.csv -o again.$ext -q --jobs 2
    if cmp -s "$f" again.$ext; then pass; else fail "convert to .$ext is not deterministic"; fi
    rm -f again.$ext
done

# ---- usage errors: exit 2, one line and "Try", nothing written -----------------------
run convert r.csv -a a.csv
assert_exit 2 "convert without -o"
assert_stderr_contains "bridgemap: convert needs -o" "convert without -o says so"
assert_stderr_contains "Try 'bridgemap convert --help'." "convert without -o: try line"
run convert r.csv -a a.csv -o out.txt
assert_exit 2 "unknown extension"
assert_stderr_contains "cannot tell the format of 'out.txt'" "unknown extension message"
assert_stderr_contains "--format graphml, gexf or kumu" "unknown extension names --format"
run convert r.csv -a a.csv -o noext
assert_exit 2 "no extension"
run convert r.csv -a a.csv -o x.graphml --format xml
assert_exit 2 "--format xml"
assert_stderr_contains "--format must be graphml, gexf or kumu, not 'xml'" "--format xml message"
run convert r.csv -a a.csv -o x.graphml --format .json
assert_exit 2 "--format takes a name, not an extension"
run convert r.csv -a a.csv -o x.gexf --size-by nosuch
assert_exit 2 "--size-by with no such measure"
assert_stderr_contains "--size-by: no measure 'nosuch'" "--size-by message"
run convert r.csv -a a.csv -o x.graphml --label-by name
assert_exit 2 "convert has no --label-by"
assert_stderr_contains "unknown option '--label-by'" "--label-by is unknown"
run convert r.csv -a a.csv -o x.graphml --no-map
assert_exit 2 "convert has no --no-map"
run convert -o x.graphml
assert_exit 2 "convert without records"
assert_stderr_contains "no records file given" "convert without records message"
run convert r.csv -a a.csv -o x.graphml --group nosuch
assert_exit 2 "--group with no such column"
only_outputs "n.graphml n.gexf" "usage errors write nothing"

# ---- bad input: exit 1, nothing written --------------------------------------------
run convert missing.csv -o x.graphml
assert_exit 1 "missing records file"
assert_stderr_contains "missing.csv" "missing records file is named"
run convert empty.csv -o x.gexf
assert_exit 1 "records file without records"
assert_stderr_contains "no records after the header" "records file without records message"
only_outputs "n.graphml n.gexf" "bad input writes nothing"

# ---- an existing file is replaced whole, and kept when the new one fails -----------------
before=$(sums n.gexf)
run convert r.csv -a a.csv -o n.gexf --size-by nosuch
assert_exit 2 "a failing convert over an existing file"
assert_eq "$(sums n.gexf)" "$before" "the existing file is untouched after a failure"
run convert r.csv -a a.csv -o n.gexf --size-by degree -q
assert_exit 0 "convert over an existing file"
if [ "$(sums n.gexf)" != "$before" ]; then pass; else fail "--size-by degree changed nothing"; fi
only_outputs "n.graphml n.gexf" "replacing leaves no temporary file"

# ---- failure to write: exit 3, nothing left ------------------------------------------
run convert r.csv -a a.csv -o nodir/x.graphml
assert_exit 3 "output directory missing"
assert_stderr_contains "nodir/x.graphml" "the unwritable path is named"
mkdir ro && chmod 555 ro
if [ "$(id -u)" != 0 ]; then
    run convert r.csv -a a.csv -o ro/x.json
    assert_exit 3 "read-only directory"
    assert_dir_clean ro "read-only directory stays empty"
fi
chmod 755 ro && rmdir ro
only_outputs "n.graphml n.gexf" "failed writes leave nothing behind"

finish
