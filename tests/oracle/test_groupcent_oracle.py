#!/usr/bin/python3
"""Oracle test: bridgemap's group centralities (groups.csv: group_degree, group_closeness,
group_betweenness; Everett & Borgatti 1999) against NetworkX, computed from the dataset files.

Conventions (src/measure/groupcent.c, shared/MEASURES.md): n counts every actor, and actors without a
group are outsiders of every group; distance = 1/weight.
- group_degree: |N(C) minus C| / (n - |C|); directed networks use in- and out-neighbours, i.e.
  nx.group_degree_centrality on G.to_undirected() (nx on a DiGraph uses successors only).
- group_closeness: (n - |C|) / sum of d(C, v) over the outsiders C reaches (unreachable ones add
  nothing, as in nx); directed: distances FROM the group, i.e.
  nx.group_closeness_centrality(G.reverse(), C) (nx itself measures towards the group). NaN
  where nx returns 0 for "no outsider reached" or n = |C|.
- group_betweenness: sum over ordered outsider pairs s != t of the share of shortest s-t paths
  with a member of C on them, / ((n - |C|)(n - |C| - 1)) -- the definition and normalisation of
  nx.group_betweenness_centrality(normalized=True, endpoints=False). NetworkX 3.x's
  implementation of it (Puzis et al.'s incremental algorithm) is wrong for groups of 3 or more
  members, its result depending on the set's iteration order (networkx/networkx#8827, fixed by
  #8879), and fails on directed graphs that are not strongly connected (KeyError or negative
  values, #8559). So the expected value here is computed from the definition, with exact
  integer path counts: sigma_st(C) = sigma_st(G) - sigma_st(G - C) when d_{G-C}(s,t) =
  d_G(s,t), else sigma_st(G). nx.group_betweenness_centrality is still run as a check of that
  oracle where nx is right (groups of 1 or 2 on connected / strongly connected graphs), on
  derived groupings of pairs of actors, and nx.betweenness_centrality for single actors.
Weighted cases use exact rational distances (fractions.Fraction) so that paths of equal length
tie exactly; bridgemap compares float lengths with a 1e-10 relative tolerance instead.

Cases: krackhardt_advice (department, --directed), lazega_advice (office, --directed),
knoke_information (sector, --directed), fjordvik (sector, weighted), fjordvik --unweighted
(unit), fjordvik's pairs and lazega's arcs with weights in {1,2,4,8} (exact reciprocals), and
krackhardt_advice and fjordvik cut to their largest (strongly) connected component with
the actors grouped in pairs (the nx check).
"""
import os
from fractions import Fraction
import math
import sys
import tempfile

sys.dont_write_bytecode = True  # keep tests/oracle free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_common as oc  # noqa: E402

import networkx as nx  # noqa: E402

NAN = float("nan")
REL = 1e-9
COLUMNS = ("group_degree", "group_closeness", "group_betweenness")


def exact_graph(ds):
    """ds.graph() with 'len' = exact distance: 1 when unweighted, the float 1/w when every
    weight is 1, 2, 4 or 8 (exact in binary, and so are the sums), else Fraction 1/w."""
    G = ds.graph()
    dyadic = all(d["weight"] in (1, 2, 4, 8) for _, _, d in G.edges(data=True))
    for _, _, d in G.edges(data=True):
        if ds.unweighted:
            d["len"] = 1
        elif dyadic:
            d["len"] = 1.0 / d["weight"]
        else:
            d["len"] = Fraction(1) / Fraction(d["weight"])
    G.graph["unweighted"] = ds.unweighted
    return G


def groups_of(ds, column):
    groups = {}
    for v in ds.ids:
        g = ds.attrs[v].get(column, "")
        if g != "":
            groups.setdefault(g, set()).add(v)
    return groups


def path_counts(G, s):
    """Exact distances and shortest-path counts from s (BFS when unweighted, else Dijkstra on
    'len')."""
    if G.graph.get("unweighted"):
        pred, dist = nx.predecessor(G, s, return_seen=True)
    else:
        pred, dist = nx.dijkstra_predecessor_and_distance(G, s, weight="len")
    sigma = {}
    for v in sorted(dist, key=dist.get):
        sigma[v] = 1 if v == s else sum(sigma[p] for p in pred[v])
    return sigma, dist


def group_betweenness_by_definition(G, groups, full=None):
    """{group: normalised group betweenness} from exact path counts in G and G - C."""
    n = G.number_of_nodes()
    full = full or {s: path_counts(G, s) for s in G}
    out = {}
    for name, C in groups.items():
        rest = [v for v in G if v not in C]
        r = len(rest)
        if r < 2:
            out[name] = NAN
            continue
        H = G.subgraph(rest)
        total = Fraction(0)
        for s in rest:
            sg, dg = full[s]
            sh, dh = path_counts(H, s)
            for t in rest:
                if t == s or t not in dg:
                    continue
                avoid = sh[t] if t in dh and dh[t] == dg[t] else 0
                total += 1 - Fraction(avoid, sg[t])
        out[name] = float(total / (r * (r - 1)))
        assert n - len(C) == r
    return out


def expected_group_measures(ds, column):
    """{column: {group: value}} computed independently of bridgemap."""
    G = exact_graph(ds)
    n = G.number_of_nodes()
    groups = groups_of(ds, column)
    U = G.to_undirected(as_view=False) if ds.directed else G
    H = G.reverse(copy=True) if ds.directed else G
    exp = {c: {} for c in COLUMNS}
    exp["_closeness_direct"] = {}
    for name, C in groups.items():
        rest = n - len(C)
        exp["group_degree"][name] = nx.group_degree_centrality(U, C) if rest > 0 else NAN
        if rest > 0:
            c = nx.group_closeness_centrality(H, C, weight="len")
            exp["group_closeness"][name] = float(c) if c != 0 else NAN
        else:
            exp["group_closeness"][name] = NAN
        # second route: multi-source Dijkstra FROM the members on G itself
        d = nx.multi_source_dijkstra_path_length(G, C, weight="len")
        s = sum(x for v, x in d.items() if v not in C)
        exp["_closeness_direct"][name] = float(Fraction(rest) / s) if rest > 0 and s > 0 else NAN
    exp["group_betweenness"] = group_betweenness_by_definition(G, groups)
    return exp, G, groups


def nx_group_betweenness_check(chk, case, G, groups, exp_bw):
    """Where NetworkX's implementation is right -- groups of at most 2 members on a connected
    (strongly connected) graph -- it must agree with the definition-based oracle."""
    connected = nx.is_strongly_connected(G) if G.is_directed() else nx.is_connected(G)
    if not connected:
        return 0
    names = [g for g, C in groups.items() if len(C) <= 2 and G.number_of_nodes() - len(C) >= 2]
    if not names:
        return 0
    # a list of groups shares nx's all-pairs preprocessing
    ref = nx.group_betweenness_centrality(G, [sorted(groups[g]) for g in names], normalized=True,
                                          weight="len", endpoints=False)
    for g, x in zip(names, ref):
        chk.check(case + " [oracle]", g, "gbw def vs nx", exp_bw[g], float(x), REL)
    return len(names)


def check_case(chk, case, out, ds, column, nx_check=False):
    exp, G, groups = expected_group_measures(ds, column)
    if out.groups is None:
        chk.fail(case, "-", "groups.csv", "missing", "present")
        return
    rows = out.group_by_name()
    chk.check_equal(case, "-", "group names", sorted(rows), sorted(groups))
    for name in groups:
        chk.check(case + " [oracle]", name, "closeness 2 ways", exp["group_closeness"][name],
                  exp["_closeness_direct"][name], REL)
    # single actors: group betweenness of {v} = v's normalised betweenness (nx, same lengths)
    bw = nx.betweenness_centrality(G, normalized=True, weight="len")
    singles = {v: {v} for v in sorted(G)[:3]}
    single_exp = group_betweenness_by_definition(G, singles)
    for v in singles:
        chk.check(case + " [oracle]", v, "gbw {v} vs bw_norm", single_exp[v], float(bw[v]), REL)
    n_nx = nx_group_betweenness_check(chk, case, G, groups, exp["group_betweenness"]) if nx_check else 0

    for col in COLUMNS:
        for name in groups:
            if name not in rows:
                chk.fail(case, name, col, "missing row", "row")
                continue
            if col not in rows[name]:
                chk.fail(case, name, col, "missing column", "column")
                continue
            chk.check(case, name, col, rows[name][col], exp[col][name], REL)
    note = f"; nx.group_betweenness agrees on {n_nx} groups of <= 2" if nx_check else ""
    chk.section(f"{case}: {len(groups)} groups x {len(COLUMNS)} columns{note}")


def write_pow2_records(ds, path):
    """One record per tie of ds, weight in {1,2,4,8} chosen by position (deterministic)."""
    import csv
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight"])
        for i, (u, v) in enumerate(sorted(ds.ties)):
            w.writerow([u, v, (1, 2, 4, 8)[(i * 7 + 3) % 4]])


def write_pair_actors(ds, path, keep):
    """actors.csv of the actors in keep, with a column 'pair': in file order, two to a group
    (the last one alone if their number is odd)."""
    import csv
    order = [v for v in ds.ids if v in keep]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "pair"])
        for i, v in enumerate(order):
            w.writerow([v, f"p{i // 2:03d}"])


def run():
    args = oc.parse_args(__doc__.splitlines()[0])
    chk = oc.Checker("test_groupcent_oracle")
    tmp = tempfile.TemporaryDirectory(prefix="oracle_groupcent_")
    root = tmp.name

    cases = [
        ("krackhardt_advice --directed", "krackhardt_advice", "department", True, False),
        ("lazega_advice --directed", "lazega_advice", "office", True, False),
        ("knoke_information --directed", "knoke_information", "sector", True, False),
        ("fjordvik (weighted)", "fjordvik", "sector", False, False),
        ("fjordvik --unweighted by unit", "fjordvik", "unit", False, True),
    ]
    for case, name, column, directed, unweighted in cases:
        extra = ["--group", column] + (["--directed"] if directed else []) + \
                (["--unweighted"] if unweighted else [])
        out = oc.run_analyze(args, name, extra, tmp_root=root)
        ds = oc.load_dataset(args.datasets, name, directed, unweighted)
        check_case(chk, case, out, ds, column)

    # Weights in {1,2,4,8}: reciprocals exact in binary, float and exact lengths agree.
    for case, name, column, directed in [
            ("fjordvik pairs, w in {1,2,4,8}", "fjordvik", "sector", False),
            ("lazega arcs, w in {1,2,4,8} --directed", "lazega_advice", "office", True)]:
        base = oc.load_dataset(args.datasets, name, directed, False)
        rec = os.path.join(root, f"{name}_pow2_records.csv")
        write_pow2_records(base, rec)
        actors = os.path.join(args.datasets, name, "actors.csv")
        outdir = tempfile.mkdtemp(prefix="out_", dir=root)
        extra = ["--group", column] + (["--directed"] if directed else [])
        out = oc.run_analyze_files(args, rec, actors, outdir, extra)
        ds = oc.load_dataset(args.datasets, name, directed, False, records=rec, actors=actors)
        check_case(chk, case, out, ds, column)

    # Groups of two on connected graphs, where nx.group_betweenness_centrality is right:
    # krackhardt advice (strongly connected, weights as recorded) and fjordvik (weights in
    # {1,2,4,8}), each cut down to its largest (strongly) connected component.
    for case, name, directed in [
            ("krackhardt_advice pairs --directed", "krackhardt_advice", True),
            ("fjordvik w in {1,2,4,8}, largest component, pairs", "fjordvik", False)]:
        base = oc.load_dataset(args.datasets, name, directed, False)
        if name == "fjordvik":
            pow2 = os.path.join(root, f"{name}_pow2_records.csv")
            write_pow2_records(base, pow2)
            base = oc.load_dataset(args.datasets, name, directed, False, records=pow2)
        G = base.graph()
        comps = nx.strongly_connected_components(G) if directed else nx.connected_components(G)
        keep = max(comps, key=len)
        actors = os.path.join(root, f"{name}_pair_actors.csv")
        write_pair_actors(base, actors, keep)
        rec = os.path.join(root, f"{name}_component_records.csv")
        with open(rec, "w", encoding="utf-8") as f:
            f.write("source,target,weight\n")
            for (u, v), (w, _) in sorted(base.ties.items()):
                if u in keep and v in keep:
                    f.write(f"{u},{v},{w!r}\n")
        outdir = tempfile.mkdtemp(prefix="out_", dir=root)
        extra = ["--group", "pair"] + (["--directed"] if directed else [])
        out = oc.run_analyze_files(args, rec, actors, outdir, extra)
        ds = oc.load_dataset(args.datasets, name, directed, False, records=rec, actors=actors)
        check_case(chk, case, out, ds, "pair", nx_check=True)

    rc = chk.report()
    if args.keep:
        print(f"(kept {root})")
        tmp._finalizer.detach()
    else:
        tmp.cleanup()
    return rc


if __name__ == "__main__":
    oc.main_guard(run)
