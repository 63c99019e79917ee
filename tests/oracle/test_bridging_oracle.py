#!/usr/bin/python3
"""Oracle test: bridgemap's bridging measures (actors.csv participation, blau, iqv,
bridging_centrality, articulation; groups.csv top_broker, top_broker_share, silo_score;
group_pairs.csv; summary.json yules_q, ei_rescaled, degree/betweenness centralisation and
the E-I permutation test), computed independently from the dataset files.

Conventions (shared/MEASURES.md):
- Counting measures use the OR-symmetrised undirected view, each contact once, unweighted.
  Actors with an empty group cell are left out of every grouping measure (a contact without
  a group is not counted), and get NaN (empty cell) for participation/blau/iqv.
- participation = 1 - sum_s (k_is/k_i)^2 over the groups s of the actor's grouped contacts
  (own group included; Guimera & Amaral 2005); blau = 1 - sum_s p_s^2 over the same contacts
  (the same number); iqv = blau / (1 - 1/K), K = number of groups. NaN without grouped
  contacts.
- bridging_centrality (Hwang et al. 2006) = raw betweenness (NetworkX, distance 1/w, exact
  rational distances when weighted, as test_centrality_oracle.py) x (1/d(v)) /
  sum_{i in N(v)} 1/d(i), d = number of contacts on the undirected view; NaN for isolates.
- articulation = 1 for nx.articulation_points of the undirected view, else 0.
- top_broker: the member with most ties to grouped actors of other groups (undirected view);
  equal counts -> first in actor order (actors.csv order, then first appearance in the
  records); empty when the group has no external tie. top_broker_share = its count / the
  group's external ties. silo_score = 100 (EI_exp - EI)/(EI_exp + 1) clipped to [0, 100],
  EI = (ext - 2 int)/(ext + 2 int), EI_exp = (n - 2 n_g + 1)/(n - 1), n = grouped actors;
  NaN for a group without ties.
- group_pairs.csv: one row per pair of groups (group_a <= group_b, byte order, diagonal
  included): ties between them, density = ties / (n_a n_b), diagonal n_a (n_a - 1)/2.
- summary: yules_q = (ad - bc)/(ad + bc) over pairs of grouped actors; ei_rescaled =
  -1 + 2 (EI - EI_min)/(EI_max - EI_min); degree_centralisation = sum(max - d_i) /
  ((n-1)(n-2)) with d on the undirected view; betweenness_centralisation = sum(max - b_i) /
  ((n-1)^2 (n-2)/2) undirected, / ((n-1)^2 (n-2)) directed, b = raw betweenness.
- E-I permutation test: bridgemap run with --permutations 20000; our own numpy permutation
  distribution (labels shuffled among grouped actors, 20000 draws, own seed); one-sided
  p = (1 + #{EI_perm <= EI_obs})/(1 + N), two-sided (1 + #{|EI_perm - mean| >= |EI_obs -
  mean|})/(1 + N); |bridgemap - ours| <= 0.02 + 3 standard errors. Same --seed -> identical
  p-values; another seed -> a different one where p is not at its floor 1/(N+1).

Cases: lazega_advice/office, krackhardt_advice/department, knoke_information/sector
(--directed), fjordvik/sector, fjordvik/unit (one actor has an empty unit) and
fjordvik/sector, fjordvik/unit --unweighted; and a derived knoke_information (--directed)
with an isolate alone in its own group and an ungrouped actor tied to a grouped one.
"""
import math
import os
import sys
import tempfile
from fractions import Fraction

sys.dont_write_bytecode = True  # keep tests/oracle free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_common as oc  # noqa: E402

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402

NAN = float("nan")
REL = 1e-9
PERMUTATIONS = 20000
OUR_SEED = 20240917          # our own RNG seed, unrelated to bridgemap's


def ratio(a, b):
    return a / b if b != 0 else NAN


# ---------------------------------------------------------------- hand computations

def undirected_neighbours(ds):
    nbrs = {v: set() for v in ds.ids}
    for (a, b) in ds.ties:
        nbrs[a].add(b)
        nbrs[b].add(a)
    return nbrs


def raw_betweenness(ds):
    """NetworkX raw betweenness, distance 1/w; exact rationals when weighted."""
    G = ds.graph()
    if ds.unweighted:
        return {v: float(x) for v, x in
                nx.betweenness_centrality(G, normalized=False, weight="dist").items()}
    for _, _, d in G.edges(data=True):
        d["fdist"] = Fraction(1) / Fraction(d["weight"])
    return {v: float(x) for v, x in
            nx.betweenness_centrality(G, normalized=False, weight="fdist").items()}


def expected(ds, column):
    group = {v: ds.attrs[v][column] for v in ds.ids}
    grouped = [v for v in ds.ids if group[v] != ""]
    names = sorted({group[v] for v in grouped})     # str order == UTF-8 byte order
    K = len(names)
    size = {g: sum(1 for v in grouped if group[v] == g) for g in names}
    nbrs = undirected_neighbours(ds)
    pairs = {frozenset(k) for k in ds.ties}
    exp = {"actor": {}, "group": {}, "pairs": {}, "summary": {}}

    # ---- actors: participation, blau, iqv
    for v in ds.ids:
        row = {}
        counts = {}
        if group[v] != "":
            for u in nbrs[v]:
                if group[u] != "":
                    counts[group[u]] = counts.get(group[u], 0) + 1
        k = sum(counts.values())
        if group[v] == "" or k == 0:
            row["participation"] = row["blau"] = row["iqv"] = NAN
        else:
            part = 1.0 - sum((c / k) ** 2 for c in counts.values())
            blau = 1.0 - sum(p * p for p in (c / k for c in counts.values()))
            row["participation"] = part
            row["blau"] = blau
            row["iqv"] = blau / (1.0 - 1.0 / K) if K >= 2 else NAN
        exp["actor"][v] = row

    # ---- actors: bridging centrality, articulation
    bw = raw_betweenness(ds)
    deg = {v: len(nbrs[v]) for v in ds.ids}
    for v in ds.ids:
        if deg[v] == 0:
            bc = NAN
        else:
            br = (1.0 / deg[v]) / sum(1.0 / deg[u] for u in nbrs[v])
            bc = bw[v] * br
        exp["actor"][v]["bridging_centrality"] = bc
    U = nx.Graph()
    U.add_nodes_from(ds.ids)
    U.add_edges_from(tuple(p) for p in pairs)
    art = set(nx.articulation_points(U))
    for v in ds.ids:
        exp["actor"][v]["articulation"] = 1 if v in art else 0

    # ---- groups: internal/external, top broker, silo score
    internal = {g: 0 for g in names}
    external = {g: 0 for g in names}
    ext_of = {v: 0 for v in ds.ids}                  # ties to grouped outsiders
    block = {}
    for p in pairs:
        a, b = tuple(p)
        ga, gb = group[a], group[b]
        if ga == "" or gb == "":
            continue
        key = tuple(sorted((ga, gb)))
        block[key] = block.get(key, 0) + 1
        if ga == gb:
            internal[ga] += 1
        else:
            external[ga] += 1
            external[gb] += 1
            ext_of[a] += 1
            ext_of[b] += 1
    order = list(ds.ids)                             # actors.csv order ...
    seen = set(order)
    for (s, t) in ds.ties:                           # ... then first appearance (none here)
        for x in (s, t):
            if x not in seen:
                seen.add(x)
                order.append(x)
    n = len(grouped)
    for g in names:
        best, best_c = "", 0
        for v in order:
            if group.get(v) == g and ext_of[v] > best_c:
                best, best_c = v, ext_of[v]
        ext, inn = external[g], internal[g]
        ei = ratio(ext - 2 * inn, ext + 2 * inn)
        ei_exp = (n - 2 * size[g] + 1) / (n - 1)
        if ext + inn == 0:
            silo = NAN
        else:
            silo = min(100.0, max(0.0, 100.0 * (ei_exp - ei) / (ei_exp + 1.0)))
        exp["group"][g] = {"top_broker": best,
                           "top_broker_share": best_c / ext if best else NAN,
                           "silo_score": silo, "_ext_max": best_c}
    # ---- group pairs (block image)
    for i, a in enumerate(names):
        for b in names[i:]:
            ties = block.get((a, b), 0)
            possible = size[a] * (size[a] - 1) / 2 if a == b else size[a] * size[b]
            exp["pairs"][(a, b)] = {"ties": ties, "density": ratio(ties, possible)}

    # ---- summary: Yule's Q, rescaled E-I
    within = sum(internal.values())
    between = sum(block[k] for k in block if k[0] != k[1])
    p_int = sum(size[g] * (size[g] - 1) // 2 for g in names)
    p_ext = n * (n - 1) // 2 - p_int
    a, b, c, d = within, p_int - within, between, p_ext - between
    exp["summary"]["yules_q"] = ratio(a * d - b * c, a * d + b * c)
    m = within + between
    ei = ratio(between - within, m)
    lo_int = min(m, p_int)
    ei_min = ratio((m - lo_int) - lo_int, m)
    hi_ext = min(m, p_ext)
    ei_max = ratio(hi_ext - (m - hi_ext), m)
    exp["summary"]["ei_rescaled"] = (-1.0 + 2.0 * (ei - ei_min) / (ei_max - ei_min)
                                     if m > 0 and ei_max > ei_min else NAN)
    exp["summary"]["_ei"] = ei

    # ---- summary: Freeman centralisation
    N = len(ds.ids)
    dmax = max(deg.values())
    exp["summary"]["degree_centralisation"] = ratio(sum(dmax - x for x in deg.values()),
                                                    (N - 1) * (N - 2))
    bmax = max(bw.values())
    bden = (N - 1) ** 2 * (N - 2) * (1.0 if ds.directed else 0.5)
    exp["summary"]["betweenness_centralisation"] = ratio(sum(bmax - x for x in bw.values()),
                                                         bden)

    # ---- permutation distribution of the network E-I (own RNG)
    idx = {v: i for i, v in enumerate(grouped)}
    code = {g: i for i, g in enumerate(names)}
    labels = np.array([code[group[v]] for v in grouped])
    e = [tuple(p) for p in pairs if group[tuple(p)[0]] != "" and group[tuple(p)[1]] != ""]
    iu = np.array([idx[x] for x, _ in e], dtype=np.int64)
    iv = np.array([idx[y] for _, y in e], dtype=np.int64)
    rng = np.random.default_rng(OUR_SEED)
    w_perm = np.empty(PERMUTATIONS, dtype=np.int64)
    batch = 2000
    for start in range(0, PERMUTATIONS, batch):
        B = min(batch, PERMUTATIONS - start)
        perm = np.argsort(rng.random((B, n)), axis=1)
        L = labels[perm]                              # B shuffled labelings
        w_perm[start:start + B] = (L[:, iu] == L[:, iv]).sum(axis=1)
    # EI = (m - 2 w)/m, so EI_perm <= EI_obs  <=>  w_perm >= w_obs (exact, in integers)
    low = int((w_perm >= within).sum())
    ei_perm = (m - 2.0 * w_perm) / m
    mean = float(ei_perm.mean())
    extreme = int((np.abs(ei_perm - mean) >= abs(ei - mean) - 1e-12).sum())
    exp["summary"]["ei_p_value"] = (1 + low) / (1 + PERMUTATIONS)
    exp["summary"]["ei_p_value_two_sided"] = (1 + extreme) / (1 + PERMUTATIONS)
    exp["summary"]["_perm_mean"] = mean
    exp["summary"]["_within"] = within
    exp["summary"]["_between"] = between
    exp["_names"] = names
    return exp


# ---------------------------------------------------------------- comparing

def p_tolerance(p1, p2, n1, n2):
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return 0.02 + 3 * se


def check_p(chk, case, summ, exp):
    for key in ("ei_p_value", "ei_p_value_two_sided"):
        ours = oc.num(summ.get(key))
        mine = exp["summary"][key]
        if math.isnan(ours):
            chk.fail(case, "summary", key, summ.get(key), mine)
            continue
        tol = p_tolerance(ours, mine, PERMUTATIONS, PERMUTATIONS)
        chk.check(case, "summary", f"{key} (+-{tol:.4f})", ours, mine, 0, tol)
        # the p-value lies on the grid k/(N+1), k >= 1
        k = ours * (PERMUTATIONS + 1)
        chk.check(case, "summary", f"{key} on grid 1/(N+1)", k, round(k), 0, 1e-6)


def check_case(chk, case, out, ds, column):
    exp = expected(ds, column)
    rows = out.actor_by_id()
    chk.check_equal(case, "-", "actor ids", [r["id"] for r in out.actors], ds.ids)
    cols = ("participation", "blau", "iqv", "bridging_centrality", "articulation")
    for v in ds.ids:
        if v not in rows:
            chk.fail(case, v, "actor row", "missing", "present")
            continue
        for col in cols:
            if col not in rows[v]:
                chk.fail(case, v, col, "no column", "column")
                continue
            chk.check(case, v, col, rows[v][col], exp["actor"][v][col], REL)

    got = out.group_by_name()
    chk.check_equal(case, "-", "groups.csv groups", sorted(got), exp["_names"])
    for g, e in exp["group"].items():
        if g not in got:
            continue
        chk.check_equal(case, f"group {g}", "top_broker", got[g].get("top_broker"),
                        e["top_broker"])
        chk.check(case, f"group {g}", "top_broker_share", got[g].get("top_broker_share"),
                  e["top_broker_share"], REL)
        chk.check(case, f"group {g}", "silo_score", got[g].get("silo_score"),
                  e["silo_score"], REL, 1e-9)

    gp_path = os.path.join(out.dir, "group_pairs.csv")
    if not os.path.exists(gp_path):
        chk.fail(case, "-", "group_pairs.csv", "missing", "present")
    else:
        gp = oc.read_csv(gp_path)
        keys = [(r["group_a"], r["group_b"]) for r in gp]
        chk.check_equal(case, "-", "group_pairs rows", sorted(keys), sorted(exp["pairs"]))
        chk.check_equal(case, "-", "group_pairs a<=b (bytes)",
                        all(a.encode() <= b.encode() for a, b in keys), True)
        chk.check_equal(case, "-", "group_pairs unique", len(set(keys)), len(keys))
        for r in gp:
            k = (r["group_a"], r["group_b"])
            if k not in exp["pairs"]:
                continue
            chk.check(case, f"pair {k[0]}|{k[1]}", "ties", r["ties"], exp["pairs"][k]["ties"])
            chk.check(case, f"pair {k[0]}|{k[1]}", "density", r["density"],
                      exp["pairs"][k]["density"], REL)

    summ = out.summary
    for key in ("yules_q", "ei_rescaled", "degree_centralisation",
                "betweenness_centralisation"):
        chk.check(case, "summary", key, summ.get(key), exp["summary"][key], REL, 1e-12)
    chk.check(case, "summary", "permutations", summ.get("permutations"), PERMUTATIONS)
    check_p(chk, case, summ, exp)

    s = exp["summary"]
    chk.section(f"{case}: {len(ds.ids)} actors x {len(cols)} columns, groups.csv "
                f"({len(exp['group'])} groups: top_broker/share/silo_score), group_pairs.csv "
                f"({len(exp['pairs'])} rows), summary (Yule's Q, ei_rescaled, centralisations, "
                f"p-values); within {s['_within']}, between {s['_between']}, EI {s['_ei']:.6f}, "
                f"p ours/bridgemap {s['ei_p_value']:.5f}/{oc.num(summ.get('ei_p_value')):.5f}, "
                f"two-sided {s['ei_p_value_two_sided']:.5f}/"
                f"{oc.num(summ.get('ei_p_value_two_sided')):.5f}")
    return exp


def check_seeds(chk, args, root, case, name, extra, exp):
    """--seed 5 twice -> identical p-values; --seed 6 -> different (p not at its floor)."""
    ext = [*extra, "--permutations", str(PERMUTATIONS)]
    o5a = oc.run_analyze(args, name, [*ext, "--seed", "5"], tmp_root=root).summary
    o5b = oc.run_analyze(args, name, [*ext, "--seed", "5"], tmp_root=root).summary
    o6 = oc.run_analyze(args, name, [*ext, "--seed", "6"], tmp_root=root).summary
    for key in ("ei_p_value", "ei_p_value_two_sided"):
        chk.check_equal(case, "--seed 5 twice", key, o5a.get(key), o5b.get(key))
        mine = exp["summary"][key]
        for lab, o in (("--seed 5", o5a), ("--seed 6", o6)):
            ours = oc.num(o.get(key))
            tol = p_tolerance(ours, mine, PERMUTATIONS, PERMUTATIONS) if not math.isnan(ours) else 0
            chk.check(case, lab, f"{key} (+-{tol:.4f})", ours, mine, 0, tol)
    # a different seed draws different permutations: the one-sided count moves
    n_diff = sum(o5a.get(k) != o6.get(k) for k in ("ei_p_value", "ei_p_value_two_sided"))
    chk.check_equal(case, "--seed 5 vs --seed 6", "p-values differ", n_diff > 0, True)
    chk.section(f"{case}: --seed 5 twice identical (p {o5a.get('ei_p_value')}, two-sided "
                f"{o5a.get('ei_p_value_two_sided')}); --seed 6 gives p {o6.get('ei_p_value')}, "
                f"two-sided {o6.get('ei_p_value_two_sided')}")


def run():
    args = oc.parse_args(__doc__.splitlines()[0])
    chk = oc.Checker("test_bridging_oracle")
    tmp = tempfile.TemporaryDirectory(prefix="oracle_bridging_")
    root = tmp.name

    # (case, dataset, grouping column, directed, unweighted)
    cases = [
        ("lazega_advice/office --directed", "lazega_advice", "office", True, False),
        ("krackhardt_advice/department --dir", "krackhardt_advice", "department", True, False),
        ("knoke_information/sector --dir", "knoke_information", "sector", True, False),
        ("fjordvik/sector", "fjordvik", "sector", False, False),
        ("fjordvik/unit", "fjordvik", "unit", False, False),
        ("fjordvik/sector --unweighted", "fjordvik", "sector", False, True),
        ("fjordvik/unit --unweighted", "fjordvik", "unit", False, True),
    ]
    floor = 1.0 / (PERMUTATIONS + 1)
    seed_case = None
    for case, name, column, directed, unweighted in cases:
        extra = ["--group", column]
        if directed:
            extra.append("--directed")
        if unweighted:
            extra.append("--unweighted")
        out = oc.run_analyze(args, name, [*extra, "--permutations", str(PERMUTATIONS)],
                             tmp_root=root)
        ds = oc.load_dataset(args.datasets, name, directed, unweighted)
        exp = check_case(chk, case, out, ds, column)
        if seed_case is None and exp["summary"]["ei_p_value"] > 20 * floor:
            seed_case = (case, name, extra, exp)
    # Derived case: knoke_information plus an isolate alone in its own group (a group
    # without ties: silo_score NaN, no top broker, diagonal density 0/0 = NaN, bridging
    # NaN) and an actor with an empty sector tied to COUN (left out of COUN's contacts).
    case = "knoke + isolate group + ungrouped --dir"
    src = os.path.join(args.datasets, "knoke_information")
    rec, act = os.path.join(root, "knoke_x_records.csv"), os.path.join(root, "knoke_x_actors.csv")
    with open(os.path.join(src, "records.csv"), encoding="utf-8") as f:
        text = f.read()
    with open(rec, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\nYYY,COUN\n")
    with open(os.path.join(src, "actors.csv"), encoding="utf-8") as f:
        text = f.read()
    with open(act, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\nZZZ,solo,1.0\nYYY,,2.0\n")
    out = oc.run_analyze_files(args, rec, act, tempfile.mkdtemp(prefix="out_", dir=root),
                               ["--group", "sector", "--directed",
                                "--permutations", str(PERMUTATIONS)])
    ds = oc.load_dataset(args.datasets, "knoke_information", True, False,
                         records=rec, actors=act)
    check_case(chk, case, out, ds, "sector")

    if seed_case is None:
        chk.fail("seeds", "-", "case with p above its floor", "none", "one")
    else:
        check_seeds(chk, args, root, *seed_case)

    rc = chk.report()
    if args.keep:
        print(f"(kept {root})")
        tmp._finalizer.detach()
    else:
        tmp.cleanup()
    return rc


if __name__ == "__main__":
    oc.main_guard(run)
