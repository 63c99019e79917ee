#!/usr/bin/python3
"""compare_calibration.py: false-positive rate and power of `bridgemap compare`'s change test.

Usage: /usr/bin/python3 bench/compare_calibration.py BRIDGEMAP [SEEDS] [PERMUTATIONS]

Synthetic networks of 120 actors in 4 groups of 30, two periods, SEEDS data sets per scenario
(default 200), each tested with PERMUTATIONS (default 999) and the test's seed fixed:

  null-exchangeable  400 pairs (70% inside a group); each pair's period pattern (before only,
                     after only, both: 40/40/20%) drawn independently of whether it crosses
                     groups: the test's own null model, so the rate of p < alpha must be alpha.
  null-actors        each period drawn afresh from the same actor-level model: actors have a
                     Pareto(2.2) activity, a tie's ends are drawn in proportion to activity,
                     30% of ties cross groups in both periods. Mixing does not change, but
                     pairs share actors, which the test treats as exchangeable.
  planted            as null-actors, but 45% of the second period's ties cross groups (30%
                     before): the power to see a rise of 15 points.
  planted-small      as planted with 36% after (a rise of 6 points).

Prints, per scenario, the share of data sets with p < 0.05 and p < 0.01 (with a binomial
standard error), as CSV.
"""
import csv, os, random, subprocess, sys, tempfile, json, math

BM = sys.argv[1]
SEEDS = int(sys.argv[2]) if len(sys.argv) > 2 else 200
PERMS = int(sys.argv[3]) if len(sys.argv) > 3 else 999
N, K = 120, 4
group = {f"a{i}": f"g{i * K // N}" for i in range(N)}


def pairs_exchangeable(rng):
    ids = list(group)
    pairs = set()
    while len(pairs) < 400:
        a = rng.choice(ids)
        inside = rng.random() < 0.7
        b = rng.choice([x for x in ids if (group[x] == group[a]) == inside and x != a])
        pairs.add(tuple(sorted((a, b))))
    before, after = [], []
    for p in sorted(pairs):
        u = rng.random()
        if u < 0.4:
            before.append(p)
        elif u < 0.8:
            after.append(p)
        else:
            before.append(p); after.append(p)
    return before, after


def period_actors(rng, activity, cross_share, m=200):
    ids = list(group)
    w = [activity[x] for x in ids]
    out = set()
    while len(out) < m:
        a = rng.choices(ids, weights=w)[0]
        cross = rng.random() < cross_share
        cand = [x for x in ids if x != a and (group[x] != group[a]) == cross]
        b = rng.choices(cand, weights=[activity[x] for x in cand])[0]
        out.add(tuple(sorted((a, b))))
    return sorted(out)


def write(path, pairs):
    with open(path, "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["source", "target"])
        wr.writerows(pairs)


def run(tmp, before, after):
    write(os.path.join(tmp, "b.csv"), before)
    write(os.path.join(tmp, "a.csv"), after)
    out = os.path.join(tmp, "out")
    subprocess.run([BM, "compare", os.path.join(tmp, "b.csv"), os.path.join(tmp, "a.csv"),
                    "--actors", os.path.join(tmp, "actors.csv"), "-o", out, "-q",
                    "--permutations", str(PERMS), "--jobs", "1"], check=True)
    return json.load(open(os.path.join(out, "compare.json")))["test"]["p_value"]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "actors.csv"), "w") as f:
            f.write("id,sector\n" + "".join(f"{a},{g}\n" for a, g in group.items()))
        print("scenario,datasets,rate_p_below_0.05,se,rate_p_below_0.01,se")
        for name in ("null-exchangeable", "null-actors", "planted", "planted-small"):
            hits05 = hits01 = 0
            for s in range(SEEDS):
                rng = random.Random(1000 + s)
                if name == "null-exchangeable":
                    before, after = pairs_exchangeable(rng)
                else:
                    activity = {x: rng.paretovariate(2.2) for x in group}
                    after_share = {"null-actors": 0.30, "planted": 0.45, "planted-small": 0.36}[name]
                    before = period_actors(rng, activity, 0.30)
                    after = period_actors(rng, activity, after_share)
                p = run(tmp, before, after)
                hits05 += p < 0.05
                hits01 += p < 0.01
            r05, r01 = hits05 / SEEDS, hits01 / SEEDS
            print(f"{name},{SEEDS},{r05:.3f},{math.sqrt(r05 * (1 - r05) / SEEDS):.3f},"
                  f"{r01:.3f},{math.sqrt(r01 * (1 - r01) / SEEDS):.3f}", flush=True)


main()
