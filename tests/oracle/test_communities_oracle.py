#!/usr/bin/python3
"""Oracle test: bridgemap's grouping modularity and assortativity, Leiden communities and
their NMI/ARI with the grouping (summary.json modularity, assortativity, communities,
nmi_with_grouping, ari_with_grouping; actors.csv community), against NetworkX and
python-igraph computed from the dataset files.

Conventions (shared/MEASURES.md, src/measure/communities.c):
- Actors with an empty group cell are left out of the grouping measures: modularity and
  assortativity are computed on the network induced by the grouped actors, NMI/ARI on the
  grouped actors only. Leiden runs on the whole network: every actor has a community.
- modularity: Newman (2006), resolution 1, on the undirected view (OR-symmetrised, a pair's
  weight = the summed weights of both directions; --unweighted: every pair 1), compared with
  nx.community.modularity(weight="weight") and python-igraph's Graph.modularity.
- assortativity: Newman (2003) nominal, counting ties (no weights), directed as the network
  is: nx.attribute_assortativity_coefficient and python-igraph's assortativity_nominal.
- communities: the number of distinct values of actors.csv's community column, numbered
  0, 1, ... in order of first appearance by actor (actors-file order).
- nmi_with_grouping, ari_with_grouping: recomputed here from actors.csv's community column
  and the grouping with igraph.compare_communities (so the C computation is not reused);
  NaN with fewer than two grouped actors, and NaN when both partitions are one block
  (igraph's NMI says 1 there by convention; bridgemap says undefined).
- Leiden quality: the modularity of bridgemap's partition (undirected view, weighted as
  above) is at least the best of python-igraph's community_leiden(objective_function=
  "modularity", 10 iterations like bridgemap) over ten seeds, minus LEIDEN_MARGIN: Leiden is
  a heuristic, so neither side is exact; a partition clearly worse than python-igraph's
  means the objective or its weights are wrong (CPM instead of modularity, resolution not
  1/(2m), ...).
- Determinism: the same case run twice gives the same community column and summary.
"""
import math
import os
import random
import sys
import tempfile

sys.dont_write_bytecode = True  # keep tests/oracle free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_common as oc  # noqa: E402

import igraph as ig  # noqa: E402
import networkx as nx  # noqa: E402

NAN = float("nan")
REL = 1e-9
LEIDEN_SEEDS = range(1, 11)
LEIDEN_ITERATIONS = 10   # as bridgemap; > 0: igraph 0.10.2 can hang with a negative count
# Absolute modularity. python-igraph's own seeds 1..20 spread by up to 0.0083 (Krackhardt
# advice: 0.0885 .. 0.0968) and 0.0066 (Fjordvik, unweighted); a wrong objective (CPM,
# resolution 1/m) loses 0.04 .. 0.16 here.
LEIDEN_MARGIN = 0.01


# ---------------------------------------------------------------- graphs from the files

def undirected_view(ds):
    """{(u, v) sorted: weight}: OR-symmetrised, weights of both directions summed;
    1 per pair when unweighted."""
    view = {}
    for (s, t), (w, _c) in ds.ties.items():
        key = tuple(sorted((s, t)))
        view[key] = view.get(key, 0.0) + float(w)
    if ds.unweighted:
        view = {k: 1.0 for k in view}
    return view


def group_of(ds, column):
    return {v: ds.attrs[v][column] for v in ds.ids}


def expected_grouping_measures(ds, column):
    grp = group_of(ds, column)
    grouped = [v for v in ds.ids if grp[v] != ""]
    gset = set(grouped)
    names = sorted({grp[v] for v in grouped})
    gidx = {g: i for i, g in enumerate(names)}

    # modularity on the undirected view induced by grouped actors
    U = nx.Graph()
    U.add_nodes_from(grouped)
    for (u, v), w in undirected_view(ds).items():
        if u in gset and v in gset:
            U.add_edge(u, v, weight=w)
    parts = [{v for v in grouped if grp[v] == g} for g in names]
    if U.number_of_edges() == 0:
        q_nx = q_ig = NAN
    else:
        q_nx = nx.community.modularity(U, parts, weight="weight")
        idx = {v: i for i, v in enumerate(grouped)}
        edges = list(U.edges(data="weight"))
        gi = ig.Graph(n=len(grouped), edges=[(idx[u], idx[v]) for u, v, _ in edges])
        q_ig = gi.modularity([gidx[grp[v]] for v in grouped],
                             weights=[w for _, _, w in edges], directed=False)

    # assortativity on the network induced by grouped actors, directed as it is, no weights
    G = nx.DiGraph() if ds.directed else nx.Graph()
    for v in grouped:
        G.add_node(v, group=grp[v])
    for (s, t) in ds.ties:
        if s in gset and t in gset:
            G.add_edge(s, t)
    if G.number_of_edges() == 0:
        r_nx = r_ig = NAN
    else:
        try:
            r_nx = nx.attribute_assortativity_coefficient(G, "group")
        except ZeroDivisionError:  # one group: (1 - 1) / (1 - 1)
            r_nx = NAN
        idx = {v: i for i, v in enumerate(grouped)}
        gi = ig.Graph(n=len(grouped), edges=[(idx[s], idx[t]) for s, t in G.edges()],
                      directed=ds.directed)
        r_ig = gi.assortativity_nominal([gidx[grp[v]] for v in grouped],
                                        directed=ds.directed)
    return {"modularity": q_nx, "_modularity_igraph": q_ig,
            "assortativity": r_nx, "_assortativity_igraph": r_ig, "groups": len(names)}


def full_view_graph(ds):
    """python-igraph Graph of the whole undirected view (actors in file order), weights."""
    idx = {v: i for i, v in enumerate(ds.ids)}
    view = sorted(undirected_view(ds).items())
    g = ig.Graph(n=len(ds.ids), edges=[(idx[u], idx[v]) for (u, v), _ in view])
    return g, [w for _, w in view]


def best_leiden_modularity(g, w):
    if g.ecount() == 0:
        return NAN
    best = -math.inf
    for seed in LEIDEN_SEEDS:
        random.seed(seed)  # python-igraph's default RNG is Python's random module
        part = g.community_leiden(objective_function="modularity", weights=w,
                                  n_iterations=LEIDEN_ITERATIONS)
        best = max(best, g.modularity(part.membership, weights=w))
    return best


def compare(comm, grp_labels, method):
    """igraph.compare_communities with bridgemap's undefined cases as NaN."""
    if len(comm) < 2:
        return NAN
    if len(set(comm)) == 1 and len(set(grp_labels)) == 1:
        return NAN
    x = ig.compare_communities(comm, grp_labels, method=method)
    return NAN if x is None or math.isnan(x) else x


# ---------------------------------------------------------------- comparing

def community_column(chk, case, out, ds):
    """actors.csv community per actor id (int), or None when missing."""
    rows = out.actor_by_id()
    comm = {}
    for v in ds.ids:
        row = rows.get(v)
        if row is None or "community" not in row:
            chk.fail(case, v, "community", "missing", "an integer")
            return None
        try:
            comm[v] = int(row["community"])
        except ValueError:
            chk.fail(case, v, "community", row["community"], "an integer")
            return None
    return comm


def check_case(chk, case, out, ds, column):
    summ = out.summary
    exp = expected_grouping_measures(ds, column)

    # the two oracles agree with each other
    chk.check(case + " [oracle]", "summary", "modularity nx/igraph", exp["modularity"],
              exp["_modularity_igraph"], REL)
    chk.check(case + " [oracle]", "summary", "assort nx/igraph", exp["assortativity"],
              exp["_assortativity_igraph"], REL)
    for key in ("modularity", "assortativity"):
        if key not in summ:
            chk.fail(case, "summary", key, "missing", exp[key])
        else:
            chk.check(case, "summary", key, summ[key], exp[key], REL)

    comm = community_column(chk, case, out, ds)
    if comm is None:
        for key in ("communities", "nmi_with_grouping", "ari_with_grouping"):
            if key not in summ:
                chk.fail(case, "summary", key, "missing", "present")
        return None
    # count and numbering by first appearance (actors-file order)
    order = []
    for v in ds.ids:
        if comm[v] not in order:
            order.append(comm[v])
    chk.check_equal(case, "actors.csv", "community order", order, list(range(len(order))))
    if "communities" not in summ:
        chk.fail(case, "summary", "communities", "missing", len(order))
    else:
        chk.check(case, "summary", "communities", summ["communities"], len(order))

    # NMI / ARI over grouped actors, from the CSV column
    grp = group_of(ds, column)
    grouped = [v for v in ds.ids if grp[v] != ""]
    names = sorted({grp[v] for v in grouped})
    c1 = [comm[v] for v in grouped]
    c2 = [names.index(grp[v]) for v in grouped]
    for key, method in (("nmi_with_grouping", "nmi"), ("ari_with_grouping", "adjusted_rand")):
        want = compare(c1, c2, method)
        if key not in summ:
            chk.fail(case, "summary", key, "missing", want)
        else:
            chk.check(case, "summary", key, summ[key], want, REL)

    # Leiden quality: bridgemap's partition against python-igraph's best
    g, w = full_view_graph(ds)
    ours = g.modularity([comm[v] for v in ds.ids], weights=w) if g.ecount() else NAN
    best = best_leiden_modularity(g, w)
    chk.n_checks += 1
    if not (ours >= best - LEIDEN_MARGIN):
        chk.mismatches.append((case, "Leiden", "partition Q", ours,
                               f">= {best:.6f} - {LEIDEN_MARGIN}"))
    chk.section(f"{case}: modularity {exp['modularity']:.6f} (nx = igraph), assortativity "
                f"{exp['assortativity']:.6f} (nx = igraph), {len(order)} communities "
                f"(partition Q {ours:.6f}, python-igraph best of {len(LEIDEN_SEEDS)} "
                f"{best:.6f}), NMI/ARI over {len(grouped)} grouped actors from actors.csv")
    return comm


def run():
    args = oc.parse_args(__doc__.splitlines()[0])
    chk = oc.Checker("test_communities_oracle")
    tmp = tempfile.TemporaryDirectory(prefix="oracle_communities_")
    root = tmp.name

    # (case, dataset, grouping column, directed, unweighted)
    cases = [
        ("lazega_advice/office --directed", "lazega_advice", "office", True, False),
        ("krackhardt_advice/department --dir", "krackhardt_advice", "department", True, False),
        ("knoke_information/sector --dir", "knoke_information", "sector", True, False),
        ("fjordvik/sector", "fjordvik", "sector", False, False),
        ("fjordvik/unit", "fjordvik", "unit", False, False),
        ("fjordvik/unit --unweighted", "fjordvik", "unit", False, True),
    ]
    for case, name, column, directed, unweighted in cases:
        extra = ["--group", column]
        if directed:
            extra.append("--directed")
        if unweighted:
            extra.append("--unweighted")
        out = oc.run_analyze(args, name, extra, tmp_root=root)
        ds = oc.load_dataset(args.datasets, name, directed, unweighted)
        comm = check_case(chk, case, out, ds, column)
        if name == "fjordvik" and column == "unit" and not unweighted:
            # determinism: a second run, same seed, same communities and numbers
            again = oc.run_analyze(args, name, extra, tmp_root=root)
            comm2 = community_column(chk, case + " (rerun)", again, ds)
            chk.check_equal(case + " (rerun)", "actors.csv", "community", comm2, comm)
            for key in ("communities", "nmi_with_grouping", "ari_with_grouping"):
                chk.check_equal(case + " (rerun)", "summary", key, again.summary.get(key),
                                out.summary.get(key))
            chk.section(f"{case}: a second run gives the same community column and summary")

    rc = chk.report()
    if args.keep:
        print(f"(kept {root})")
        tmp._finalizer.detach()
    else:
        tmp.cleanup()
    return rc


if __name__ == "__main__":
    oc.main_guard(run)
