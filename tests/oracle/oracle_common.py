"""Shared helpers for bridgemap's oracle tests (tests/oracle/test_*.py).

Run the tests with Debian's Python, which has networkx, python-igraph, numpy, scipy:

    /usr/bin/python3 tests/oracle/test_X.py --bridgemap build/bridgemap --datasets datasets

Every expected value is computed from the dataset files themselves (load_dataset below),
never from bridgemap's output. Only the standard library and networkx are needed here.
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

NAN = float("nan")


# ---------------------------------------------------------------- arguments, running

def parse_args(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--bridgemap", required=True, help="path to the bridgemap binary")
    p.add_argument("--datasets", required=True, help="path to the datasets/ directory")
    p.add_argument("--keep", action="store_true", help="keep the temporary output directories")
    a = p.parse_args()
    a.bridgemap = os.path.abspath(a.bridgemap)
    a.datasets = os.path.abspath(a.datasets)
    if not os.access(a.bridgemap, os.X_OK):
        print(f"ERROR: bridgemap binary not found or not executable: {a.bridgemap}")
        sys.exit(1)
    return a


class Output:
    """bridgemap's analyze outputs, parsed."""

    def __init__(self, outdir):
        self.dir = outdir
        self.actors = read_csv(os.path.join(outdir, "actors.csv"))
        self.ties = read_csv(os.path.join(outdir, "ties.csv"))
        gpath = os.path.join(outdir, "groups.csv")
        self.groups = read_csv(gpath) if os.path.exists(gpath) else None
        with open(os.path.join(outdir, "summary.json"), encoding="utf-8") as f:
            self.summary = json.load(f)

    def actor_by_id(self):
        return {r["id"]: r for r in self.actors}

    def group_by_name(self):
        return {r["group"]: r for r in (self.groups or [])}


def run_analyze(args, dataset, extra=(), tmp_root=None):
    """Run `bridgemap analyze` on datasets/DATASET into a fresh temp dir; return Output."""
    ddir = os.path.join(args.datasets, dataset)
    outdir = tempfile.mkdtemp(prefix=f"oracle_{dataset}_", dir=tmp_root)
    return run_analyze_files(args, os.path.join(ddir, "records.csv"),
                             os.path.join(ddir, "actors.csv"), outdir, extra)


def run_analyze_files(args, records, actors, outdir, extra=()):
    cmd = [args.bridgemap, "analyze", records, "--actors", actors, *extra,
           "-o", outdir, "--quiet", "--no-map"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"bridgemap failed (rc={r.returncode}): {' '.join(cmd)}\n"
                           f"stdout: {r.stdout}\nstderr: {r.stderr}")
    return Output(outdir)


# ---------------------------------------------------------------- reading

def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def num(cell):
    """CSV cell or JSON value -> float; empty cell / None -> NaN."""
    if cell is None:
        return NAN
    if isinstance(cell, (int, float)):
        return float(cell)
    cell = cell.strip()
    return NAN if cell == "" else float(cell)


class Dataset:
    """A dataset built independently from actors.csv + records.csv.

    ids: actor ids in file order; attrs: id -> row dict; ties: dict keyed by (u, v)
    (ordered arc when directed, sorted pair when undirected) -> [weight, count].
    """

    def __init__(self, ids, attrs, ties, directed, unweighted):
        self.ids, self.attrs, self.ties = ids, attrs, ties
        self.directed, self.unweighted = directed, unweighted

    def graph(self):
        """NetworkX graph: Graph or DiGraph with attributes weight (1 when unweighted),
        dist = 1/weight, count."""
        import networkx as nx
        G = nx.DiGraph() if self.directed else nx.Graph()
        G.add_nodes_from(self.ids)
        for (u, v), (w, c) in self.ties.items():
            ww = 1.0 if self.unweighted else float(w)
            G.add_edge(u, v, weight=ww, dist=1.0 / ww, count=c)
        return G

    def undirected_pairs(self):
        """OR-symmetrised undirected tie set: set of frozensets."""
        return {frozenset(k) for k in self.ties}


def load_dataset(datasets_dir, name, directed=False, unweighted=False,
                 records=None, actors=None):
    apath = actors or os.path.join(datasets_dir, name, "actors.csv")
    rpath = records or os.path.join(datasets_dir, name, "records.csv")
    arows = read_csv(apath)
    ids = [r["id"] for r in arows]
    attrs = {r["id"]: r for r in arows}
    ties = {}
    for r in read_csv(rpath):
        s, t = r["source"], r["target"]
        if s == t:
            continue
        w = 1.0
        if not unweighted and r.get("weight", "") not in ("", None):
            w = float(r["weight"])
        key = (s, t) if directed else tuple(sorted((s, t)))
        if key not in ties:
            ties[key] = [0.0, 0]
        ties[key][0] += w
        ties[key][1] += 1
    for (s, t) in ties:
        for x in (s, t):
            if x not in attrs:
                raise ValueError(f"{rpath}: actor {x} not in {apath}")
    return Dataset(ids, attrs, ties, directed, unweighted)


# ---------------------------------------------------------------- comparing

def close(ours, expected, rel=1e-9, abs_tol=1e-12):
    """True when both are NaN, or both finite and close (relative, with a tiny absolute
    floor for values that should be 0)."""
    a, b = float(ours), float(expected)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_tol)


class Checker:
    """Collects comparisons; report() prints a summary and returns the exit code."""

    def __init__(self, name):
        self.name = name
        self.n_checks = 0
        self.mismatches = []
        self.sections = []

    def check(self, case, key, column, ours, expected, rel=1e-9, abs_tol=1e-12):
        self.n_checks += 1
        try:
            ok = close(num(ours), num(expected), rel, abs_tol)
        except (TypeError, ValueError):
            ok = ours == expected
        if not ok:
            self.mismatches.append((case, key, column, ours, expected))
        return ok

    def check_equal(self, case, key, column, ours, expected):
        self.n_checks += 1
        if ours != expected:
            self.mismatches.append((case, key, column, ours, expected))
            return False
        return True

    def fail(self, case, key, column, ours, expected):
        self.n_checks += 1
        self.mismatches.append((case, key, column, ours, expected))

    def section(self, text):
        self.sections.append(text)
        print(f"  checked: {text}")

    def report(self, max_lines=200):
        print()
        if not self.mismatches:
            print(f"{self.name}: PASS ({self.n_checks} comparisons)")
            return 0
        print(f"{self.name}: FAIL: {len(self.mismatches)} of {self.n_checks} comparisons differ")
        print(f"{'case':<34} {'actor/key':<28} {'column':<18} {'ours':>24} {'expected':>24}")
        for case, key, col, ours, exp in self.mismatches[:max_lines]:
            print(f"{case:<34} {str(key):<28} {col:<18} {fmt(ours):>24} {fmt(exp):>24}")
        if len(self.mismatches) > max_lines:
            print(f"... and {len(self.mismatches) - max_lines} more")
        return 1


def fmt(x):
    if isinstance(x, float):
        return repr(x)
    return str(x)


def main_guard(fn):
    """Run fn() -> exit code; any exception is a failure with exit code 1."""
    try:
        rc = fn()
    except Exception as e:  # noqa: BLE001 - a crash is a failed test, reported clearly
        import traceback
        traceback.print_exc()
        print(f"ERROR: {e}")
        rc = 1
    sys.exit(rc)
