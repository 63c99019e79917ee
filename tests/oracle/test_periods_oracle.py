"""analyze --by: each period's figures against NetworkX on that period's records.

For every calendar quarter, month and year of the bundled fjordvik records, the network of
the records dated in the period is built here with NetworkX (undirected, pairs aggregated,
self-loops dropped, every actor of the actors file kept as a node) and compared with the row
of OUT/summary_by_period.csv: records, ties, density (nx.density), components
(nx.number_connected_components), transitivity (nx.transitivity), and the E-I index counted
here by hand over ties between grouped actors (Krackhardt & Stern 1988). Period labels and
bounds are derived here from the calendar.
"""
import calendar
import csv
import os
import subprocess
import sys
import tempfile

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from oracle_common import Checker, main_guard, parse_args, read_csv  # noqa: E402


def periods(unit, dates):
    lo, hi = min(dates), max(dates)
    y, m = int(lo[:4]), int(lo[5:7])
    months = {"month": 1, "quarter": 3, "year": 12}[unit]
    m = {"month": m, "quarter": (m - 1) // 3 * 3 + 1, "year": 1}[unit]
    out = []
    while True:
        ye, me = y + (m - 1 + months - 1) // 12, (m - 1 + months - 1) % 12 + 1
        start = f"{y:04d}-{m:02d}-01"
        end = f"{ye:04d}-{me:02d}-{calendar.monthrange(ye, me)[1]:02d}"
        if start > hi:
            break
        label = {"month": f"{y:04d}-{m:02d}", "quarter": f"{y:04d}-Q{(m - 1) // 3 + 1}",
                 "year": f"{y:04d}"}[unit]
        out.append((label, start, end))
        y, m = y + (m - 1 + months) // 12, (m - 1 + months) % 12 + 1
    return out


def main():
    args = parse_args(__doc__)
    chk = Checker("test_periods_oracle")
    fj = os.path.join(args.datasets, "fjordvik")
    actors = read_csv(os.path.join(fj, "actors.csv"))
    sector = {r["id"]: r["sector"] for r in actors}
    records = read_csv(os.path.join(fj, "records.csv"))
    ids = set(sector) | {r["source"] for r in records} | {r["target"] for r in records}
    dates = [r["date"] for r in records]
    for unit in ("quarter", "month", "year"):
        out = tempfile.mkdtemp(prefix=f"oracle_by_{unit}_")
        cmd = [args.bridgemap, "analyze", os.path.join(fj, "records.csv"), "--actors",
               os.path.join(fj, "actors.csv"), "--by", unit, "-o", out, "--quiet", "--no-map",
               "--permutations", "99"]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"bridgemap failed: {' '.join(cmd)}\n{r.stderr}")
        rows = read_csv(os.path.join(out, "summary_by_period.csv"))
        want = periods(unit, dates)
        chk.check_equal(unit, "-", "periods", [(x["period"], x["from"], x["to"]) for x in rows], want)
        if not os.path.exists(os.path.join(out, "ei_by_period.svg")):
            chk.fail(unit, "-", "ei_by_period.svg", "missing", "written")
        for row, (label, start, end) in zip(rows, want):
            G = nx.Graph()
            G.add_nodes_from(ids)
            n_rec = 0
            for rec in records:
                if start <= rec["date"] <= end:
                    n_rec += 1
                    if rec["source"] != rec["target"]:
                        G.add_edge(rec["source"], rec["target"])
            internal = external = 0
            for a, b in G.edges():
                if sector.get(a) and sector.get(b):
                    if sector[a] == sector[b]:
                        internal += 1
                    else:
                        external += 1
            ei = (external - internal) / (external + internal) if external + internal else float("nan")
            chk.check(unit, label, "records", row["records"], n_rec)
            chk.check(unit, label, "ties", row["ties"], G.number_of_edges())
            chk.check(unit, label, "nodes", row["nodes"], G.number_of_nodes())
            chk.check(unit, label, "density", row["density"], nx.density(G))
            chk.check(unit, label, "components", row["components"], nx.number_connected_components(G))
            # with no connected triple transitivity is 0/0: bridgemap says undefined (igraph's
            # IGRAPH_TRANSITIVITY_NAN), NetworkX returns 0 by convention
            triples = sum(d * (d - 1) // 2 for _, d in G.degree())
            chk.check(unit, label, "transitivity", row["transitivity"] or "nan",
                      nx.transitivity(G) if triples else float("nan"))
            chk.check(unit, label, "ei_index", row["ei_index"] if row["ei_index"] != "" else "nan", ei)
        chk.section(f"fjordvik --by {unit}: {len(want)} periods (labels, bounds, records, ties, "
                    f"density, components, transitivity, E-I) vs NetworkX per period")
    return chk.report()


if __name__ == "__main__":
    main_guard(main)
