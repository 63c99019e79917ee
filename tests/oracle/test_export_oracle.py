#!/usr/bin/python3
"""Oracle test: `bridgemap convert` to GraphML, GEXF and Kumu JSON, read back by NetworkX 2.8
(read_graphml, read_gexf) and by json, against the input files read here.

Expected values never come from the export itself:
  - nodes, their attributes, ties, weights and counts: the dataset CSV files read with
    Python's csv module (oracle_common.load_dataset sums the records of a pair);
  - degree, in/out degree, strength, betweenness (distance 1/weight, exact fractions),
    closeness (1/sum of distances to the reachable, outgoing), harmonic (outgoing),
    PageRank, coreness and clustering (undirected view), articulation points and bridges:
    NetworkX on the graph built here (README, "Measures");
  - cross_group: the two ends' groups compared here; an end without a group -> left out;
  - every other column (eigenvector, constraint, brokerage, ...): equal to actors.csv /
    ties.csv of `bridgemap analyze` on the same input ("the export carries the measures");
  - GEXF viz:color: the README's rule (groups ranked by number of actors, largest first,
    ties by name; Okabe & Ito 2008 colours, then Tol's muted scheme; no group: white);
    viz:size = 5 + 45 sqrt(betweenness / max) (export.h), to 0.001.
Cases: fjordvik (undirected, weighted, grouped by sector), krackhardt_advice (--directed,
--group department), and a hand-made file whose names hold <script>, &, quotes, a tab, a
line break, a CR and a control character, and whose attribute columns are called degree,
type and label (renamed degree_2 / type_2 / label_2 where a format already has the name).
"""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_common as oc  # noqa: E402

import networkx as nx  # noqa: E402

NAN = float("nan")
REL = 1e-9
# Okabe & Ito (2008) "Color Universal Design": orange, sky blue, bluish green, yellow, blue,
# vermillion, reddish purple; then Paul Tol's muted scheme (SRON/EPS/TN/09-002) in the
# README's order: indigo, cyan, green, sand, rose, purple, teal, olive, wine.
PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
           "#332288", "#88CCEE", "#117733", "#DDCC77", "#CC6677", "#AA4499", "#44AA99",
           "#999933", "#882255"]
OTHER, NO_GROUP = "#BBBBBB", "#FFFFFF"
FORMATS = (("graphml", "net.graphml"), ("gexf", "net.gexf"), ("kumu", "net.json"))


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"bridgemap failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr}")


def convert_all(args, records, actors, outdir, extra):
    for _fmt, name in FORMATS:
        run([args.bridgemap, "convert", records, "--actors", actors, *extra, "-o",
             os.path.join(outdir, name), "--quiet"])
    run([args.bridgemap, "analyze", records, "--actors", actors, *extra, "-o", outdir,
         "--quiet", "--no-map"])
    return oc.Output(outdir)


# ---------------------------------------------------------------- reading the exports

class Export:
    """One export, normalised: nodes {id: {column: value}}, edges {key: {column: value}}
    (key (u, v) directed, sorted pair undirected), directed flag, raw extras."""

    def __init__(self, fmt, path):
        self.fmt = fmt
        if fmt == "kumu":
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            self.doc = doc
            self.nodes = {e["id"]: e for e in doc["elements"]}
            dirs = {c["direction"] for c in doc["connections"]}
            self.directed = dirs == {"directed"}
            self.edges = {}
            for c in doc["connections"]:
                self.edges[self.key(c["from"], c["to"])] = c
            self.n_nodes, self.n_edges = len(doc["elements"]), len(doc["connections"])
            self.dirs = dirs
        else:
            G = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
            self.G = G
            self.directed = G.is_directed()
            self.nodes = dict(G.nodes(data=True))
            self.edges = {self.key(u, v): d for u, v, d in G.edges(data=True)}
            self.n_nodes, self.n_edges = G.number_of_nodes(), G.number_of_edges()

    def key(self, u, v):
        return (u, v) if self.directed else tuple(sorted((u, v)))

    def missing(self, value):
        """How the format writes an undefined value / empty cell."""
        return value is None


def as_number(x):
    if x is None:
        return NAN
    if isinstance(x, bool):
        return 1.0 if x else 0.0
    return float(x)


# ---------------------------------------------------------------- expectations

def expected_measures(ds):
    G = ds.graph()
    U = nx.Graph(G.to_undirected()) if ds.directed else G
    exp = {}
    if ds.directed:
        exp["degree"] = {v: G.in_degree(v) + G.out_degree(v) for v in G}
        exp["in_degree"] = dict(G.in_degree())
        exp["out_degree"] = dict(G.out_degree())
        exp["strength"] = {v: G.in_degree(v, weight="weight") + G.out_degree(v, weight="weight")
                           for v in G}
    else:
        exp["degree"] = dict(G.degree())
        exp["in_degree"] = {v: NAN for v in G}
        exp["out_degree"] = {v: NAN for v in G}
        exp["strength"] = dict(G.degree(weight="weight"))
    # exact rational distances, so that equal-length paths tie exactly
    for _u, _v, d in G.edges(data=True):
        d["fdist"] = Fraction(1) / Fraction(d["weight"]).limit_denominator(10**6)
    exp["betweenness"] = {v: float(x) for v, x in
                          nx.betweenness_centrality(G, normalized=False, weight="fdist").items()}
    clo = {}
    for v in G:
        d = nx.single_source_dijkstra_path_length(G, v, weight="fdist")
        s = sum(x for u, x in d.items() if u != v)
        clo[v] = float(1 / s) if len(d) > 1 else NAN
    exp["closeness"] = clo
    H = G.reverse() if ds.directed else G  # NetworkX sums incoming distances
    exp["harmonic"] = nx.harmonic_centrality(H, distance="dist")
    exp["pagerank"] = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    exp["coreness"] = nx.core_number(U)
    cl = nx.clustering(U)
    exp["clustering"] = {v: (cl[v] if U.degree(v) >= 2 else NAN) for v in G}
    art = set(nx.articulation_points(U))
    exp["articulation"] = {v: 1.0 if v in art else 0.0 for v in G}
    return exp


def expected_bridges(ds):
    G = ds.graph()
    U = nx.Graph(G.to_undirected()) if ds.directed else G
    return {frozenset(e) for e in nx.bridges(U)}


def expected_colours(ds, group_col):
    sizes = {}
    for a in ds.ids:
        g = ds.attrs[a].get(group_col, "")
        if g != "":
            sizes[g] = sizes.get(g, 0) + 1
    ranked = sorted(sizes, key=lambda g: (-sizes[g], g.encode("utf-8")))
    colour = {g: (PALETTE[i] if i < len(PALETTE) else OTHER) for i, g in enumerate(ranked)}
    return {a: colour.get(ds.attrs[a].get(group_col, ""), NO_GROUP) for a in ds.ids}


# ---------------------------------------------------------------- checks

def check_export(chk, case, ex, ds, out, group_col, renamed=None, xml_text=None):
    """renamed: {input column: export name} per format; xml_text: how XML carries a
    text (the forbidden characters replaced)."""
    renamed = renamed or {}
    fmt = ex.fmt
    c = f"{case} {fmt}"
    chk.check_equal(c, "-", "directed", ex.directed, ds.directed)
    chk.check_equal(c, "-", "node count", ex.n_nodes, len(ds.ids))
    chk.check_equal(c, "-", "node ids", sorted(ex.nodes), sorted(ds.ids))
    chk.check_equal(c, "-", "edge count", ex.n_edges, len(ds.ties))
    chk.check_equal(c, "-", "edge set", sorted(ex.edges), sorted(ds.ties))
    if fmt == "kumu":
        chk.check_equal(c, "-", "direction", ex.dirs, {"directed" if ds.directed else "undirected"})
    exp = expected_measures(ds)
    attr_cols = [k for k in ds.attrs[ds.ids[0]] if k != "id"]
    label_col = next((k for k in attr_cols if k.lower() in ("name", "navn", "label", "fullname",
                                                            "full_name")), None)
    for a in ds.ids:
        node = ex.nodes.get(a, {})
        row = ds.attrs[a]
        # label: the name-like column, else the id
        want_label = row[label_col] if label_col and row[label_col] != "" else a
        if fmt != "kumu":
            want_label = xml_text(want_label) if xml_text else want_label
        chk.check_equal(c, a, "label", node.get("label"), want_label)
        # attributes exactly as in the input (XML formats leave empty cells out)
        for k in attr_cols:
            name = renamed.get(fmt, {}).get(k, k)
            if name is None:
                continue  # folded into the format's own column
            want = row[k]
            got = node.get(name)
            if fmt == "kumu":
                chk.check_equal(c, a, name, got, want)
            else:
                want = xml_text(want) if xml_text else want
                chk.check_equal(c, a, name, got, want if want != "" else None)
                if got is not None and not isinstance(got, str):
                    chk.fail(c, a, name + " type", type(got).__name__, "str")
        if fmt == "kumu":
            g = row.get(group_col, "") if group_col else ""
            chk.check_equal(c, a, "type", node.get("type"), g if g != "" else None)
        # measures from NetworkX
        for col, values in exp.items():
            name = renamed.get(fmt, {}).get("measure:" + col, col)
            got = node.get(name)
            want = values[a]
            if isinstance(want, float) and math.isnan(want):
                ok = got is None
                chk.n_checks += 1
                if not ok:
                    chk.mismatches.append((c, a, name, got, "left out / null"))
                continue
            chk.check(c, a, name, as_number(got), want, REL if col != "pagerank" else 1e-6)
        # types as declared (NetworkX converts by attr.type)
        if fmt != "kumu":
            for name, typ in (("degree", int), ("coreness", int), ("community", int),
                              ("betweenness", float), ("strength", float), ("articulation", bool)):
                name = renamed.get(fmt, {}).get("measure:" + name, name)
                got = node.get(name)
                chk.check_equal(c, a, name + " type", type(got).__name__, typ.__name__)
        else:
            chk.check_equal(c, a, "articulation type", type(node.get("articulation")).__name__,
                            "bool")
        # every measure column of actors.csv (after id and the attributes): the same value
        header, row_csv = actors_csv_row(out, a)
        for j in range(1 + len(attr_cols), len(header)):
            col = header[j]
            name = renamed.get(fmt, {}).get("measure:" + col, col)
            cell = row_csv[j]
            got = node.get(name)
            if cell == "":
                if got is None or (fmt == "kumu" and got == ""):
                    chk.n_checks += 1
                else:
                    chk.fail(c, a, name, got, "left out / null")
            elif isinstance(got, str):
                want = xml_text(cell) if xml_text and fmt != "kumu" else cell
                chk.check_equal(c, a, name, got, want)
            else:
                chk.check_equal(c, a, name, as_number(got), float(cell))
    # ties
    bridges = expected_bridges(ds)
    ties_csv = {}
    for t in out.ties:
        ties_csv[ex.key(t["source"], t["target"])] = t
    for key, (w, cnt) in ds.ties.items():
        e = ex.edges.get(key, {})
        chk.check(c, key, "weight", as_number(e.get("weight")), w)
        chk.check_equal(c, key, "count", e.get("count"), cnt)
        chk.check_equal(c, key, "bridge", e.get("bridge"), frozenset(key) in bridges)
        ga = ds.attrs[key[0]].get(group_col, "") if group_col else ""
        gb = ds.attrs[key[1]].get(group_col, "") if group_col else ""
        want = None if ga == "" or gb == "" else ga != gb
        chk.check_equal(c, key, "cross_group", e.get("cross_group"), want)
        if fmt == "kumu":
            chk.check(c, key, "strength", as_number(e.get("strength")), w)
        t = ties_csv[key]
        for col, cell in t.items():
            if col in ("source", "target"):
                continue
            got = e.get(col)
            if cell == "":
                chk.check_equal(c, key, col, got, None)
            elif isinstance(got, str):
                chk.check_equal(c, key, col, got, cell)
            else:
                chk.check_equal(c, key, col, as_number(got), float(cell))


def actors_csv_row(out, a):
    """actors.csv of analyze: its header and actor a's row, as lists (an attribute and a
    measure may share a name, which a DictReader would merge)."""
    with open(os.path.join(out.dir, "actors.csv"), newline="", encoding="utf-8") as f:
        rd = csv.reader(f)
        header = next(rd)
        for row in rd:
            if row[0] == a:
                return header, row
    raise KeyError(a)


def check_viz(chk, case, ex, ds, out, group_col, size_by="betweenness"):
    colours = expected_colours(ds, group_col)
    b = {r["id"]: oc.num(r[size_by]) for r in out.actors}
    vals = {a: (x if math.isfinite(x) and x > 0 else 0.0) for a, x in b.items()}
    mx = max(vals.values())
    for a in ds.ids:
        viz = ex.nodes[a].get("viz", {})
        col = viz.get("color", {})
        got = "#%02X%02X%02X" % (col.get("r", -1), col.get("g", -1), col.get("b", -1)) if col else None
        chk.check_equal(f"{case} gexf", a, "viz:color", got, colours[a])
        want = 5 + 45 * math.sqrt(vals[a] / mx) if mx > 0 else 5.0
        chk.check(f"{case} gexf", a, "viz:size", viz.get("size", NAN), want, 0, 1.1e-3)


def case_dataset(args, chk, tmp, name, group_col, extra):
    ddir = os.path.join(args.datasets, name)
    records, actors = os.path.join(ddir, "records.csv"), os.path.join(ddir, "actors.csv")
    outdir = tempfile.mkdtemp(prefix=f"export_{name}_", dir=tmp)
    out = convert_all(args, records, actors, outdir, extra)
    ds = oc.load_dataset(args.datasets, name, directed="--directed" in extra)
    for fmt, fname in FORMATS:
        ex = Export(fmt, os.path.join(outdir, fname))
        check_export(chk, name, ex, ds, out, group_col)
        if fmt == "gexf":
            check_viz(chk, name, ex, ds, out, group_col)
    chk.section(f"{name}: GraphML, GEXF, Kumu JSON against the CSV files, NetworkX and "
                f"actors.csv/ties.csv ({len(ds.ids)} actors, {len(ds.ties)} ties)")
    # --size-by degree: the GEXF sizes follow degree
    path = os.path.join(outdir, "deg.gexf")
    run([args.bridgemap, "convert", records, "--actors", actors, *extra, "-o", path,
         "--size-by", "degree", "--quiet"])
    check_viz(chk, name + " --size-by degree", Export("gexf", path), ds, out, group_col, "degree")
    chk.section(f"{name}: --size-by degree sizes the GEXF nodes")


SCRIPT = "<script>alert(1)</script>"


def xml_text(s):
    """What XML 1.0 can carry of s: C0 controls other than tab, LF, CR become U+FFFD."""
    return "".join("\ufffd" if ord(ch) < 0x20 and ch not in "\t\n\r" else ch for ch in s)


def case_escaping(args, chk, tmp):
    d = tempfile.mkdtemp(prefix="export_escape_", dir=tmp)
    rows = [["id", "name", "sector", "note", "degree", "type", "label"],
            [SCRIPT, 'Tom & "Jerry" <b>', 'R&D "lab"', "a\tb\nc ' ]]> \x01 end\r\nx", "x",
             "t1", "lab<1>"],
            ["B&B", "Ærø's \"ferry\" &amp;", "public", "", "y", "t2", ""],
            ["C", "", "", "", "", "", ""],
            ["D'", "  ", "public", "€ \U0001F600", "", "", "<"]]
    actors, records = os.path.join(d, "actors.csv"), os.path.join(d, "records.csv")
    with open(actors, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    with open(records, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["source", "target", "weight"], [SCRIPT, "B&B", "2"],
                                 ["B&B", "C", "1"], [SCRIPT, "C", "1.5"], ["D'", SCRIPT, "4"]])
    outdir = os.path.join(d, "out")
    os.mkdir(outdir)
    out = convert_all(args, records, actors, outdir, [])
    ds = oc.load_dataset(None, None, records=records, actors=actors)
    # the loader trims spaces around cells (README, Input); expect what a reader keeps
    for a in ds.ids:
        for k, v in list(ds.attrs[a].items()):
            ds.attrs[a][k] = v.strip(" ")
    renamed = {
        # an attribute degree: the measure becomes degree_2 everywhere; label: the name
        # column is the label, so the attribute label becomes label_2 (GraphML, GEXF,
        # Kumu); type: Kumu's own field, so type_2 there
        "graphml": {"label": "label_2", "measure:degree": "degree_2"},
        "gexf": {"label": "label_2", "measure:degree": "degree_2"},
        "kumu": {"label": "label_2", "type": "type_2", "measure:degree": "degree_2"},
    }
    for fmt, fname in FORMATS:
        ex = Export(fmt, os.path.join(outdir, fname))
        check_export(chk, "escaping", ex, ds, out, "sector", renamed, xml_text)
        # the dangerous id survives as data, not as markup
        chk.check_equal("escaping " + fmt, SCRIPT, "present", SCRIPT in ex.nodes, True)
        if fmt == "gexf":
            check_viz(chk, "escaping", ex, ds, out, "sector")
        if fmt != "kumu":  # JSON needs no escape for < (a JSON string is no markup)
            with open(os.path.join(outdir, fname), encoding="utf-8") as f:
                text = f.read()
            chk.check_equal("escaping " + fmt, "-", "raw <script> absent", "<script>" in text,
                            False)
    chk.section("escaping: <script>, &, quotes, tab, LF, CR, U+0001, emoji in ids, names and "
                "attributes round-trip through GraphML, GEXF and Kumu JSON; renamed columns")


def main():
    args = oc.parse_args(__doc__)
    chk = oc.Checker("test_export_oracle")
    with tempfile.TemporaryDirectory(prefix="bm_export_") as tmp:
        case_dataset(args, chk, tmp, "fjordvik", "sector", [])
        case_dataset(args, chk, tmp, "krackhardt_advice", "department",
                     ["--directed", "--group", "department"])
        case_escaping(args, chk, tmp)
    return chk.report()


if __name__ == "__main__":
    oc.main_guard(main)
