#!/usr/bin/python3
"""Oracle test: bridgemap's structural-hole columns of actors.csv (constraint, effective_size,
efficiency, hierarchy) against NetworkX, computed from the dataset files.

Definitions (shared/MEASURES.md; Burt 1992, Structural Holes): a_ij the strength of arc i->j
(1 when --unweighted; undirected: a_ij = a_ji = tie weight), contacts N(i) = in- and
out-neighbours, p_ij = (a_ij + a_ji) / sum_k (a_ik + a_ki), m_jq = (a_jq + a_qj) / max_k
(a_jk + a_kj).
  constraint      nx.constraint(G, weight="weight")
  effective_size  nx.effective_size(G, weight="weight")
  efficiency      effective_size / |N(i)|, N(i) the distinct contacts. NetworkX's docs divide
                  by G.degree(v), which on a DiGraph counts a mutual pair twice; the number of
                  contacts is Burt's denominator, and equals the degree on an undirected graph.
  hierarchy       sum_j r_j ln r_j / (N ln N), r_j = c_ij / (C/N), with c_ij =
                  nx.local_constraint(G, i, j, weight="weight"), C = sum_j c_ij, N = |N(i)|;
                  NaN for N < 2 (NetworkX has no hierarchy; computed here by hand).
An actor without contacts is NaN in all four.

NetworkX quirk handled here: on a DiGraph, nx.constraint and nx.effective_size test
`len(G[v]) == 0` (out-neighbours only) for "isolate", so an actor that only receives arcs gets
NaN although it has contacts. Both measures depend on the arcs only through a_ij + a_ji and
the contact sets, which reversing every arc leaves unchanged, so for such an actor the value is
taken from G.reverse(), where its received arcs are out-arcs. The number of actors this
affects is printed.

Cases: florentine_marriage (undirected, unweighted), krackhardt_advice, lazega_advice,
knoke_information (--directed), fjordvik (undirected, weighted: records of a pair add up) and
fjordvik --unweighted.
"""
import math
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # keep tests/oracle free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_common as oc  # noqa: E402

import networkx as nx  # noqa: E402

NAN = float("nan")
REL = 1e-9
COLUMNS = ["constraint", "effective_size", "efficiency", "hierarchy"]


def contacts(G, v):
    return set(nx.all_neighbors(G, v)) - {v}


def expected_holes(ds):
    """{column: {id: value}} and the list of receive-only actors (see the docstring)."""
    G = ds.graph()
    R = G.reverse(copy=True) if ds.directed else G
    receive_only = [v for v in G if ds.directed and G.out_degree(v) == 0 and G.in_degree(v) > 0]
    con = nx.constraint(G, weight="weight")
    esz = nx.effective_size(G, weight="weight")
    if receive_only:
        con.update(nx.constraint(R, nodes=receive_only, weight="weight"))
        esz.update(nx.effective_size(R, nodes=receive_only, weight="weight"))
    exp = {c: {} for c in COLUMNS}
    for v in G:
        N = contacts(G, v)
        exp["constraint"][v] = con[v]
        exp["effective_size"][v] = esz[v]
        exp["efficiency"][v] = esz[v] / len(N) if N else NAN
        exp["hierarchy"][v] = hierarchy(G, v, N)
    # A second route when every tie weighs 1 on an undirected graph: Borgatti's (1997)
    # n - 2t/n, which nx.effective_size uses when weight=None on a Graph.
    if not ds.directed and all(d["weight"] == 1 for _, _, d in G.edges(data=True)):
        exp["_effective_size_borgatti"] = nx.effective_size(G)
    return exp, receive_only


def hierarchy(G, v, N):
    n = len(N)
    if n < 2:
        return NAN
    local = [nx.local_constraint(G, v, j, weight="weight") for j in N]
    C = sum(local)
    h = 0.0
    for c in local:
        r = c / (C / n)
        h += r * math.log(r)
    return h / (n * math.log(n))


def check_case(chk, case, out, ds):
    exp, receive_only = expected_holes(ds)
    rows = out.actor_by_id()
    chk.check_equal(case, "-", "actor ids", [r["id"] for r in out.actors], ds.ids)
    borg = exp.get("_effective_size_borgatti")
    if borg:
        for v in ds.ids:
            chk.check(case + " [oracle]", v, "esize 2 ways", exp["effective_size"][v], borg[v], REL)
    header = out.actors[0].keys() if out.actors else []
    for col in COLUMNS:
        if col not in header:
            chk.fail(case, "-", col, "no such column in actors.csv", "column")
            continue
        for v in ds.ids:
            if v not in rows:
                chk.fail(case, v, col, "missing row", "row")
            else:
                chk.check(case, v, col, rows[v][col], exp[col][v], REL, 1e-12)
    nan = sum(1 for v in ds.ids if math.isnan(exp["constraint"][v]))
    chk.section(f"{case}: {len(ds.ids)} actors x {len(COLUMNS)} columns ({', '.join(COLUMNS)}); "
                f"{nan} without contacts (NaN)")
    if receive_only:
        print(f"    note: {len(receive_only)} actors only receive arcs; nx.constraint / "
              f"nx.effective_size call them isolates on the DiGraph, so their values come from "
              f"G.reverse()")


def run():
    args = oc.parse_args(__doc__.splitlines()[0])
    chk = oc.Checker("test_holes_oracle")
    tmp = tempfile.TemporaryDirectory(prefix="oracle_holes_")
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
    rc = chk.report()
    if args.keep:
        print(f"(kept {root})")
        tmp._finalizer.detach()
    else:
        tmp.cleanup()
    return rc


if __name__ == "__main__":
    oc.main_guard(run)
