"""Affiliations ("who took part in what") against NetworkX's bipartite projections.

bridgemap analyze --affiliations projects the two-mode actor x activity list to
co-participation ties. Expected values come from NetworkX 2.8 on the same files:
  - weight with --projection count: networkx.algorithms.bipartite.weighted_projected_graph
    (number of shared activities);
  - weight with --projection newman: collaboration_weighted_projected_graph
    (sum over shared activities of 1/(participants - 1), Newman 2001);
  - records + affiliations: the records' summed weights plus the projection's weights;
  - activities.csv: participants, groups, Blau index and cross-group pairs counted here
    from the actors file.
Cases: the bundled fjordvik affiliations (alone and with the records), and a small file
written here with a duplicate participation, a one-person activity and Danish letters.
"""
import csv
import itertools
import os
import sys
import tempfile

import networkx as nx
from networkx.algorithms import bipartite

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from oracle_common import Checker, main_guard, parse_args, read_csv  # noqa: E402
import subprocess  # noqa: E402


def run(args, outdir, *extra):
    cmd = [args.bridgemap, "analyze", *extra, "-o", outdir, "--quiet", "--no-map"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"bridgemap failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr}")
    ties = read_csv(os.path.join(outdir, "ties.csv"))
    acts = read_csv(os.path.join(outdir, "activities.csv"))
    return ties, acts


def bipartite_graph(aff_path):
    B = nx.Graph()
    with open(aff_path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a, act = r["actor"].strip(), r["activity"].strip()
            B.add_node(("a", a), bipartite=0)
            B.add_node(("x", act), bipartite=1)
            B.add_edge(("a", a), ("x", act))
    return B


def key(u, v):
    return tuple(sorted((u, v)))


def check_weights(chk, case, ties, expected):
    got = {key(r["source"], r["target"]): r for r in ties}
    chk.check_equal(case, "-", "tie count", len(got), len(expected))
    for k, w in expected.items():
        r = got.get(k)
        if r is None:
            chk.fail(case, k, "weight", "missing", w)
            continue
        chk.check(case, k, "weight", r["weight"], w)


def check_activities(chk, case, acts, B, group_of):
    got = {r["activity"]: r for r in acts}
    act_nodes = [n for n in B if n[0] == "x"]
    chk.check_equal(case, "-", "activities", len(got), len(act_nodes))
    for node in act_nodes:
        name = node[1]
        members = [m[1] for m in B[node]]
        r = got.get(name)
        if r is None:
            chk.fail(case, name, "row", "missing", "present")
            continue
        n = len(members)
        grouped = [group_of[m] for m in members if group_of.get(m)]
        shares = [grouped.count(g) / len(grouped) for g in set(grouped)] if grouped else []
        blau = 1 - sum(p * p for p in shares) if grouped else float("nan")
        cross = sum(1 for a, b in itertools.combinations(members, 2)
                    if group_of.get(a) and group_of.get(b) and group_of[a] != group_of[b])
        chk.check(case, name, "participants", r["participants"], n)
        chk.check(case, name, "groups", r["groups"], len(set(grouped)))
        chk.check(case, name, "blau", r["blau"], blau)
        chk.check(case, name, "pairs", r["pairs"], n * (n - 1) / 2)
        chk.check(case, name, "cross_group_pairs", r["cross_group_pairs"], cross)


def main():
    args = parse_args(__doc__)
    chk = Checker("test_affiliations_oracle")
    tmp = tempfile.mkdtemp(prefix="oracle_aff_")
    fj = os.path.join(args.datasets, "fjordvik")
    aff, actors, records = (os.path.join(fj, f) for f in ("affiliations.csv", "actors.csv", "records.csv"))
    group_of = {r["id"]: r["sector"] for r in read_csv(actors)}
    B = bipartite_graph(aff)
    people = [n for n in B if n[0] == "a"]
    count = bipartite.weighted_projected_graph(B, people)
    newman = bipartite.collaboration_weighted_projected_graph(B, people)
    exp_count = {key(u[1], v[1]): d["weight"] for u, v, d in count.edges(data=True)}
    exp_newman = {key(u[1], v[1]): d["weight"] for u, v, d in newman.edges(data=True)}

    ties, acts = run(args, os.path.join(tmp, "count"), "--affiliations", aff, "--actors", actors)
    check_weights(chk, "fjordvik affiliations, count", ties, exp_count)
    for r in ties:
        chk.check_equal("fjordvik affiliations, count", key(r["source"], r["target"]), "origin",
                        r["origin"], "affiliations")
    check_activities(chk, "fjordvik activities", acts, B, group_of)
    chk.section(f"fjordvik affiliations alone, count: {len(exp_count)} ties vs "
                f"bipartite.weighted_projected_graph; {len(acts)} activities (Blau, cross pairs)")

    ties, _ = run(args, os.path.join(tmp, "newman"), "--affiliations", aff, "--actors", actors,
                  "--projection", "newman")
    check_weights(chk, "fjordvik affiliations, newman", ties, exp_newman)
    chk.section(f"fjordvik affiliations alone, newman: {len(exp_newman)} ties vs "
                f"collaboration_weighted_projected_graph")

    # records + affiliations: weights add
    exp_both = dict(exp_count)
    rec_pairs = set()
    with open(records, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            k = key(r["source"].strip(), r["target"].strip())
            if k[0] == k[1]:
                continue
            exp_both[k] = exp_both.get(k, 0) + float(r["weight"] or 1)
            rec_pairs.add(k)
    ties, _ = run(args, os.path.join(tmp, "both"), records, "--affiliations", aff, "--actors", actors)
    check_weights(chk, "fjordvik records + affiliations", ties, exp_both)
    for r in ties:
        k = key(r["source"], r["target"])
        want = "both" if k in rec_pairs and k in exp_count else "records" if k in rec_pairs else "affiliations"
        chk.check_equal("fjordvik records + affiliations", k, "origin", r["origin"], want)
        chk.check("fjordvik records + affiliations", k, "activities", r["activities"], exp_count.get(k, 0))
    chk.section(f"fjordvik records + affiliations: {len(exp_both)} ties, weights = records + "
                f"shared activities, origin and activities columns")

    # a small file: a duplicate participation, a one-person activity, Danish letters
    small = os.path.join(tmp, "small.csv")
    with open(small, "w", encoding="utf-8", newline="") as f:
        f.write("Deltager;Aktivitet;Dato\nSøren;Sprint Æ;2024-01-10\nÅse;Sprint Æ;2024-01-10\n"
                "Søren;Sprint Æ;2024-01-11\nBjørn;Sprint Æ;2024-01-12\nÅse;Møde Ø;2024-02-01\n"
                "Bjørn;Møde Ø;2024-02-01\nSøren;Alene;2024-03-01\n")
    Bs = nx.Graph()
    for a, x in [("Søren", "Sprint Æ"), ("Åse", "Sprint Æ"), ("Bjørn", "Sprint Æ"),
                 ("Åse", "Møde Ø"), ("Bjørn", "Møde Ø"), ("Søren", "Alene")]:
        Bs.add_edge(("a", a), ("x", x))
    ppl = [n for n in Bs if n[0] == "a"]
    for proj, fn in (("count", bipartite.weighted_projected_graph),
                     ("newman", bipartite.collaboration_weighted_projected_graph)):
        exp = {key(u[1], v[1]): d["weight"] for u, v, d in fn(Bs, ppl).edges(data=True)}
        ties, acts = run(args, os.path.join(tmp, "small_" + proj), "--affiliations", small,
                         "--projection", proj)
        check_weights(chk, f"small, {proj}", ties, exp)
    got = {r["activity"]: r for r in acts}
    chk.check_equal("small", "Alene", "participants", got.get("Alene", {}).get("participants"), "1")
    chk.check_equal("small", "Sprint Æ", "participants", got.get("Sprint Æ", {}).get("participants"), "3")
    chk.check_equal("small", "Sprint Æ", "first_date", got.get("Sprint Æ", {}).get("first_date"), "2024-01-10")
    chk.check_equal("small", "Sprint Æ", "last_date", got.get("Sprint Æ", {}).get("last_date"), "2024-01-12")
    chk.section("small semicolon file with Danish header: duplicate participation counted once, "
                "one-person activity kept, dates")
    return chk.report()


if __name__ == "__main__":
    main_guard(main)
