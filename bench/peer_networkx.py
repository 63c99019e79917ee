#!/usr/bin/python3
"""NetworkX peer for bench/run.sh: betweenness, closeness and Burt's constraint.

Usage (run with Debian's /usr/bin/python3, which has python3-networkx):

  peer_networkx.py FILE.csv [--sample K] [--seed S] [--check]

Loads source,target,weight with the csv module into an nx.Graph, summing the
weights of repeated records and dropping self-loops (bridgemap's conventions,
as peer_igraph.py), then times:

  constraint   nx.constraint(G, weight="weight") over every node, in full;
  betweenness  Brandes' algorithm with distance = 1/weight from K sampled
               source nodes: networkx's own per-source steps of
               nx.betweenness_centrality, _single_source_dijkstra_path_basic
               then _accumulate_basic;
  closeness    nx.closeness_centrality(G, u=s, distance="dist") (distance =
               1/weight) for the same K sampled nodes: the per-node body of
               the full call, one single_source_dijkstra_path_length each.

The K sources are random.Random(S).sample(sorted(nodes), K): the same for a
given file, K and S. Exact betweenness and closeness are a sum of one such
per-source step over all n nodes, so the time of the full computation is
extrapolated as (time of the K sources) * n / K. With K >= n every node is a
source and nothing is extrapolated. The relative standard error of that
extrapolation, from the spread of the per-source times, is printed too.

Only the work inside Python is timed (time.perf_counter); start-up and
`import networkx` are not. One run (the full figures take minutes to hours).
Prints `key value` lines:

  seconds              load + constraint + extrapolated betweenness + closeness
  measured_seconds     the time actually spent (load + constraint + K sources)
  sample               K (the number of sources used; n when K >= n)
  extrapolated         1 when seconds holds an extrapolation, else 0
  extrap_factor        n / K
  extrap_rel_se        relative standard error of the extrapolated path part
  vertices, edges      of the simplified graph
  load_seconds, constraint_seconds,
  betweenness_sample_seconds, closeness_sample_seconds   (measured)
  betweenness_seconds, closeness_seconds                 (extrapolated)

--check (small graphs only: it runs the full networkx calls too) compares the
sampled code's values with nx.betweenness_centrality / nx.closeness_centrality
when K >= n, and exits 1 when they differ.
"""

import csv
import math
import random
import sys
import time

import networkx as nx
from networkx.algorithms.centrality.betweenness import (
    _accumulate_basic,
    _single_source_dijkstra_path_basic,
)


def load_csv(path):
    """source,target,weight into an nx.Graph; repeated pairs sum their weight."""
    g = nx.Graph()
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        si, ti = header.index("source"), header.index("target")
        wi = header.index("weight") if "weight" in header else None
        adj = g.adj
        for r in reader:
            s, t = r[si], r[ti]
            if s == t:
                continue
            w = float(r[wi]) if wi is not None and r[wi] else 1.0
            if s in adj and t in adj[s]:
                adj[s][t]["weight"] += w
            else:
                g.add_edge(s, t, weight=w)
    for _, _, d in g.edges(data=True):
        d["dist"] = 1.0 / d["weight"]
    return g


def rel_se(times, n):
    """Relative standard error of n * mean(times) as an estimate of the sum
    over all n nodes (sampling without replacement)."""
    k = len(times)
    if k < 2 or k >= n:
        return 0.0
    mean = sum(times) / k
    if mean <= 0:
        return 0.0
    var = sum((t - mean) ** 2 for t in times) / (k - 1)
    fpc = (n - k) / n
    return math.sqrt(var * fpc / k) / mean


def main(argv):
    if len(argv) < 2 or argv[1].startswith("-"):
        sys.stderr.write(__doc__)
        return 2
    path = argv[1]
    k = 200
    seed = 1
    check = False
    rest = argv[2:]
    while rest:
        if rest[0] == "--sample" and len(rest) > 1:
            k = int(rest[1])
            rest = rest[2:]
        elif rest[0] == "--seed" and len(rest) > 1:
            seed = int(rest[1])
            rest = rest[2:]
        elif rest[0] == "--check":
            check = True
            rest = rest[1:]
        else:
            sys.stderr.write("peer_networkx.py: unknown argument %s\n" % rest[0])
            return 2
    if k < 1:
        sys.stderr.write("peer_networkx.py: --sample needs K >= 1\n")
        return 2

    t0 = time.perf_counter()
    g = load_csv(path)
    t1 = time.perf_counter()
    constraint = nx.constraint(g, weight="weight")
    t2 = time.perf_counter()

    n = g.number_of_nodes()
    nodes = sorted(g)
    sources = nodes if k >= n else random.Random(seed).sample(nodes, k)
    used = len(sources)

    betweenness = dict.fromkeys(g, 0.0)
    bt = []
    for s in sources:
        a = time.perf_counter()
        S, P, sigma, _ = _single_source_dijkstra_path_basic(g, s, "dist")
        betweenness, _ = _accumulate_basic(betweenness, S, P, sigma, s)
        bt.append(time.perf_counter() - a)
    closeness = {}
    ct = []
    for s in sources:
        a = time.perf_counter()
        closeness[s] = nx.closeness_centrality(g, u=s, distance="dist")
        ct.append(time.perf_counter() - a)

    load_s, constraint_s = t1 - t0, t2 - t1
    b_meas, c_meas = sum(bt), sum(ct)
    factor = n / used if used else 1.0
    b_full, c_full = b_meas * factor, c_meas * factor
    path_se = rel_se([x + y for x, y in zip(bt, ct)], n)

    print("seconds %.6f" % (load_s + constraint_s + b_full + c_full))
    print("measured_seconds %.6f" % (load_s + constraint_s + b_meas + c_meas))
    print("sample %d" % used)
    print("extrapolated %d" % (1 if used < n else 0))
    print("extrap_factor %.3f" % factor)
    print("extrap_rel_se %.4f" % path_se)
    print("vertices %d" % n)
    print("edges %d" % g.number_of_edges())
    print("load_seconds %.6f" % load_s)
    print("constraint_seconds %.6f" % constraint_s)
    print("betweenness_sample_seconds %.6f" % b_meas)
    print("closeness_sample_seconds %.6f" % c_meas)
    print("betweenness_seconds %.6f" % b_full)
    print("closeness_seconds %.6f" % c_full)

    if check:
        if used < n:
            sys.stderr.write("peer_networkx.py: --check needs --sample >= %d (all nodes)\n" % n)
            return 2
        ref_b = nx.betweenness_centrality(g, weight="dist", normalized=False)
        ref_c = nx.closeness_centrality(g, distance="dist")
        # Undirected: betweenness_centrality halves the summed dependencies.
        bad_b = sum(1 for v in g if not math.isclose(betweenness[v] / 2, ref_b[v], rel_tol=1e-9, abs_tol=1e-9))
        bad_c = sum(1 for v in g if not math.isclose(closeness[v], ref_c[v], rel_tol=1e-12, abs_tol=1e-12))
        print("check_betweenness_mismatches %d" % bad_b)
        print("check_closeness_mismatches %d" % bad_c)
        print("check_constraint_nodes %d" % sum(1 for v in constraint if not math.isnan(constraint[v])))
        if bad_b or bad_c:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
