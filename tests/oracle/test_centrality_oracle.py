#!/usr/bin/python3
"""Oracle test: bridgemap's actor centralities (actors.csv) against NetworkX / numpy /
python-igraph, computed from the dataset files.

Conventions (shared/MEASURES.md): distance = 1/weight for path-based measures;
closeness = 1/sum of distances to the reachable actors (igraph 0.10), directed = outgoing,
NaN when nothing is reachable; harmonic directed = outgoing; eigenvector scaled to max 1,
directed = in-edges; clustering on the undirected view, NaN where degree < 2.

Cases: florentine_marriage (undirected, unweighted), krackhardt_advice, lazega_advice,
knoke_information (--directed), fjordvik (undirected, weighted; records of a pair add up),
fjordvik --unweighted, and two derived weighted cases whose tie weights are in {1,2,4,8}
(reciprocals exact in binary, so no floating-point ties between equal-length paths):
fjordvik's pairs (undirected) and lazega's arcs (directed).
"""
import os
from fractions import Fraction
import sys
import tempfile
import warnings

sys.dont_write_bytecode = True  # keep tests/oracle free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_common as oc  # noqa: E402

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

NAN = float("nan")
REL = 1e-9          # exact-arithmetic measures
REL_ITER = 1e-6     # eigenvector, pagerank (iterative solvers)


def expected_measures(ds):
    """All actor measures, computed independently; returns {column: {id: value}}."""
    G = ds.graph()
    n = G.number_of_nodes()
    U = G.to_undirected(as_view=False) if ds.directed else G
    exp = {}

    if ds.directed:
        exp["degree"] = {v: G.in_degree(v) + G.out_degree(v) for v in G}
        exp["in_degree"] = dict(G.in_degree())
        exp["out_degree"] = dict(G.out_degree())
        exp["strength"] = {v: G.in_degree(v, weight="weight") + G.out_degree(v, weight="weight")
                           for v in G}
    else:
        exp["degree"] = dict(G.degree())
        exp["in_degree"] = {v: NAN for v in G}
        exp["out_degree"] = {v: NAN for v in G}
        exp["strength"] = dict(G.degree(weight="weight"))

    # Betweenness (Brandes), distance = 1/w; NetworkX halves undirected pairs already.
    # Weighted: the distances are exact rationals (fractions.Fraction), so paths of equal
    # length tie exactly. With floats, 1/w sums such as 1/2+1/3+1/2+1/2 and
    # 1/2+1/2+1/4+1/4+1/6+1/6 (both 11/6) differ in the last bit and NetworkX (exact ==)
    # then drops one of the shortest paths; igraph compares with a tolerance. The float
    # NetworkX result is kept only to report how many actors that affects.
    if ds.unweighted:
        bw = nx.betweenness_centrality(G, normalized=False, weight="dist")
    else:
        for u, v, d in G.edges(data=True):
            d["fdist"] = Fraction(1) / Fraction(d["weight"])
        bwf = nx.betweenness_centrality(G, normalized=False, weight="fdist")
        bw = {v: float(x) for v, x in bwf.items()}
        bw_float = nx.betweenness_centrality(G, normalized=False, weight="dist")
        exp["_bw_float_differs"] = sorted(v for v in G if not oc.close(bw[v], bw_float[v]))
    exp["betweenness"] = bw
    scale = (1.0 if ds.directed else 2.0) / ((n - 1) * (n - 2))
    exp["betweenness_norm"] = {v: bw[v] * scale for v in G}
    # Cross-check of the normalisation against NetworkX's own normalized=True.
    exp["_bw_nx_norm"] = {v: float(x) for v, x in nx.betweenness_centrality(
        G, normalized=True, weight="dist" if ds.unweighted else "fdist").items()}

    # Closeness, igraph 0.10 convention, computed directly from Dijkstra distances
    # (outgoing on DiGraph): 1/sum over reachable others; NaN if none reachable.
    clo = {}
    for v in G:
        d = nx.single_source_dijkstra_path_length(G, v, weight="dist")
        s = sum(x for u, x in d.items() if u != v)
        clo[v] = 1.0 / s if len(d) > 1 else NAN
    exp["closeness"] = clo
    # Same via the mapping MEASURES.md gives for NetworkX (a second, independent route).
    H = G.reverse() if ds.directed else G
    nxc = nx.closeness_centrality(H, distance="dist", wf_improved=False)
    exp["_closeness_nx"] = {}
    for v in G:
        r = len(nx.single_source_dijkstra_path_length(G, v, weight="dist"))  # incl. v
        exp["_closeness_nx"][v] = nxc[v] / (r - 1) if r > 1 else NAN

    # Harmonic: NetworkX sums incoming distances on a DiGraph, so reverse for outgoing.
    exp["harmonic"] = nx.harmonic_centrality(H, distance="dist")

    # PageRank, damping 0.85, weighted (dangling nodes jump uniformly, as PRPACK).
    exp["pagerank"] = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)

    # Eigenvector: python-igraph (scale=True; directed = in-edges), checked against a
    # dense numpy eigendecomposition rescaled to max 1.
    exp["eigenvector"] = igraph_eigenvector(ds, G)
    exp["_eigenvector_numpy"] = numpy_eigenvector(ds, G)

    # Coreness: k-core number, unweighted, direction ignored.
    exp["coreness"] = nx.core_number(nx.Graph(U))
    # For directed graphs, also the "in+out degree" k-core (igraph_coreness mode ALL
    # counts a mutual pair twice) -- only used to explain a mismatch.
    if ds.directed:
        exp["_coreness_inout"] = nx.core_number(G)

    # Local clustering on the undirected view, 0 -> NaN where degree < 2.
    cl = nx.clustering(nx.Graph(U))
    exp["clustering"] = {v: (cl[v] if U.degree(v) >= 2 else NAN) for v in G}
    return exp


def igraph_eigenvector(ds, G):
    import igraph as ig
    idx = {v: i for i, v in enumerate(ds.ids)}
    edges = [(idx[u], idx[v]) for u, v in G.edges()]
    w = [G[u][v]["weight"] for u, v in G.edges()]
    g = ig.Graph(n=len(ds.ids), edges=edges, directed=ds.directed)
    with warnings.catch_warnings():  # igraph warns about every weighted directed graph
        warnings.simplefilter("ignore", RuntimeWarning)
        ev = g.eigenvector_centrality(directed=ds.directed, scale=True, weights=w)
    return {v: ev[idx[v]] for v in ds.ids}


def numpy_eigenvector(ds, G):
    A = nx.to_numpy_array(G, nodelist=ds.ids, weight="weight")
    if ds.directed:
        M = A.T  # x_i = sum_j a_ji x_j: in-edges
        vals, vecs = np.linalg.eig(M)
        k = int(np.argmax(vals.real))
        x = np.abs(vecs[:, k].real)
    else:
        vals, vecs = np.linalg.eigh(A)
        x = np.abs(vecs[:, -1])
    x = x / x.max()
    return {v: float(x[i]) for i, v in enumerate(ds.ids)}


COLUMNS = [
    ("degree", REL), ("in_degree", REL), ("out_degree", REL), ("strength", REL),
    ("betweenness", REL), ("betweenness_norm", REL), ("closeness", REL),
    ("harmonic", REL), ("eigenvector", REL_ITER), ("pagerank", REL_ITER),
    ("coreness", REL), ("clustering", REL),
]


def check_case(chk, case, out, ds):
    exp = expected_measures(ds)
    rows = out.actor_by_id()
    # The actor table: one row per actor of actors.csv, in that order.
    chk.check_equal(case, "-", "actor ids", [r["id"] for r in out.actors], ds.ids)
    chk.check(case, "-", "summary.nodes", out.summary["nodes"], len(ds.ids))
    chk.check(case, "-", "summary.ties", out.summary["ties"], len(ds.ties))

    # Sanity of the oracle itself: two independent routes must agree.
    for v in ds.ids:
        chk.check(case + " [oracle]", v, "closeness 2 ways", exp["closeness"][v],
                  exp["_closeness_nx"][v], REL)
        chk.check(case + " [oracle]", v, "bw_norm 2 ways", exp["betweenness_norm"][v],
                  exp["_bw_nx_norm"][v], REL)
        chk.check(case + " [oracle]", v, "eigvec igraph/np", exp["eigenvector"][v],
                  exp["_eigenvector_numpy"][v], REL_ITER, 1e-9)

    for col, rel in COLUMNS:
        for v in ds.ids:
            if v not in rows:
                chk.fail(case, v, col, "missing row", "row")
                continue
            # absolute floor: 1e-9 for the iterative measures (values near 0), else 1e-12
            ok = chk.check(case, v, col, rows[v][col], exp[col][v], rel,
                           1e-9 if rel == REL_ITER else 1e-12)
            if not ok and col == "coreness" and "_coreness_inout" in exp:
                if oc.close(oc.num(rows[v][col]), exp["_coreness_inout"][v]):
                    chk.mismatches[-1] = chk.mismatches[-1][:4] + (
                        f"{exp[col][v]} (ours = in+out-degree k-core {exp['_coreness_inout'][v]})",)
    chk.section(f"{case}: {len(ds.ids)} actors x {len(COLUMNS)} columns "
                f"({', '.join(c for c, _ in COLUMNS)})")
    if exp.get("_bw_float_differs"):
        print(f"    note: betweenness oracle uses exact rational distances; float NetworkX "
              f"would differ for {len(exp['_bw_float_differs'])} actors (equal-length paths "
              f"whose 1/w float sums differ in the last bit)")


def write_pow2_records(ds, path):
    """One record per tie of ds, weight in {1,2,4,8} chosen by position (deterministic)."""
    import csv
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight"])
        for i, (u, v) in enumerate(sorted(ds.ties)):
            w.writerow([u, v, (1, 2, 4, 8)[(i * 7 + 3) % 4]])


def run():
    args = oc.parse_args(__doc__.splitlines()[0])
    chk = oc.Checker("test_centrality_oracle")
    tmp = tempfile.TemporaryDirectory(prefix="oracle_centrality_")
    root = tmp.name

    cases = [
        ("florentine_marriage", "florentine_marriage", [], False, False),
        ("krackhardt_advice --directed", "krackhardt_advice", ["--directed"], True, False),
        ("lazega_advice --directed", "lazega_advice", ["--directed"], True, False),
        ("knoke_information --directed", "knoke_information", ["--directed"], True, False),
        ("fjordvik (weighted)", "fjordvik", [], False, False),
        ("fjordvik --unweighted", "fjordvik", ["--unweighted"], False, True),
    ]
    for case, name, extra, directed, unweighted in cases:
        out = oc.run_analyze(args, name, extra, tmp_root=root)
        ds = oc.load_dataset(args.datasets, name, directed, unweighted)
        check_case(chk, case, out, ds)

    # Derived weighted cases with exact reciprocals.
    for case, name, extra, directed in [
            ("fjordvik pairs, w in {1,2,4,8}", "fjordvik", [], False),
            ("lazega arcs, w in {1,2,4,8} --directed", "lazega_advice", ["--directed"], True)]:
        base = oc.load_dataset(args.datasets, name, directed, False)
        rec = os.path.join(root, f"{name}_pow2_records.csv")
        write_pow2_records(base, rec)
        actors = os.path.join(args.datasets, name, "actors.csv")
        outdir = tempfile.mkdtemp(prefix="out_", dir=root)
        out = oc.run_analyze_files(args, rec, actors, outdir, extra)
        ds = oc.load_dataset(args.datasets, name, directed, False, records=rec, actors=actors)
        check_case(chk, case, out, ds)

    rc = chk.report()
    if args.keep:
        print(f"(kept {root})")
        tmp._finalizer.detach()
    else:
        tmp.cleanup()
    return rc


if __name__ == "__main__":
    oc.main_guard(run)
