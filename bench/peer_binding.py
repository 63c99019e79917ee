#!/usr/bin/python3
"""bench/peer_binding.py: the Python binding's own costs, against peers in the same run.

  /usr/bin/python3 bench/peer_binding.py bench/data/1M [--repeat 3]

on a directory of records.csv and actors.csv (bench/run.sh makes them; or
build/tests/bm_test_gen_network --ties 1M DIR). It times, best of --repeat:

  load      bridgemap.load(records, actors=...)  vs  python-igraph reading the same
            records (Graph.Read_Ncol on the two id columns, the loader peer of
            bench/run.sh) and pandas.read_csv of records.csv + actors.csv
  tables    turning the analysis's ties and actors tables into DataFrames (the
            copy out of the C library)  vs  pandas.read_csv of the same tables
            written as CSV: what a user of the command line would do instead

The analysis itself (sampled path measures, 10 permutations) is run once and not
timed here: it is the library's, timed by bench/run.sh. Prints one line per
figure with the ratio bridgemap / peer.
"""
import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "python"))
import bridgemap as bm  # noqa: E402
import igraph as ig  # noqa: E402
import pandas as pd  # noqa: E402


def best(fn, repeat):
    out, times = None, []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rec, act = (os.path.join(args.data, f) for f in ("records.csv", "actors.csv"))
    print("# bridgemap %s (%s), igraph %s, pandas %s" % (bm.version(), bm.library_path,
                                                         ig.__version__, pd.__version__))

    t_bm, net = best(lambda: bm.load(rec, actors=act), args.repeat)

    def igraph_load():
        with tempfile.NamedTemporaryFile("w", suffix=".ncol") as f:
            with open(rec, encoding="utf-8") as r:
                next(r)
                for line in r:
                    s, t = line.split(",", 2)[:2]
                    f.write(s + " " + t + "\n")
            f.flush()
            t0 = time.perf_counter()
            g = ig.Graph.Read_Ncol(f.name, directed=False)
            return time.perf_counter() - t0, g
    t_ig = min(igraph_load()[0] for _ in range(args.repeat))
    t_pd, _ = best(lambda: (pd.read_csv(rec), pd.read_csv(act)), args.repeat)
    print("load    %s: bridgemap.load %.2f s | Read_Ncol %.2f s (%.2fx) | read_csv %.2f s (%.2fx)"
          % (net, t_bm, t_ig, t_bm / t_ig, t_pd, t_bm / t_pd))

    a = net.analyze(paths="sampled", epsilon=0.1, permutations=10, no_map=True)
    with tempfile.TemporaryDirectory() as d:
        for name in ("ties", "actors"):
            t_tab, df = best(lambda: a.table(name), args.repeat)
            path = os.path.join(d, name + ".csv")
            df.to_csv(path, index=False)
            t_csv, _ = best(lambda: pd.read_csv(path), args.repeat)
            print("tables  %-6s %s: DataFrame from the library %.2f s | read_csv %.2f s (%.2fx)"
                  % (name, "x".join(map(str, df.shape)), t_tab, t_csv, t_tab / t_csv))


if __name__ == "__main__":
    main()
