#!/usr/bin/python3
"""make_fixtures.py: the classic network among the graph-file fixtures.

Writes florentine_marriage.graphml (Padgett's Florentine families, marriage
ties; datasets/florentine_marriage/) with NetworkX, so that bridgemap's
GraphML reader is tested on a file another program wrote, and
florentine_marriage.expected with what NetworkX computes of it: node count,
edge count, directedness and every family's degree. test_graphfile.c reads
the GraphML through bm_graph_read and compares with the expected file.

Run with Debian's python (python3-networkx 2.8.8), from anywhere:
    /usr/bin/python3 tests/data/graphs/make_fixtures.py          # (re)write both files
    /usr/bin/python3 tests/data/graphs/make_fixtures.py --check  # exit 1 if they differ
The outputs are committed; ctest runs --check (dataset.graph_fixtures_regenerate).
"""
import csv
import io
import os
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DATA = os.path.join(ROOT, "datasets", "florentine_marriage")


def build():
    g = nx.Graph(name="Florentine families, marriage ties (Padgett & Ansell 1993)")
    with open(os.path.join(DATA, "actors.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            # the attributes are whole numbers: written as GraphML int
            g.add_node(row["id"], **{k: int(v) for k, v in row.items() if k != "id"})
    with open(os.path.join(DATA, "records.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            g.add_edge(row["source"], row["target"])
    return g


def graphml_bytes(g):
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def expected_text(path_graphml_bytes):
    # Computed from the GraphML as NetworkX reads it back, and checked
    # against the graph built from the CSV files.
    h = nx.read_graphml(io.BytesIO(path_graphml_bytes))
    g = build()
    assert sorted(h.nodes) == sorted(g.nodes) and h.number_of_edges() == g.number_of_edges()
    assert dict(h.degree) == dict(g.degree)
    lines = ["# florentine_marriage.graphml as NetworkX %s reads it (make_fixtures.py)" % nx.__version__,
             "nodes %d" % h.number_of_nodes(),
             "edges %d" % h.number_of_edges(),
             "directed %d" % (1 if h.is_directed() else 0)]
    lines += ["degree %s %d" % (v, d) for v, d in h.degree]  # in node order
    return ("\n".join(lines) + "\n").encode("utf-8")


def main():
    check = "--check" in sys.argv[1:]
    xml = graphml_bytes(build())
    outputs = {"florentine_marriage.graphml": xml,
               "florentine_marriage.expected": expected_text(xml)}
    stale = []
    for name, data in outputs.items():
        path = os.path.join(HERE, name)
        if check:
            with open(path, "rb") as f:
                if f.read() != data:
                    stale.append(name)
        else:
            tmp = path + ".tmp"
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
    if stale:
        print("make_fixtures.py: differs from what the script writes: " + ", ".join(stale),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
