#!/usr/bin/python3
"""Oracle test: GraphML, GML and Pajek records files, written and read by NetworkX.

`bridgemap analyze FILE` takes a GraphML, GML or Pajek .net file in place of the records
CSV (load/graphfile.c through igraph's readers; node attributes become actor attributes,
an edge attribute `weight` is the weight, the file's direction is kept). Expected values
come from NetworkX 2.8, never from bridgemap:
  - fjordvik (undirected, weighted; the records of a pair summed first, here in Python):
    NetworkX writes the graph with every actor attribute as GraphML (write_graphml) and
    GML (write_gml, which writes Danish letters as &#NNN; entities), and without the
    attributes as Pajek (write_pajek). For each file: the actors and their attributes,
    the ties and weights, degree, strength, betweenness (distance 1/weight, exact
    fractions) and harmonic centrality by NetworkX, and the E-I index by sector
    counted here from the edges.
  - lazega_advice (directed): GraphML, GML and Pajek arcs; in/out degree and directed
    betweenness by NetworkX; with --undirected the arcs become ties whose weights add
    (a reciprocated pair weighs 2), checked against a Graph built here.
  - the hand-written fixtures tests/data/graphs/cross_sector.{graphml,gml,net}, read by
    NetworkX's own readers (read_graphml, read_gml, read_pajek): the same nodes, the same
    ties and summed weights as bridgemap's ties.csv.
"""
import csv
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_common as oc  # noqa: E402

import networkx as nx  # noqa: E402

REL = 1e-9
GRAPHS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "graphs")


def run(args, path, outdir, *extra):
    cmd = [args.bridgemap, "analyze", path, *extra, "-o", outdir, "--quiet", "--no-map"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"bridgemap failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr}")
    return oc.Output(outdir)


def fjordvik_graph(args):
    ds = oc.load_dataset(args.datasets, "fjordvik")
    G = nx.Graph()
    for a in ds.ids:
        G.add_node(a, **{k: v for k, v in ds.attrs[a].items() if k != "id"})
    for (u, v), (w, _c) in ds.ties.items():
        G.add_edge(u, v, weight=float(w))
    return G


def with_fraction_distance(G):
    H = G.copy()
    for u, v, d in H.edges(data=True):
        d["fdist"] = 1 / Fraction(d["weight"]).limit_denominator(10**6)
    return H


def ei_by(G, attr):
    """Krackhardt & Stern's E-I index over the ties: (external - internal) / all."""
    ext = sum(1 for u, v in G.edges() if G.nodes[u][attr] != G.nodes[v][attr])
    inn = G.number_of_edges() - ext
    return (ext - inn) / (ext + inn)


def tie_key(u, v, directed):
    return (u, v) if directed else tuple(sorted((u, v)))


def check_ties(chk, case, out, G, id_of, directed):
    """ties.csv against G's edges (ids mapped back to G's node names by id_of)."""
    ours = {}
    for r in out.ties:
        ours[tie_key(id_of[r["source"]], id_of[r["target"]], directed)] = r["weight"]
    want = {tie_key(u, v, directed): d.get("weight", 1.0) for u, v, d in G.edges(data=True)}
    chk.check_equal(case, "ties", "count", len(ours), len(want))
    for k, w in want.items():
        if k not in ours:
            chk.fail(case, k, "tie", "missing", w)
        else:
            chk.check(case, k, "weight", ours[k], w, REL)


def check_undirected(chk, case, out, G, id_of, attrs):
    rows = {id_of[r["id"]]: r for r in out.actors}
    chk.check_equal(case, "actors", "count", len(rows), G.number_of_nodes())
    H = with_fraction_distance(G)
    bw = nx.betweenness_centrality(H, normalized=False, weight="fdist")
    harm = nx.harmonic_centrality(G, distance=lambda u, v, d: 1.0 / d["weight"])
    for v in G:
        r = rows.get(v)
        if r is None:
            chk.fail(case, v, "actor", "missing", "present")
            continue
        chk.check(case, v, "degree", r["degree"], G.degree(v), REL)
        chk.check(case, v, "strength", r["strength"], G.degree(v, weight="weight"), REL)
        chk.check(case, v, "betweenness", r["betweenness"], float(bw[v]), REL, 1e-9)
        chk.check(case, v, "harmonic", r["harmonic"], harm[v], REL)
        for a in attrs:
            chk.check_equal(case, v, a, r[a], G.nodes[v][a])
    check_ties(chk, case, out, G, id_of, False)


def case_fjordvik(args, chk, tmp):
    G = fjordvik_graph(args)
    attrs = ["name", "sector", "organisation", "unit", "level"]
    ident = {v: v for v in G}

    p = os.path.join(tmp, "fjordvik.graphml")
    nx.write_graphml(G, p)
    out = run(args, p, os.path.join(tmp, "o_graphml"), "--group", "sector")
    check_undirected(chk, "fjordvik.graphml", out, G, ident, attrs)
    chk.check(
        "fjordvik.graphml", "summary", "ei_index", out.summary["ei_index"], ei_by(G, "sector"), REL)
    chk.check_equal("fjordvik.graphml", "summary", "format", out.summary["loading"]["format"],
                    "GraphML")

    p = os.path.join(tmp, "fjordvik.gml")
    nx.write_gml(G, p)  # node ids 0.., label = the actor id, Danish letters as &#NNN;
    with open(p, encoding="ascii") as f:  # NetworkX writes GML in ASCII: entities
        chk.check_equal("fjordvik.gml", "file", "has entities", "&#" in f.read(), True)
    out = run(args, p, os.path.join(tmp, "o_gml"), "--group", "sector")
    id_of = {r["id"]: r["label"] for r in out.actors}
    check_undirected(chk, "fjordvik.gml", out, G, id_of, attrs)
    chk.check("fjordvik.gml", "summary", "ei_index", out.summary["ei_index"], ei_by(G, "sector"), REL)

    P = nx.Graph()
    P.add_nodes_from(G.nodes())
    P.add_edges_from(G.edges(data=True))
    p = os.path.join(tmp, "fjordvik.net")
    nx.write_pajek(P, p)
    out = run(args, p, os.path.join(tmp, "o_net"))
    check_undirected(chk, "fjordvik.net", out, P, ident, [])
    chk.section(f"fjordvik as GraphML, GML and Pajek written by NetworkX: {G.number_of_nodes()} "
                f"actors, {G.number_of_edges()} ties, attributes, weights, degree, strength, "
                "betweenness, harmonic, E-I by sector")


def lazega_digraph(args):
    ds = oc.load_dataset(args.datasets, "lazega_advice", directed=True)
    D = nx.DiGraph()
    for a in ds.ids:
        D.add_node(a, office=ds.attrs[a]["office"])
    for (u, v), (w, _c) in ds.ties.items():
        D.add_edge(u, v, weight=float(w))
    return D


def check_directed(chk, case, out, D, id_of):
    rows = {id_of[r["id"]]: r for r in out.actors}
    chk.check_equal(case, "summary", "directed", out.summary["directed"], True)
    chk.check_equal(case, "actors", "count", len(rows), D.number_of_nodes())
    bw = nx.betweenness_centrality(D, normalized=False)  # all weights 1
    for v in D:
        r = rows[v]
        chk.check(case, v, "in_degree", r["in_degree"], D.in_degree(v), REL)
        chk.check(case, v, "out_degree", r["out_degree"], D.out_degree(v), REL)
        chk.check(case, v, "betweenness", r["betweenness"], bw[v], REL, 1e-9)
    check_ties(chk, case, out, D, id_of, True)


def case_lazega(args, chk, tmp):
    D = lazega_digraph(args)
    ident = {v: v for v in D}
    p = os.path.join(tmp, "lazega.graphml")
    nx.write_graphml(D, p)
    check_directed(chk, "lazega.graphml", run(args, p, os.path.join(tmp, "l_graphml")), D, ident)
    p = os.path.join(tmp, "lazega.gml")
    nx.write_gml(D, p)
    out = run(args, p, os.path.join(tmp, "l_gml"))
    # without a "name" attribute the GML label is the actors' "name" column
    check_directed(chk, "lazega.gml", out, D, {r["id"]: r["name"] for r in out.actors})
    P = nx.DiGraph()
    P.add_nodes_from(D.nodes())
    P.add_edges_from(D.edges(data=True))
    p = os.path.join(tmp, "lazega.net")
    nx.write_pajek(P, p)
    check_directed(chk, "lazega.net", run(args, p, os.path.join(tmp, "l_net")), P, ident)

    # --undirected: arcs u->v and v->u become one tie weighing their sum
    U = nx.Graph()
    U.add_nodes_from(D.nodes(data=True))
    for u, v, d in D.edges(data=True):
        w = U[u][v]["weight"] if U.has_edge(u, v) else 0.0
        U.add_edge(u, v, weight=w + d["weight"])
    out = run(args, os.path.join(tmp, "lazega.graphml"), os.path.join(tmp, "l_und"), "--undirected")
    chk.check_equal("lazega --undirected", "summary", "directed", out.summary["directed"], False)
    check_undirected(chk, "lazega --undirected", out, U, ident, ["office"])
    recip = sum(1 for u, v in D.edges() if D.has_edge(v, u)) // 2
    chk.section(f"lazega_advice as directed GraphML, GML and Pajek ({D.number_of_edges()} arcs): "
                f"in/out degree, betweenness; --undirected: {U.number_of_edges()} ties, "
                f"{recip} reciprocated pairs weighing 2")


def case_fixtures(args, chk, tmp):
    readers = {
        "cross_sector.graphml": lambda p: nx.read_graphml(p),
        # the fixture repeats a pair, which read_gml accepts only in a multigraph
        "cross_sector.gml": lambda p: nx.parse_gml(
            open(p, encoding="utf-8").read().replace("graph [", "graph [ multigraph 1", 1),
            label="id"),
        "cross_sector.net": lambda p: nx.read_pajek(p),
    }
    for name, read in readers.items():
        path = os.path.join(GRAPHS, name)
        M = read(path)
        G = nx.Graph()  # NetworkX keeps parallel edges (Pajek): summed here, as bridgemap does
        G.add_nodes_from(str(v) for v in M.nodes())
        for u, v, d in M.edges(data=True):
            if u == v:
                continue
            w = float(d.get("weight", 1.0))
            old = G[str(u)][str(v)]["weight"] if G.has_edge(str(u), str(v)) else 0.0
            G.add_edge(str(u), str(v), weight=old + w)
        out = run(args, path, os.path.join(tmp, "f_" + name))
        ident = {r["id"]: r["id"] for r in out.actors}
        chk.check_equal(name, "actors", "ids", sorted(ident), sorted(G.nodes()))
        check_ties(chk, name, out, G, ident, False)
    chk.section("tests/data/graphs/cross_sector.{graphml,gml,net} read by NetworkX's readers: "
                "the same nodes, ties and summed weights")


def main():
    args = oc.parse_args(__doc__)
    chk = oc.Checker("test_graphfile_oracle")
    with tempfile.TemporaryDirectory(prefix="bm_graphfile_") as tmp:
        case_fjordvik(args, chk, tmp)
        case_lazega(args, chk, tmp)
        case_fixtures(args, chk, tmp)
    return chk.report()


if __name__ == "__main__":
    oc.main_guard(main)
