#!/usr/bin/python3
"""The Python binding (python/bridgemap) against the command line and against numbers from
outside bridgemap.

1. Same tables: on the same input and seed, every table the binding returns equals the CSV
   the CLI writes, cell by cell (numbers exactly: the CLI writes the shortest text that reads
   back to the same double), and Analysis.write / Comparison.write give the CLI's files byte
   for byte: analyze (Fjordvik with affiliations, by unit), analyze --by quarter, Lazega
   directed with two levels, compare --split-date and compare --by quarter.
2. Outside numbers: Lazega advice by office, E-I published by Hanneman & Riddle (ch. 8,
   UCINET): network -0.5481172, Boston -0.7082936, Hartford -0.2011662, Providence 0.6190476;
   the change test's shares counted here from records.csv by plain loops.
3. Errors: every case of the bad-input corpus (tests/bad_input/cases.tsv) that the library
   itself refuses raises InputError/UsageError with the corpus' exact message; bad options
   raise UsageError.
4. DataFrames (and lists of dicts) in place of files give the same tables; without pandas,
   tables are lists of dicts.
5. No leaks: 150 rounds of load, analyze, tables, narrative, map, compare, trend and close keep
   the memory malloc has handed out (glibc mallinfo2) within 256 KB: a leak of one text column
   copy per round (about 15 KB) would add 2 MB.

Run: test_binding.py --library build/libbridgemap.so --bridgemap build/bridgemap --source .
"""
import argparse
import csv
import ctypes
import filecmp
import gc
import math
import numbers
import os
import shlex
import subprocess
import sys
import tempfile
import warnings

sys.dont_write_bytecode = True

FAILS = []
COUNT = [0]


def check(ok, what):
    COUNT[0] += 1
    if not ok:
        FAILS.append(what)
        print("FAIL:", what)


def same_cell(got, want_text):
    """A binding value against the CLI's CSV cell."""
    if isinstance(got, numbers.Integral) and not isinstance(got, bool):
        return want_text == str(int(got))
    if isinstance(got, numbers.Real):
        got = float(got)
        if want_text == "":
            return math.isnan(got)
        try:
            return float(want_text) == got or (math.isinf(got) and want_text in ("inf", "-inf"))
        except ValueError:
            return False
    return got == want_text


def compare_table(df, path, what):
    """DataFrame (or list of dicts) df equals the CLI's CSV file at path."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    cols = list(df.columns) if hasattr(df, "columns") else list(df[0].keys())
    check(cols == header, "%s: columns %s vs CSV %s" % (what, cols, header))
    n = len(df)
    check(n == len(body), "%s: %d rows vs CSV %d" % (what, n, len(body)))
    bad = 0
    records = df.to_dict("records") if hasattr(df, "to_dict") else df
    for r, (got, want) in enumerate(zip(records, body)):
        for c, name in enumerate(header):
            if not same_cell(got.get(name), want[c]):
                bad += 1
                if bad <= 3:
                    print("  %s row %d column %s: %r vs CSV %r" % (what, r, name, got.get(name), want[c]))
    check(bad == 0, "%s: %d cells differ from the CLI" % (what, bad))
    return n * len(header)


def same_files(dir_a, dir_b, what):
    a, b = sorted(os.listdir(dir_a)), sorted(os.listdir(dir_b))
    check(a == b, "%s: files %s vs %s" % (what, a, b))
    for name in a:
        if name in b:
            check(filecmp.cmp(os.path.join(dir_a, name), os.path.join(dir_b, name), shallow=False),
                  "%s: %s differs from the CLI's" % (what, name))
    return len(a)


def cli(args, bm):
    r = subprocess.run([bm] + args, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("bridgemap %s failed: %s" % (" ".join(args), r.stderr))
    return r


def test_same_as_cli(bridgemap, bmexe, src, tmp):
    fj = os.path.join(src, "datasets", "fjordvik")
    rec, act, aff = (os.path.join(fj, f) for f in ("records.csv", "actors.csv", "affiliations.csv"))
    cells = files = 0

    # analyze with affiliations, by unit
    out = os.path.join(tmp, "cli_fj")
    cli(["analyze", rec, "--actors", act, "--affiliations", aff, "--group", "unit",
         "--permutations", "2000", "--title", "Fjordvik", "-o", out, "--quiet"], bmexe)
    a = bridgemap.analyze(rec, actors=act, affiliations=aff, group="unit", permutations=2000,
                          title="Fjordvik")
    for name, file in (("actors", "actors.csv"), ("ties", "ties.csv"), ("groups", "groups.csv"),
                       ("group_pairs", "group_pairs.csv"), ("suggestions", "suggestions.csv"),
                       ("dependence", "group_pair_dependence.csv"), ("activities", "activities.csv")):
        cells += compare_table(a.table(name), os.path.join(out, file), "fjordvik " + name)
    py = a.write(os.path.join(tmp, "py_fj"))
    files += same_files(out, py, "fjordvik write")
    r = cli(["analyze", rec, "--actors", act, "--affiliations", aff, "--group", "unit",
             "--permutations", "2000", "--no-map", "-o", os.path.join(tmp, "cli_fj2")], bmexe)
    check(a.narrative == r.stdout, "narrative equals what analyze prints")
    s = a.summary
    check(s["ties"] == a.network.n_ties and s["nodes"] == a.network.n_actors, "summary counts")

    # --by quarter
    out = os.path.join(tmp, "cli_q")
    cli(["analyze", rec, "--actors", act, "--by", "quarter", "--permutations", "500",
         "--no-map", "-o", out, "--quiet"], bmexe)
    a = bridgemap.analyze(rec, actors=act, by="quarter", permutations=500)
    cells += compare_table(a.periods, os.path.join(out, "summary_by_period.csv"), "periods")
    files += same_files(out, a.write(os.path.join(tmp, "py_q"), maps=False), "by quarter write")

    # Lazega, directed, two levels
    lz = os.path.join(src, "datasets", "lazega_advice")
    out = os.path.join(tmp, "cli_lz")
    cli(["analyze", os.path.join(lz, "records.csv"), "--actors", os.path.join(lz, "actors.csv"),
         "--directed", "--group", "office,practice", "--permutations", "1000", "--no-map",
         "-o", out, "--quiet"], bmexe)
    a = bridgemap.analyze(os.path.join(lz, "records.csv"), actors=os.path.join(lz, "actors.csv"),
                          directed=True, group="office,practice", permutations=1000)
    check(a.levels == ["office", "practice"], "levels: %s" % a.levels)
    cells += compare_table(a.actors, os.path.join(out, "actors.csv"), "lazega actors")
    cells += compare_table(a.table("groups", level=1), os.path.join(out, "groups_practice.csv"),
                           "lazega groups level 2")
    files += same_files(out, a.write(os.path.join(tmp, "py_lz"), maps=False), "lazega write")

    # compare --split-date
    out = os.path.join(tmp, "cli_cmp")
    cli(["compare", rec, "--actors", act, "--split-date", "2024-01-01", "--group", "unit",
         "--permutations", "2000", "-o", out, "--quiet"], bmexe)
    c = bridgemap.compare(rec, actors=act, split_date="2024-01-01", group="unit", permutations=2000)
    for name, file in (("summary", "compare_summary.csv"), ("groups", "compare_groups.csv"),
                       ("pairs", "compare_group_pairs.csv"), ("actors", "compare_actors.csv"),
                       ("ties", "compare_ties.csv")):
        cells += compare_table(getattr(c, name), os.path.join(out, file), "compare " + name)
    files += same_files(out, c.write(os.path.join(tmp, "py_cmp")), "compare write")
    # compare --by quarter
    out = os.path.join(tmp, "cli_trend")
    cli(["compare", rec, "--actors", act, "--by", "quarter", "--group", "unit",
         "--permutations", "500", "-o", out, "--quiet"], bmexe)
    t = bridgemap.trend(rec, by="quarter", actors=act, group="unit", permutations=500)
    cells += compare_table(t.table, os.path.join(out, "compare_by_period.csv"), "trend")
    with open(os.path.join(out, "ei_by_period.svg"), encoding="utf-8") as f:
        check(t.chart() == f.read(), "trend chart equals the CLI's ei_by_period.svg")
    files += 1
    print("same as the CLI: %d cells, %d files byte for byte" % (cells, files))
    return c


def test_outside_numbers(bridgemap, src, comparison):
    lz = os.path.join(src, "datasets", "lazega_advice")
    a = bridgemap.analyze(os.path.join(lz, "records.csv"), actors=os.path.join(lz, "actors.csv"),
                          group="office", permutations=200)
    published = {"Boston": -0.7082936, "Hartford": -0.2011662, "Providence": 0.6190476}
    check(abs(a.summary["ei_index"] - (-0.5481172)) < 1e-6,
          "Lazega network E-I %r vs published -0.5481172" % a.summary["ei_index"])
    groups = a.groups.set_index("group")["ei_index"] if hasattr(a.groups, "set_index") else None
    for office, want in published.items():
        check(abs(groups[office] - want) < 1e-6, "Lazega %s E-I %r vs published %r" %
              (office, groups[office], want))
    check(a.network.n_ties == 717, "Lazega OR-symmetrised ties: %d vs 717" % a.network.n_ties)

    # the change test's shares, counted by plain loops over records.csv
    fj = os.path.join(src, "datasets", "fjordvik")
    unit = {r["id"]: r["unit"] for r in csv.DictReader(open(os.path.join(fj, "actors.csv"), encoding="utf-8"))}
    shares = []
    for lo, hi in (("", "2024-01-01"), ("2024-01-01", "9999")):
        pairs = set()
        for r in csv.DictReader(open(os.path.join(fj, "records.csv"), encoding="utf-8")):
            if lo <= r["date"] < hi and r["source"] != r["target"]:
                pairs.add(frozenset((r["source"], r["target"])))
        grouped = [p for p in pairs if all(unit.get(x) for x in p)]
        cross = [p for p in grouped if len({unit[x] for x in p}) == 2]
        shares.append((len(cross) / len(grouped), len(grouped)))
    t = comparison.test
    check(abs(t["share_before"] - shares[0][0]) < 1e-12 and t["ties_before"] == shares[0][1],
          "share before %r vs counted %r" % (t["share_before"], shares[0]))
    check(abs(t["share_after"] - shares[1][0]) < 1e-12 and t["ties_after"] == shares[1][1],
          "share after %r vs counted %r" % (t["share_after"], shares[1]))
    check(t["p_value"] < 0.01, "the bootcamp's rise is significant: p = %r" % t["p_value"])


def kwargs_of(args, path):
    """cases.tsv arguments as load() keyword arguments; None when they cannot be."""
    words = shlex.split(args)
    kw = {}
    i = 0
    while i < len(words):
        w = words[i]
        if w == "{f}":
            kw["records"] = path
        elif w.startswith("--"):
            name = w[2:].replace("-", "_")
            if name in ("directed", "undirected", "strict", "unweighted"):
                kw[name] = True
            elif i + 1 < len(words):
                i += 1
                kw[name] = words[i].replace("{f}", path)
            else:
                return None
        else:
            return None
        i += 1
    if "from" in kw:
        kw["from_"] = kw.pop("from")
    return kw


def test_errors(bridgemap, src, tmp):
    corpus = os.path.join(src, "tests", "bad_input")
    here = os.getcwd()
    os.chdir(corpus)  # the messages name files as given
    raised = same = skipped = 0
    try:
        for line in open("cases.tsv", encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            file, args, code, msg = line.rstrip("\n").split("\t")
            kw = kwargs_of(args, file)
            if kw is None or "group" in kw:
                skipped += 1
                continue
            records = kw.pop("records", None)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    bridgemap.load(records, **kw)
                check(False, "%s: loaded, the CLI says %r" % (file, msg))
            except bridgemap.Error as e:
                raised += 1
                want = bridgemap.InputError if code == "1" else bridgemap.UsageError
                check(isinstance(e, want), "%s: %s, expected %s" % (file, type(e).__name__, want.__name__))
                check(e.status == int(code), "%s: status %d vs %s" % (file, e.status, code))
                if code == "1":
                    same += str(e) == msg
                    check(str(e) == msg, "%s: %r vs the corpus %r" % (file, str(e), msg))
    finally:
        os.chdir(here)
    print("bad-input corpus: %d raised (%d with the exact message), %d need CLI arguments" %
          (raised, same, skipped))
    check(raised >= 80, "at least 80 corpus cases raise: %d" % raised)
    for bad, message in ((dict(seed="x"), "seed needs a whole number >= 0, not 'x'"),
                         (dict(colour="red"), "unknown option 'colour'"),
                         (dict(view="map"), "view must be network, silo or groups, not 'map'")):
        try:
            bridgemap.load(os.path.join(src, "datasets", "fjordvik", "records.csv"), **bad)
            check(False, "%s accepted" % bad)
        except bridgemap.UsageError as e:
            check(str(e) == message and e.status == 2, "%r vs %r" % (str(e), message))


def test_api_rules(bridgemap, bmexe, src, tmp):
    """Lifetimes, refused option mixes, warnings, duplicate column names, colour by."""
    fj = os.path.join(src, "datasets", "fjordvik")
    rec, act = os.path.join(fj, "records.csv"), os.path.join(fj, "actors.csv")
    # what borrows a closed object is closed with it, instead of reading freed memory
    net = bridgemap.load(rec, actors=act)
    a = net.analyze(permutations=50, jobs=1)
    net.close()
    for what, use in (("analysis of a closed network", lambda: a.map()),
                      ("its tables", lambda: a.actors)):
        try:
            use()
            check(False, what + " answered")
        except ValueError as e:
            check("closed with the Network" in str(e), "%s: %s" % (what, e))
    c = bridgemap.compare(rec, actors=act, split_date="2024-01-01", permutations=50, jobs=1)
    b = c.before
    c.close()
    try:
        b.summary
        check(False, "the period of a closed comparison answered")
    except ValueError:
        pass
    # option mixes the CLI refuses
    for kw, message in ((dict(split_date="2024-01-01", date_to="2024-12-31"),
                         "with split_date, give the windows with before_from and after_to, not date_to"),
                        (dict(split_date="2024-01-01", by="year"),
                         "by makes a trend of one records file: use bridgemap.trend(records, by=...), "
                         "not compare")):
        try:
            bridgemap.compare(rec, actors=act, **kw)
            check(False, "compare accepted %s" % kw)
        except bridgemap.UsageError as e:
            check(str(e) == message, "compare %s: %s" % (kw, e))
    try:
        bridgemap.load(rec).analyze(directed=True)
        check(False, "analyze accepted a loading option")
    except bridgemap.UsageError as e:
        check(str(e).startswith("directed is a loading option"), str(e))
    # the CLI's loading warnings, as Python warnings
    r = os.path.join(tmp, "w.csv")
    ac = os.path.join(tmp, "wa.csv")
    with open(r, "w") as f:
        f.write("source,target,weight\na,a,1\na,b,\nb,zz,2\n")
    with open(ac, "w") as f:
        f.write("id,degree,unit\na,PhD,X\nb,MSc,Y\n")
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        a = bridgemap.analyze(r, actors=ac, permutations=20)
    said = [str(w.message) for w in seen]
    check(said == ["bridgemap: 1 record from an actor to itself was left out",
                   "bridgemap: 1 record has an empty weight cell; each counted as weight 1",
                   "bridgemap: 1 actor named in the records is not in the actors table ('zz'); it "
                   "was added with no attributes (strict=True makes this an error)"],
          "load warnings: %s" % said)
    check(all(os.path.abspath(w.filename) == os.path.abspath(__file__) for w in seen),
          "warnings point at the caller: %s" % [w.filename for w in seen])
    # an attribute named like a measure: both kept, the later one .1 (as pandas.read_csv)
    out = os.path.join(tmp, "cli_deg")
    cli(["analyze", r, "--actors", ac, "--permutations", "20", "--no-map", "-o", out, "--quiet"], bmexe)
    import pandas as pd
    want = pd.read_csv(os.path.join(out, "actors.csv"), keep_default_na=False, na_values=[""])
    got = a.actors
    check(list(got.columns) == list(want.columns), "columns %s vs read_csv %s" %
          (list(got.columns)[:5], list(want.columns)[:5]))
    check(got["degree"].tolist() == ["PhD", "MSc", ""] and got["degree.1"].tolist() == [1, 2, 1],
          "degree attribute and degree measure: %s %s" % (got["degree"].tolist(), got["degree.1"].tolist()))
    # colour by another column than the grouping: the CLI's render --color-by, byte for byte
    a = bridgemap.analyze(rec, actors=act, permutations=50)
    mine = os.path.join(tmp, "unit.svg")
    a.render(mine, color_by="unit")
    theirs = os.path.join(tmp, "unit_cli.svg")
    cli(["render", rec, "--actors", act, "--color-by", "unit", "-o", theirs, "--quiet"], bmexe)
    check(filecmp.cmp(mine, theirs, shallow=False), "render(color_by=unit) equals render --color-by unit")
    check(a.map() != a.map(color_by="unit"), "colour by unit differs from colour by sector")


def test_dataframes(bridgemap, src):
    """DataFrames and lists of dicts in place of files: the same network and tables."""
    import pandas as pd
    fj = os.path.join(src, "datasets", "fjordvik")
    rec, act, aff = (os.path.join(fj, f) for f in ("records.csv", "actors.csv", "affiliations.csv"))
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in (rec, act, aff)]
    a = bridgemap.analyze(*frames, group="unit", permutations=300)
    b = bridgemap.analyze(rec, act, aff, group="unit", permutations=300)
    for name in ("actors", "ties", "groups", "activities"):
        x, y = a.table(name), b.table(name)
        check(x.equals(y), "%s from DataFrames equals %s from the files" % (name, name))
    # by= reloads the records per period: the DataFrame's file lives as long as its network
    a = bridgemap.load(frames[0], actors=frames[1]).analyze(by="quarter", permutations=100)
    b = bridgemap.analyze(rec, act, by="quarter", permutations=100)
    check(a.periods.equals(b.periods), "periods from DataFrames equal periods from the files")
    try:  # the fjordvik affiliations have no dates
        bridgemap.load(frames[0], affiliations=frames[2]).analyze(by="quarter")
        check(False, "by= with undated affiliations ran")
    except bridgemap.InputError as e:
        check(str(e).startswith("<affiliations DataFrame>:1: "), "error names the DataFrame: %s" % e)
    bad = frames[0].copy()
    bad.loc[3, "weight"] = "x"
    try:
        bridgemap.load(bad)
        check(False, "a DataFrame with weight 'x' loaded")
    except bridgemap.InputError as e:
        # row 3 counting from 0 is line 5: the header is line 1
        check(str(e) == "<records DataFrame>:5:3: weight 'x' is not a number", "DataFrame error: %s" % e)
    net = bridgemap.load([{"source": "a", "target": "b"}, {"source": "b", "target": "c", "weight": 2}])
    check((net.n_actors, net.n_ties) == (3, 2), "list of dicts: %r" % net)
    check(net.analyze(permutations=10).ties["weight"].tolist() == [1, 2], "list of dicts: weights")


def test_without_pandas(library, src):
    code = ("import sys; sys.modules['pandas'] = None\n"
            "import bridgemap as bm\n"
            "a = bm.analyze(%r, actors=%r, permutations=100)\n"
            "g = a.groups\n"
            "assert isinstance(g, list) and isinstance(g[0], dict) and 'ei_index' in g[0], g\n"
            "print(len(a.actors))\n") % (os.path.join(src, "datasets", "fjordvik", "records.csv"),
                                          os.path.join(src, "datasets", "fjordvik", "actors.csv"))
    env = dict(os.environ, PYTHONPATH=os.path.join(src, "python"), BRIDGEMAP_LIBRARY=library)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    check(r.returncode == 0 and r.stdout.strip() == "154",
          "without pandas: rc %d, %s %s" % (r.returncode, r.stdout, r.stderr[-400:]))


def test_progress(bridgemap, src):
    """A callable gets each step's percentages, also with worker processes; off means off."""
    fj = os.path.join(src, "datasets", "fjordvik")
    seen = []
    bridgemap.set_progress(lambda step, percent: seen.append((step, percent)))
    try:
        bridgemap.analyze(os.path.join(fj, "records.csv"), actors=os.path.join(fj, "actors.csv"),
                          permutations=200, jobs=2)
    finally:
        bridgemap.set_progress(None)
    steps = {step for step, _ in seen}
    check({"Shortest paths", "Actor measures"} <= steps, "progress steps: %s" % sorted(steps))
    check(("Shortest paths", 100.0) in seen, "Shortest paths reported done")
    n = len(seen)
    bridgemap.analyze(os.path.join(fj, "records.csv"), permutations=50, jobs=2)
    check(len(seen) == n, "no progress after set_progress(None)")


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd",
                                                "usmblks", "fsmblks", "uordblks", "fordblks",
                                                "keepcost")]


def heap_kb():
    """Bytes malloc has handed out and not had back (glibc mallinfo2: uordblks, plus
    mmapped blocks hblkhd), in KB: exact where resident memory counts pages."""
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _Mallinfo2
    m = libc.mallinfo2()
    return (m.uordblks + m.hblkhd) // 1024


def test_no_leaks(bridgemap, src, rounds, measure=True):
    fj = os.path.join(src, "datasets", "fjordvik")
    rec, act = os.path.join(fj, "records.csv"), os.path.join(fj, "actors.csv")

    def one_round(k):
        net = bridgemap.load(rec, actors=act)
        a = net.analyze(group="unit", permutations=50, jobs=1)
        a.groups, a.actors, a.summary, a.narrative
        if k % 10 == 0:
            a.map(view="groups")
        c = bridgemap.compare(rec, actors=act, split_date="2024-01-01", permutations=50, jobs=1)
        c.groups, c.test, c.before.summary
        if k % 10 == 0:
            t = bridgemap.trend(rec, by="year", actors=act, permutations=20, jobs=1)
            t.table, t.chart()
            t.close()
        try:
            bridgemap.load(rec, seed="x")
        except bridgemap.UsageError:
            pass
        a.close()
        c.close()
        net.close()

    for k in range(20 if measure else 2):  # warm-up: allocator arenas, fonts, Graphviz plugins
        one_round(k)
    gc.collect()
    start = heap_kb()
    for k in range(rounds):
        one_round(k)
    gc.collect()
    grown = heap_kb() - start
    print("no leaks: memory in use %+d KB over %d rounds (%.2f KB per round)" %
          (grown, rounds, grown / rounds))
    if measure:
        check(grown < 256, "memory in use grew %d KB over %d rounds" % (grown, rounds))

    # closed objects refuse use instead of crashing; the analysis keeps its network alive
    a = bridgemap.load(rec, actors=act).analyze(permutations=50)
    check(len(a.actors) == 154, "an analysis outlives the name of its network")
    a.close()
    try:
        a.actors
        check(False, "a closed analysis answered")
    except ValueError:
        pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", required=True)
    ap.add_argument("--bridgemap", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--rounds", type=int, default=150)
    ap.add_argument("--sanitized", action="store_true",
                    help="the library is built with ASan: its allocator is not malloc's, so "
                         "mallinfo2 says nothing (LSan checks the C side in unit.test_options); "
                         "run a few rounds for use-after-free and leave out the memory check")
    args = ap.parse_args()
    os.environ["BRIDGEMAP_LIBRARY"] = os.path.abspath(args.library)
    sys.path.insert(0, os.path.join(args.source, "python"))
    import bridgemap
    check(os.path.samefile(bridgemap.library_path, args.library), "the library named is the one loaded")
    src = os.path.abspath(args.source)
    with tempfile.TemporaryDirectory(prefix="bm_py_") as tmp:
        c = test_same_as_cli(bridgemap, os.path.abspath(args.bridgemap), src, tmp)
        test_outside_numbers(bridgemap, src, c)
        test_errors(bridgemap, src, tmp)
        test_api_rules(bridgemap, os.path.abspath(args.bridgemap), src, tmp)
    test_dataframes(bridgemap, src)
    test_without_pandas(os.path.abspath(args.library), src)
    test_progress(bridgemap, src)
    test_no_leaks(bridgemap, src, 10 if args.sanitized else args.rounds, not args.sanitized)
    print("test_binding: %d checks, %d failed" % (COUNT[0], len(FAILS)))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
