#!/usr/bin/python3
"""python-igraph peer for bench/run.sh: what a Python user would do.

Usage (run with Debian's /usr/bin/python3, which has python3-igraph):

  peer_igraph.py ncol     FILE.ncol [--repeat N] [--budget S]
      Graph.Read_Ncol of a space-separated copy of the records
  peer_igraph.py csv      FILE.csv  [--repeat N] [--budget S]
      csv module + Graph.TupleList (one edge per record)
  peer_igraph.py measures FILE.csv  [--repeat N] [--budget S]
      csv load, simplify (summing weights) and the per-actor measures of
      `bridgemap analyze`

Only the work inside Python is timed (time.perf_counter), best of N runs (3),
stopping early once the runs took S seconds in total (default: no limit); the
interpreter start-up and `import igraph` are not timed. Prints `key value` lines:
seconds (the best total), vertices, edges, and for `measures` the best
load_seconds and measures_seconds (of the same run as the best total).
"""

import csv
import sys
import time

import igraph


def load_ncol(path):
    return igraph.Graph.Read_Ncol(path, names=True, weights=True, directed=False)


def load_csv(path):
    """Reads source,target,weight with the csv module; one edge per record."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        si, ti = header.index("source"), header.index("target")
        wi = header.index("weight") if "weight" in header else None
        if wi is None:
            edges = [(r[si], r[ti]) for r in reader]
            return igraph.Graph.TupleList(edges, directed=False)
        edges = [(r[si], r[ti], float(r[wi]) if r[wi] else 1.0) for r in reader]
    return igraph.Graph.TupleList(edges, directed=False, weights=True)


def measures(g):
    """The per-actor measures bridgemap computes, with its conventions:
    many records of one pair are one tie whose weight is their sum; path-based
    measures use distance = 1/weight; self-loops are dropped."""
    g.simplify(multiple=True, loops=True, combine_edges={"weight": "sum"})
    dist = [1.0 / w for w in g.es["weight"]]
    out = {
        "degree": g.degree(),
        "strength": g.strength(weights="weight"),
        "betweenness": g.betweenness(weights=dist),
        "closeness": g.closeness(weights=dist),
        "harmonic": g.harmonic_centrality(weights=dist),
        "eigenvector": g.eigenvector_centrality(weights="weight", scale=True),
        "pagerank": g.pagerank(weights="weight"),
        "coreness": g.coreness(),
        "clustering": g.transitivity_local_undirected(mode="nan"),
    }
    return out


def main(argv):
    if len(argv) < 3 or argv[1] not in ("ncol", "csv", "measures"):
        sys.stderr.write(__doc__)
        return 2
    mode, path = argv[1], argv[2]
    repeat = 3
    budget = float("inf")
    rest = argv[3:]
    while rest:
        if rest[0] == "--repeat" and len(rest) > 1:
            repeat = int(rest[1])
            rest = rest[2:]
        elif rest[0] == "--budget" and len(rest) > 1:
            budget = float(rest[1])
            rest = rest[2:]
        else:
            sys.stderr.write("peer_igraph.py: unknown argument %s\n" % rest[0])
            return 2

    best = None
    total = 0.0
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        g = load_ncol(path) if mode == "ncol" else load_csv(path)
        t1 = time.perf_counter()
        if mode == "measures":
            measures(g)
        t2 = time.perf_counter()
        run = (t2 - t0, t1 - t0, t2 - t1, g.vcount(), g.ecount())
        if best is None or run[0] < best[0]:
            best = run
        del g
        total += run[0]
        if total >= budget:
            break

    print("seconds %.6f" % best[0])
    print("vertices %d" % best[3])
    print("edges %d" % best[4])
    if mode == "measures":
        print("load_seconds %.6f" % best[1])
        print("measures_seconds %.6f" % best[2])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
