#!/usr/bin/python3
"""Oracle test: bridgemap's E-I indices (actor, group, network), group table, ties table
and network summary, against hand computations (plain loops below) and NetworkX /
python-igraph, from the dataset files; plus the published Lazega advice figures.

E-I conventions (shared/MEASURES.md): ties are counted on the OR-symmetrised undirected
view, unweighted; actors with an empty group cell are left out (a tie to such an actor is
neither internal nor external). Group E-I = (ext - 2 int)/(ext + 2 int) (members' side);
network E-I = (between - within)/(between + within); ei_expected = (P_ext - P_int) /
(P_ext + P_int) over the possible pairs of grouped actors; actor E-I = (E - I)/(E + I) over
the actor's distinct grouped neighbours. Undefined -> NaN.

Published check (Hanneman & Riddle, ch. 8 / UCINET): Lazega advice, OR-symmetrised
(717 ties), by office: network -0.5481172, Boston -0.7082936, Hartford -0.2011662,
Providence 0.6190476.
"""
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # keep tests/oracle free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_common as oc  # noqa: E402

import networkx as nx  # noqa: E402

NAN = float("nan")
REL = 1e-9

PUBLISHED_LAZEGA = {"network": -0.5481172, "Boston": -0.7082936,
                    "Hartford": -0.2011662, "Providence": 0.6190476}
PUBLISHED_TOL = 1e-6   # absolute: the published figures have 7 decimals


def ratio(a, b):
    return a / b if b != 0 else NAN


# ---------------------------------------------------------------- hand computations

def hand_ei(ds, column):
    """Everything grouping-related, by plain loops over the dataset."""
    group = {v: ds.attrs[v][column] for v in ds.ids}
    grouped = [v for v in ds.ids if group[v] != ""]
    pairs = ds.undirected_pairs()                   # OR-symmetrised, each pair once
    nbrs = {v: set() for v in ds.ids}
    for p in pairs:
        a, b = tuple(p)
        nbrs[a].add(b)
        nbrs[b].add(a)

    # groups
    names = sorted({group[v] for v in grouped})
    size = {g: 0 for g in names}
    for v in grouped:
        size[group[v]] += 1
    internal = {g: 0 for g in names}
    external = {g: 0 for g in names}
    within = between = 0
    for p in pairs:
        a, b = tuple(p)
        ga, gb = group[a], group[b]
        if ga == "" or gb == "":
            continue
        if ga == gb:
            internal[ga] += 1
            within += 1
        else:
            external[ga] += 1
            external[gb] += 1
            between += 1
    groups = {}
    for g in names:
        n = size[g]
        groups[g] = {
            "size": n,
            "internal_ties": internal[g],
            "external_ties": external[g],
            "ei_index": ratio(external[g] - 2 * internal[g], external[g] + 2 * internal[g]),
            "density": ratio(internal[g], n * (n - 1) / 2),
        }

    # network
    N = len(grouped)
    p_int = sum(size[g] * (size[g] - 1) / 2 for g in names)
    p_ext = N * (N - 1) / 2 - p_int
    net = {"ei_index": ratio(between - within, between + within),
           "ei_expected": ratio(p_ext - p_int, p_ext + p_int),
           "groups": len(names), "within": within, "between": between}

    # actors
    actor = {}
    for v in ds.ids:
        if group[v] == "":
            actor[v] = NAN
            continue
        E = I = 0
        for u in nbrs[v]:
            if group[u] == "":
                continue
            if group[u] == group[v]:
                I += 1
            else:
                E += 1
        actor[v] = ratio(E - I, E + I)

    # ties: cross_group per tie key (NaN when an end has no group)
    cross = {}
    for (s, t) in ds.ties:
        if group[s] == "" or group[t] == "":
            cross[(s, t)] = NAN
        else:
            cross[(s, t)] = 1.0 if group[s] != group[t] else 0.0
    return {"groups": groups, "network": net, "actor": actor, "cross": cross}


def expected_summary(ds):
    G = ds.graph()
    U = nx.Graph(G.to_undirected()) if ds.directed else G
    n = G.number_of_nodes()
    exp = {"nodes": n, "ties": len(ds.ties), "directed": ds.directed,
           "density": nx.density(G),
           "components": (nx.number_weakly_connected_components(G) if ds.directed
                          else nx.number_connected_components(G)),
           "transitivity": nx.transitivity(U)}
    total, pairs, diam = 0.0, 0, 0.0
    for s in G:
        d = nx.single_source_dijkstra_path_length(G, s, weight="dist")
        for t, x in d.items():
            if t != s:
                total += x
                pairs += 1
                diam = max(diam, x)
    exp["mean_distance"] = total / pairs if pairs else NAN
    exp["diameter"] = diam if pairs else NAN
    exp["_mean_distance_igraph"] = igraph_mean_distance(ds, G)
    exp["bridges"] = {frozenset(e) for e in nx.bridges(U)}
    return exp


def igraph_mean_distance(ds, G):
    import igraph as ig
    idx = {v: i for i, v in enumerate(ds.ids)}
    edges = list(G.edges())
    g = ig.Graph(n=len(ds.ids), edges=[(idx[u], idx[v]) for u, v in edges],
                 directed=ds.directed)
    w = [G[u][v]["dist"] for u, v in edges]
    return g.average_path_length(directed=True, unconn=True,
                                 weights=None if ds.unweighted else w)


# ---------------------------------------------------------------- comparing

def check_case(chk, case, out, ds, column, n_groups_expected=None):
    hand = hand_ei(ds, column)
    summ = out.summary

    # actor E-I
    rows = out.actor_by_id()
    for v in ds.ids:
        if v not in rows:
            chk.fail(case, v, "actor row", "missing", "present")
            continue
        chk.check(case, v, "ei_index", rows[v]["ei_index"], hand["actor"][v], REL)

    # groups.csv
    got = out.group_by_name()
    chk.check_equal(case, "-", "groups.csv groups", sorted(got), sorted(hand["groups"]))
    for g, e in hand["groups"].items():
        if g not in got:
            continue
        for col in ("size", "internal_ties", "external_ties", "ei_index", "density"):
            chk.check(case, f"group {g}", col, got[g][col], e[col], REL)

    # summary: E-I and network figures
    chk.check_equal(case, "summary", "grouping", summ.get("grouping"), column)
    chk.check(case, "summary", "groups", summ.get("groups"), hand["network"]["groups"])
    if n_groups_expected is not None:
        chk.check(case, "summary", "groups (known)", summ.get("groups"), n_groups_expected)
    chk.check(case, "summary", "ei_index", summ.get("ei_index"), hand["network"]["ei_index"], REL)
    chk.check(case, "summary", "ei_expected", summ.get("ei_expected"),
              hand["network"]["ei_expected"], REL)
    se = expected_summary(ds)
    chk.check(case + " [oracle]", "summary", "mean_dist nx/igraph", se["mean_distance"],
              se["_mean_distance_igraph"], REL)
    for key in ("nodes", "ties", "density", "components", "transitivity",
                "mean_distance", "diameter"):
        chk.check(case, "summary", key, summ.get(key), se[key], REL)
    chk.check_equal(case, "summary", "directed", summ.get("directed"), se["directed"])

    # ties.csv: one row per tie (arc when directed), weight/count, cross_group, bridge
    seen = set()
    for r in out.ties:
        s, t = r["source"], r["target"]
        key = (s, t) if ds.directed else tuple(sorted((s, t)))
        if key not in ds.ties:
            chk.fail(case, f"{s}->{t}", "ties.csv row", "present", "no such tie")
            continue
        if key in seen:
            chk.fail(case, f"{s}->{t}", "ties.csv row", "duplicate", "once")
        seen.add(key)
        w, c = ds.ties[key]
        k = f"{s}-{t}"
        # --unweighted: every tie weighs 1 (MEASURES.md); count still counts records
        chk.check(case, k, "weight", r["weight"], 1.0 if ds.unweighted else w, REL)
        chk.check(case, k, "count", r["count"], c)
        chk.check(case, k, "cross_group", r["cross_group"], hand["cross"][key])
        chk.check(case, k, "bridge", r["bridge"], 1 if frozenset(key) in se["bridges"] else 0)
    for key in ds.ties:
        if key not in seen:
            chk.fail(case, "-".join(key), "ties.csv row", "missing", "present")

    chk.section(f"{case}: actor ei_index ({len(ds.ids)}), groups.csv "
                f"({len(hand['groups'])} groups x 5 columns), summary E-I/expected + "
                f"nodes/ties/density/components/transitivity/mean_distance/diameter, "
                f"ties.csv ({len(ds.ties)} rows: weight, count, cross_group, bridge); "
                f"OR-symmetrised ties {len(ds.undirected_pairs())}, within "
                f"{hand['network']['within']}, between {hand['network']['between']}")
    return hand


def check_published_lazega(chk, case, out, ds):
    """Literal published numbers, read from bridgemap's own output."""
    chk.check(case, "published", "OR-symmetrised ties", len(ds.undirected_pairs()), 717)
    chk.check(case, "published", "summary.ei_index", out.summary.get("ei_index"),
              PUBLISHED_LAZEGA["network"], 0, PUBLISHED_TOL)
    got = out.group_by_name()
    for g in ("Boston", "Hartford", "Providence"):
        chk.check(case, f"published {g}", "groups.ei_index",
                  got.get(g, {}).get("ei_index"), PUBLISHED_LAZEGA[g], 0, PUBLISHED_TOL)
    chk.section(f"{case}: published Lazega/office E-I (network, Boston, Hartford, "
                f"Providence) to {PUBLISHED_TOL}")


def run():
    args = oc.parse_args(__doc__.splitlines()[0])
    chk = oc.Checker("test_ei_oracle")
    tmp = tempfile.TemporaryDirectory(prefix="oracle_ei_")
    root = tmp.name

    # (case, dataset, grouping column, directed, unweighted, known number of groups)
    cases = [
        ("lazega_advice/office --directed", "lazega_advice", "office", True, False, 3),
        ("lazega_advice/office (undirected)", "lazega_advice", "office", False, False, 3),
        ("krackhardt_advice/department --dir", "krackhardt_advice", "department", True, False, 5),
        ("knoke_information/sector --dir", "knoke_information", "sector", True, False, 3),
        ("fjordvik/sector", "fjordvik", "sector", False, False, 5),
        ("fjordvik/unit", "fjordvik", "unit", False, False, 19),
        ("fjordvik/unit --unweighted", "fjordvik", "unit", False, True, 19),
    ]
    for case, name, column, directed, unweighted, ngroups in cases:
        extra = ["--group", column]
        if directed:
            extra.append("--directed")
        if unweighted:
            extra.append("--unweighted")
        out = oc.run_analyze(args, name, extra, tmp_root=root)
        ds = oc.load_dataset(args.datasets, name, directed, unweighted)
        check_case(chk, case, out, ds, column, ngroups)
        if name == "lazega_advice":
            check_published_lazega(chk, case, out, ds)

    rc = chk.report()
    if args.keep:
        print(f"(kept {root})")
        tmp._finalizer.detach()
    else:
        tmp.cleanup()
    return rc


if __name__ == "__main__":
    oc.main_guard(run)
