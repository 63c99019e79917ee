#!/usr/bin/python3
"""Oracle test: bridgemap's Gould & Fernandez brokerage columns (actors.csv) against R sna's
brokerage() (Debian r-cran-sna, run with /usr/bin/Rscript), from the dataset files.

Columns compared, per actor (role in coordinator, itinerant, representative, gatekeeper,
liaison, total): brokerage_<role> against sna's raw.nli, brokerage_<role>_expected against
exp.nli and brokerage_<role>_z against z.nli, with sna's columns w_I, w_O, b_IO, b_OI, b_O, t
in that order. Undefined values (sna's NaN, e.g. z where the variance is 0) must be empty.

Conventions (shared/MEASURES.md, src/measure/brokerage.c): directed cases give sna the arc matrix,
undirected ones the symmetric matrix (a tie is two arcs, so representative == gatekeeper);
actors whose group cell is empty are left out: sna gets the network induced by the grouped
actors, and bridgemap must leave all 18 cells of an ungrouped actor empty.

As a check of the oracle itself, the raw counts sna returns are recounted here by plain
loops over open two-paths a -> v -> t (a != t, no arc a -> t).

Cases: krackhardt_advice/department, lazega_advice/office, knoke_information/sector
(--directed); fjordvik/sector and fjordvik/unit (undirected; unit has 19 groups); and two
derived cases with some group cells emptied: fjordvik/sector and knoke_information/sector
--directed.
"""
import csv
import math
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keep tests/oracle free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_common as oc  # noqa: E402

NAN = float("nan")
REL = 1e-9
ABS = 1e-9      # z-scores that should be 0 up to rounding
RSCRIPT = "/usr/bin/Rscript"
ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]
SNA_COLUMNS = ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"]

# Reads an adjacency matrix (no header) and one integer group code per line; writes
# raw.nli, exp.nli, z.nli side by side with 17 significant digits ("NaN", "Inf" as such).
R_SCRIPT = r"""
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(sna))
g <- as.matrix(read.csv(args[1], header = FALSE))
dimnames(g) <- NULL
cl <- as.integer(readLines(args[2]))
b <- brokerage(g, cl)
out <- cbind(b$raw.nli, b$exp.nli, b$z.nli)
lines <- apply(out, 1, function(r) paste(sprintf("%.17g", r), collapse = ","))
writeLines(lines, args[3])
"""


def sna_brokerage(tmp, ids, arcs, code):
    """Runs sna on actors ids (order kept), arc set arcs, group codes code[id];
    returns {id: {"raw": [6], "exp": [6], "z": [6]}}."""
    index = {v: i for i, v in enumerate(ids)}
    n = len(ids)
    mat = [[0] * n for _ in range(n)]
    for (a, t) in arcs:
        mat[index[a]][index[t]] = 1
    mpath, cpath, opath, spath = (os.path.join(tmp, f) for f in
                                  ("adj.csv", "cl.txt", "out.csv", "brokerage.R"))
    with open(mpath, "w") as f:
        for row in mat:
            f.write(",".join(map(str, row)) + "\n")
    with open(cpath, "w") as f:
        f.write("".join(f"{code[v]}\n" for v in ids))
    with open(spath, "w") as f:
        f.write(R_SCRIPT)
    r = subprocess.run([RSCRIPT, "--vanilla", spath, mpath, cpath, opath],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"Rscript failed (rc={r.returncode}): {r.stderr}")
    res = {}
    with open(opath) as f:
        rows = [line.strip().split(",") for line in f if line.strip()]
    if len(rows) != n:
        raise RuntimeError(f"sna returned {len(rows)} rows for {n} actors")
    for v, row in zip(ids, rows):
        x = [float(c) for c in row]
        res[v] = {"raw": x[0:6], "exp": x[6:12], "z": x[12:18]}
    return res


def loop_counts(ids, arcs, code):
    """Raw role counts by plain loops (Gould & Fernandez 1989), independent of sna."""
    out = {v: set() for v in ids}
    for (a, t) in arcs:
        out[a].add(t)
    counts = {v: [0] * 6 for v in ids}
    for a in ids:
        for v in out[a]:
            for t in out[v]:
                if t == a or t in out[a]:
                    continue
                ga, gv, gt = code[a], code[v], code[t]
                if ga == gv == gt:
                    r = 0
                elif ga == gt:
                    r = 1
                elif ga == gv:
                    r = 2
                elif gv == gt:
                    r = 3
                else:
                    r = 4
                counts[v][r] += 1
                counts[v][5] += 1
    return counts


def check_case(chk, case, out, ds, column, tmp):
    group = {v: ds.attrs[v][column] for v in ds.ids}
    grouped = [v for v in ds.ids if group[v] != ""]
    names = sorted({group[v] for v in grouped})
    code = {v: names.index(group[v]) + 1 for v in grouped}
    arcs = set()
    for (s, t) in ds.ties:
        if group[s] == "" or group[t] == "":
            continue
        arcs.add((s, t))
        if not ds.directed:
            arcs.add((t, s))
    sna = sna_brokerage(tmp, grouped, arcs, code)

    # the oracle against its definition
    loops = loop_counts(grouped, arcs, code)
    for v in grouped:
        for k in range(6):
            chk.check(case + " [oracle]", v, "sna vs loops " + SNA_COLUMNS[k],
                      sna[v]["raw"][k], loops[v][k])

    rows = out.actor_by_id()
    header = out.actors[0].keys() if out.actors else []
    cols = []
    for k, role in enumerate(ROLES):
        cols += [(f"brokerage_{role}", "raw", k), (f"brokerage_{role}_expected", "exp", k),
                 (f"brokerage_{role}_z", "z", k)]
    missing = [c for c, _, _ in cols if c not in header]
    for c in missing:
        chk.fail(case, "-", c, "no such column", "present in actors.csv")
    cols = [c for c in cols if c[0] not in missing]
    n_nan = 0
    for v in ds.ids:
        if v not in rows:
            chk.fail(case, v, "actor row", "missing", "present")
            continue
        for col, part, k in cols:
            want = sna[v][part][k] if v in sna else NAN  # ungrouped: every cell empty
            n_nan += isinstance(want, float) and math.isnan(want)
            chk.check(case, v, col, rows[v][col], want, REL, ABS)
    if not ds.directed:
        for v in grouped:
            chk.check(case + " [oracle]", v, "sna b_IO == b_OI", sna[v]["raw"][2], sna[v]["raw"][3])
    chk.section(f"{case}: {len(ds.ids)} actors ({len(ds.ids) - len(grouped)} without group) "
                f"x {len(cols)} columns vs sna raw/exp/z.nli, {len(arcs)} arcs, "
                f"{len(names)} groups, {n_nan} expected NaN cells, "
                f"{sum(loops[v][5] for v in grouped)} open two-paths")


def blank_some(ds_dir, column, every, tmp, name):
    """A copy of ds_dir/actors.csv with `column` emptied for every `every`-th actor
    (1-based rows every, 2*every, ...); returns its path."""
    with open(os.path.join(ds_dir, "actors.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0].keys())
    for i, r in enumerate(rows, 1):
        if i % every == 0:
            r[column] = ""
    path = os.path.join(tmp, f"{name}_actors.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    return path


def run():
    args = oc.parse_args(__doc__.splitlines()[0])
    if not os.access(RSCRIPT, os.X_OK):
        print(f"ERROR: {RSCRIPT} not found (install r-base-core and r-cran-sna)")
        return 1
    chk = oc.Checker("test_brokerage_oracle")
    tmp = tempfile.TemporaryDirectory(prefix="oracle_brokerage_")
    root = tmp.name

    # (case, dataset, grouping column, directed, blank every k-th group cell or 0)
    cases = [
        ("krackhardt_advice/department --dir", "krackhardt_advice", "department", True, 0),
        ("lazega_advice/office --directed", "lazega_advice", "office", True, 0),
        ("knoke_information/sector --dir", "knoke_information", "sector", True, 0),
        ("fjordvik/sector", "fjordvik", "sector", False, 0),
        ("fjordvik/unit", "fjordvik", "unit", False, 0),
        ("fjordvik/sector, 1/7 ungrouped", "fjordvik", "sector", False, 7),
        ("knoke/sector --dir, 1/4 ungrouped", "knoke_information", "sector", True, 4),
    ]
    for i, (case, name, column, directed, every) in enumerate(cases):
        extra = ["--group", column] + (["--directed"] if directed else [])
        ddir = os.path.join(args.datasets, name)
        actors = os.path.join(ddir, "actors.csv")
        if every:
            actors = blank_some(ddir, column, every, root, f"case{i}")
        outdir = tempfile.mkdtemp(prefix=f"out{i}_", dir=root)
        out = oc.run_analyze_files(args, os.path.join(ddir, "records.csv"), actors, outdir,
                                   extra)
        ds = oc.load_dataset(args.datasets, name, directed, False, actors=actors)
        rdir = tempfile.mkdtemp(prefix=f"r{i}_", dir=root)
        check_case(chk, case, out, ds, column, rdir)

    rc = chk.report()
    if args.keep:
        print(f"(kept {root})")
        tmp._finalizer.detach()
    else:
        tmp.cleanup()
    return rc


if __name__ == "__main__":
    oc.main_guard(run)
