"""bridgemap from Python: who works with whom across silos, in a notebook.

A thin ctypes binding over libbridgemap.so (see _native.py for where it is
looked for): no compiler at import time. It runs the very library calls the
`bridgemap` command runs, so the tables equal those of `bridgemap analyze`
and `bridgemap compare` on the same input and seed.

    import bridgemap as bm
    net = bm.load("datasets/fjordvik/records.csv", actors="datasets/fjordvik/actors.csv")
    a = net.analyze(group="unit")          # or bm.analyze(records, actors=..., group=...)
    a.groups                               # a pandas DataFrame (list of dicts without pandas)
    a.summary["ei_index"]                  # the summary as a dict
    print(a.narrative)
    a.map(view="silo")                     # SVG text, shown inline by Jupyter
    a.render("map.png", size_by="degree")  # or a file: .svg .png .pdf .dot
    c = bm.compare("records.csv", actors="actors.csv", split_date="2024-01-01", group="unit")
    c.test["p_value"], c.groups

Options are the command line's long options with '_' for '-' (source_col,
date_format, shape_by, ...; see `bridgemap analyze --help`); flags take
True/False. Errors raise bridgemap.InputError (bad input, with the
FILE:LINE:COLUMN message), UsageError (a bad option) or InternalError.
Objects free their C memory when they are garbage collected, or at once
with close() / a with block.

libbridgemap is not thread-safe (igraph keeps global state); this module
serialises its calls with a lock. Path measures run in forked worker
processes (jobs=, default one per core), as on the command line.
"""
import base64
import datetime
import math
import os
import sys
import tempfile
import threading
import warnings
import weakref

from . import _native
from ._native import lib

__all__ = ["Error", "InputError", "UsageError", "InternalError", "Network", "Analysis",
           "Comparison", "Trend", "SVG", "load", "analyze", "compare", "trend", "set_progress",
           "version",
           "library_path"]

try:
    import pandas as _pd
except ImportError:  # tables come as lists of dicts
    _pd = None

library_path = _native.path
_HERE = os.path.dirname(os.path.abspath(__file__))
_lock = threading.RLock()


class Error(Exception):
    """A failure reported by libbridgemap; .status is its bm_status (the CLI's exit code)."""

    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


class InputError(Error, ValueError):
    """Bad or unreadable input; the message names FILE:LINE:COLUMN."""


class UsageError(Error, ValueError):
    """An option the library does not take, or a value it does not accept."""


class InternalError(Error, RuntimeError):
    """A resource or output failure inside the library."""


_ERRORS = {1: InputError, 2: UsageError, 3: InternalError}


def _check(status):
    pending = _progress.get("pending")
    if pending is not None:  # Ctrl-C (or an error) in a progress callback
        _progress["pending"] = None
        raise pending
    if status != 0:
        msg = lib.bm_error_last().decode("utf-8", "replace")
        raise _ERRORS.get(status, Error)(msg, status)


def version():
    """The library's version string."""
    return lib.bm_version().decode()


_progress = {"fn": None, "c": None}


def set_progress(report=True):
    """Progress of long computations (shortest paths, permutations, ... on large
    networks). True: a line on stderr when a step starts, at every 10% and when it
    is done ("bridgemap: Shortest paths 40%"); a callable: called with (step,
    percent); None or False: nothing (the default)."""
    if report is True:
        last = {}

        def report(step, percent):
            tenth = int(percent // 10)
            if last.get(step) != tenth:
                last[step] = tenth
                sys.stderr.write("bridgemap: %s %d%%\n" % (step, percent))
                sys.stderr.flush()
    if not report:
        with _lock:
            lib.bm_set_progress(_native.PROGRESS_FN(), None)
        _progress.update(fn=None, c=None)
        return

    def trampoline(step, percent, _data):
        try:
            report(step.decode("utf-8", "replace"), percent)
        except BaseException as e:  # cannot cross the C library: raised when it returns
            if _progress.get("pending") is None:
                _progress["pending"] = e
    c = _native.PROGRESS_FN(trampoline)
    with _lock:
        lib.bm_set_progress(c, None)
    _progress.update(fn=report, c=c)  # the C pointer must outlive its use


def _text(b):
    return b.decode("utf-8", "replace") if b is not None else None


def _value(v):
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, os.PathLike):
        return os.fspath(v)
    if isinstance(v, (list, tuple)):
        return ",".join(str(x) for x in v)
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.strftime("%Y-%m-%d")
    return str(v)


class _Options:
    """A bm_options handle filled from keyword arguments (None: the default)."""

    def __init__(self, settings):
        self.settings = {k: v for k, v in settings.items() if v is not None}
        self.ptr = _native.c_void_p()
        _check(lib.bm_options_new(_native.ctypes.byref(self.ptr)))
        try:
            for k, v in self.settings.items():
                _check(lib.bm_options_set(self.ptr, k.encode(), os.fsencode(_value(v))))
        except BaseException:
            self.close()
            raise

    @property
    def seed(self):
        return int(self.settings.get("seed", 1))

    def close(self):
        if self.ptr:
            lib.bm_options_free(self.ptr)
            self.ptr = _native.c_void_p()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


def _table(ptr, as_dicts=False):
    """A bm_table as a DataFrame (columns in the library's order, with each
    column's description and citation in .attrs), or a list of dicts."""
    if not ptr:
        return None
    rows = lib.bm_table_rows(ptr)
    ncols = lib.bm_table_cols(ptr)
    frame = _pd is not None and not as_dicts
    names, columns, described = [], {}, {}
    buf = (_native.c_double * max(rows, 1))()
    for c in range(ncols):
        name = _text(lib.bm_table_col_name(ptr, c))
        # an actors file's column may share a measure's name (an academic "degree"):
        # the later one becomes "degree.1", as pandas.read_csv names the CLI's CSV
        base, k = name, 0
        while name in columns:
            k += 1
            name = "%s.%d" % (base, k)
        names.append(name)
        described[name] = {"description": _text(lib.bm_table_col_description(ptr, c)),
                           "citation": _text(lib.bm_table_col_citation(ptr, c))}
        if lib.bm_table_col_type(ptr, c) == _native.BM_COL_NUMBER:
            lib.bm_table_copy_numbers(ptr, c, buf)
            columns[name] = _numbers(buf, rows, frame)
        else:
            columns[name] = _texts(ptr, c)
    if not frame:
        return [{n: columns[n][r] for n in names} for r in range(rows)]
    df = _pd.DataFrame({n: columns[n] if not isinstance(columns[n], list) else
                        _pd.Series(columns[n], dtype="object") for n in names}, columns=names)
    df.attrs["name"] = _text(lib.bm_table_name(ptr))
    df.attrs["columns"] = described
    return df


def _texts(ptr, c):
    """A text column in one call: the texts NUL-separated, split by Python."""
    out, n = _native.c_void_p(), _native.c_size_t()
    _check(lib.bm_table_copy_texts(ptr, c, _native.ctypes.byref(out), _native.ctypes.byref(n)))
    try:
        return _native.ctypes.string_at(out, n.value).decode("utf-8", "replace").split("\0")[:-1]
    finally:
        lib.bm_string_free(out)


def _numbers(buf, rows, frame):
    """A number column: whole numbers (every value finite and integral, as counts
    are) come as integers, the way pandas.read_csv reads the CLI's CSV; any other
    column as floats, NaN where the measure is undefined."""
    if frame:
        import numpy as np
        arr = np.ctypeslib.as_array(buf)[:rows].copy()
        if rows and np.isfinite(arr).all() and (arr == np.rint(arr)).all() and \
                (np.abs(arr) < 2.0 ** 53).all():
            return arr.astype(np.int64)
        return arr
    vals = buf[:rows]
    if all(math.isfinite(x) and x == int(x) and abs(x) < 2.0 ** 53 for x in vals):
        return [int(x) for x in vals]
    return vals


def _summary_dict(ptr):
    rows = _table(ptr, as_dicts=True)
    if not rows:
        return {}
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in rows[0].items()}


class SVG(str):
    """SVG text as Graphviz wrote it (a whole file); Jupyter shows it as the picture."""

    def _repr_html_(self):
        # an <img> scaled to the cell's width: a silo map may be 5,000 pt wide, and
        # nbconvert 6 (Debian 12) strips the elements of inline SVG in HTML exports
        data = base64.b64encode(self.encode("utf-8")).decode("ascii")
        return ('<img style="max-width:100%%;height:auto" alt="bridgemap map" '
                'src="data:image/svg+xml;base64,%s">' % data)

    def _repr_svg_(self):
        # the <svg> element alone: an XML declaration and DOCTYPE inside an HTML page
        # are an error to nbconvert's HTML export (lxml) and mean nothing to a browser
        start = self.find("<svg")
        return str(self[start:] if start >= 0 else self)


class _Handle:
    """A C object. What borrows it (an analysis its network, a comparison its
    networks, a period's analysis its comparison) is closed with it, so that
    nothing is left pointing at freed memory: using it then raises ValueError."""
    _free = None
    _why = "closed"

    def _borrow(self, *parents):
        for parent in parents:
            if "_dependents" not in parent.__dict__:
                parent._dependents = weakref.WeakSet()
            parent._dependents.add(self)

    def close(self):
        """Frees the C memory now, and closes what borrows it; using either
        afterwards raises ValueError."""
        with _lock:
            for d in list(self.__dict__.get("_dependents", ())):
                d._why = "closed with the %s it borrows" % type(self).__name__
                d.close()
            if getattr(self, "_ptr", None):
                free = self._free
                if free is not None:
                    free(self._ptr)
                self._ptr = None

    def _live(self):
        if not self._ptr:
            raise ValueError("bridgemap: this %s is %s" % (type(self).__name__, self._why))
        return self._ptr

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


# options that shape the network itself (name -> its key in the settings)
_LOADING = {k: k for k in ("records", "actors", "affiliations", "directed", "undirected",
                           "unweighted", "from", "to", "source_col", "target_col", "weight_col",
                           "date_col", "id_col", "delimiter", "encoding", "date_format", "strict",
                           "projection", "sheet", "actors_sheet", "affiliations_sheet")}
_LOADING.update(from_="from", date_from="from", date_to="to")


class Network(_Handle):
    """A collaboration network loaded by load(): actors, ties, their attributes."""

    _free = staticmethod(lambda p: lib.bm_network_free(p))

    def __init__(self, ptr, options):
        self._ptr = ptr
        self._options = options
        self._tmp = None  # the CSV files of DataFrames given to load()

    @property
    def n_actors(self):
        return lib.bm_network_actor_count(self._live())

    @property
    def n_ties(self):
        return lib.bm_network_tie_count(self._live())

    @property
    def directed(self):
        return bool(lib.bm_network_is_directed(self._live()))

    @property
    def records(self):
        """Records read (inside the date window)."""
        return lib.bm_network_record_count(self._live())

    @property
    def unlisted(self):
        """Actors the records name that the actors file does not list."""
        return lib.bm_network_unlisted_count(self._live())

    @property
    def date_range(self):
        """(first, last) date of the dated records read, before the from_/to
        window (the file's range, as the C API gives it), or None."""
        p = self._live()
        first, last = _text(lib.bm_network_first_date(p)), _text(lib.bm_network_last_date(p))
        return (first, last) if first else None

    @property
    def format(self):
        """The records file's format: CSV, xlsx, GraphML, GML, Pajek (None: affiliations only)."""
        return _text(lib.bm_network_records_format(self._live()))

    def actors(self, as_dicts=False):
        """The actors table as loaded: id and every attribute column."""
        p = self._live()
        n, k = lib.bm_network_actor_count(p), lib.bm_network_attr_count(p)
        cols = {"id": [_text(lib.bm_network_actor_id(p, i)) for i in range(n)]}
        for c in range(k):
            cols[_text(lib.bm_network_attr_name(p, c))] = [
                _text(lib.bm_network_attr_value(p, c, i)) for i in range(n)]
        if _pd is None or as_dicts:
            return [{name: v[i] for name, v in cols.items()} for i in range(n)]
        return _pd.DataFrame(cols)

    def analyze(self, **options):
        """Runs the analysis of `bridgemap analyze` (group=, seed=, permutations=,
        jobs=, paths=, by=, ...) and returns an Analysis."""
        for k, v in options.items():
            if k in _LOADING and v != self._options.settings.get(_LOADING[k]):
                raise UsageError("%s is a loading option: give it to load(), which builds the "
                                 "network" % k, 2)
        settings = dict(self._options.settings)
        settings.update(options)
        opts = _Options(settings)
        out = _native.c_void_p()
        try:
            with _lock:
                lib.bm_init(opts.seed)
                _check(lib.bm_options_run_analysis(_native.ctypes.byref(out), self._live(), opts.ptr))
        except Error as e:
            _reraise(e, getattr(self, "_tmp", None))
        return Analysis(out, opts, self)

    def __repr__(self):
        if not self._ptr:
            return "<bridgemap.Network closed>"
        return "<bridgemap.Network: %d actors, %d ties%s>" % (
            self.n_actors, self.n_ties, ", directed" if self.directed else "")


_TABLES = ("actors", "ties", "groups", "group_pairs", "suggestions", "dependence", "activities",
           "periods")


class Analysis(_Handle):
    """Every table of `bridgemap analyze`, its sentences and its maps."""

    def __init__(self, ptr, options, network, owner=None):
        self._ptr = ptr
        self._options = options
        self.network = network
        self._owner = owner  # a Comparison that owns ptr (then it is not freed here)
        self._borrow(network, *([owner] if owner is not None else []))

    @property
    def _free(self):
        return None if self._owner is not None else lib.bm_analysis_free

    def table(self, name, level=0, as_dicts=False):
        """One table by its output name (actors, ties, groups, group_pairs,
        suggestions, dependence, activities, periods, summary); groups and
        group_pairs of nested levels by level. None when the analysis has none
        (no grouping, no affiliations, no by=)."""
        p = self._live()
        getters = {
            "actors": lambda: lib.bm_analysis_actors(p),
            "ties": lambda: lib.bm_analysis_ties(p),
            "summary": lambda: lib.bm_analysis_summary(p),
            "groups": lambda: lib.bm_analysis_groups(p, level),
            "group_pairs": lambda: lib.bm_analysis_group_pairs(p, level),
            "suggestions": lambda: lib.bm_analysis_suggestions(p),
            "dependence": lambda: lib.bm_analysis_dependence(p),
            "activities": lambda: lib.bm_analysis_activities(p),
            "periods": lambda: lib.bm_analysis_periods(p),
        }
        if name not in getters:
            raise KeyError("bridgemap: no table %r (one of %s)" % (name, ", ".join(getters)))
        with _lock:
            return _table(getters[name](), as_dicts)

    actors = property(lambda self: self.table("actors"), doc="actors.csv")
    ties = property(lambda self: self.table("ties"), doc="ties.csv")
    groups = property(lambda self: self.table("groups"), doc="groups.csv (first level)")
    group_pairs = property(lambda self: self.table("group_pairs"), doc="group_pairs.csv")
    suggestions = property(lambda self: self.table("suggestions"), doc="suggestions.csv")
    dependence = property(lambda self: self.table("dependence"), doc="group_pair_dependence.csv")
    activities = property(lambda self: self.table("activities"), doc="activities.csv")
    periods = property(lambda self: self.table("periods"), doc="summary_by_period.csv")

    @property
    def summary(self):
        """The network figures of summary.json as a dict (undefined: None)."""
        with _lock:
            return _summary_dict(lib.bm_analysis_summary(self._live()))

    @property
    def levels(self):
        """The grouping columns, outermost first ([] without a grouping)."""
        p = self._live()
        return [_text(lib.bm_grouping_column(lib.bm_analysis_grouping(p, k)))
                for k in range(lib.bm_analysis_levels(p))]

    def period_chart(self, title=None):
        """The E-I index per period (analyses with by=) as SVG: observed against what
        chance would give, periods that differ from chance marked (ei_by_period.svg)."""
        return _period_chart(lib.bm_analysis_periods(self._live()), title)

    @property
    def sampled(self):
        """Whether the path measures were sampled (large networks)."""
        return bool(lib.bm_analysis_sampled(self._live()))

    def tables(self):
        """Every table the analysis has, by output name."""
        out = {}
        for name in _TABLES:
            t = self.table(name)
            if t is not None:
                out[name] = t
        return out

    @property
    def narrative(self):
        """The plain-language findings `bridgemap analyze` prints."""
        return _string(lib.bm_options_narrative, self._live(), self._options)

    def write(self, out_dir, maps=True):
        """Writes the output set of `bridgemap analyze -o out_dir` (whole or not at all)."""
        opts = self._with(no_map=not maps)
        with _lock:
            _check(lib.bm_options_write_analysis(self._live(), opts.ptr, os.fsencode(out_dir)))
        return out_dir

    def render(self, path, **options):
        """Draws a map to path as `bridgemap render` (view="network"|"silo"|"groups",
        shape_by=, size_by=, label_by=, title=, max_labels=, actor= with radius= for
        an ego map); the format follows the extension (.svg .png .pdf .dot)."""
        opts = self._with(**options)
        with _lock:
            _check(lib.bm_options_render(self._live(), opts.ptr, os.fsencode(path)))
        return path

    def map(self, **options):
        """The map as SVG text (shown inline in Jupyter); options as render()."""
        with tempfile.TemporaryDirectory(prefix="bridgemap-") as d:
            path = os.path.join(d, "map.svg")
            self.render(path, **options)
            with open(path, encoding="utf-8") as f:
                return SVG(f.read())

    def _with(self, **options):
        settings = dict(self._options.settings)
        settings.update(options)
        return _Options(settings)

    def __repr__(self):
        if not self._ptr:
            return "<bridgemap.Analysis closed>"
        return "<bridgemap.Analysis of %r, grouped by %s>" % (
            self.network, ",".join(self.levels) or "nothing")


def _string(fn, ptr, options):
    out = _native.c_void_p()
    with _lock:
        _check(fn(ptr, options.ptr, _native.ctypes.byref(out)))
        try:
            return _native.ctypes.string_at(out).decode("utf-8", "replace")
        finally:
            lib.bm_string_free(out)


_TEST_FIELDS = ("share_before", "share_after", "ties_before", "ties_after", "change", "p_value",
                "permutations", "seed")


class Comparison(_Handle):
    """`bridgemap compare`: two periods side by side and the test of the change."""

    _free = staticmethod(lambda p: lib.bm_compare_free(p))

    def __init__(self, ptr, options, before, after):
        self._ptr = ptr
        self._options = options
        self._networks = (before, after)
        self._borrow(before, after)

    def _get(self, fn):
        with _lock:
            return _table(fn(self._live()))

    summary = property(lambda self: self._get(lib.bm_compare_summary), doc="compare_summary.csv")
    groups = property(lambda self: self._get(lib.bm_compare_groups), doc="compare_groups.csv")
    pairs = property(lambda self: self._get(lib.bm_compare_pairs), doc="compare_group_pairs.csv")
    actors = property(lambda self: self._get(lib.bm_compare_actors), doc="compare_actors.csv")
    ties = property(lambda self: self._get(lib.bm_compare_ties), doc="compare_ties.csv")

    @property
    def test(self):
        """The change test: cross-group shares before and after, their change,
        the two-sided permutation p-value, permutations and seed."""
        p = self._live()
        out = {}
        for k in _TEST_FIELDS:
            v = lib.bm_compare_test_value(p, k.encode())
            if k in ("ties_before", "ties_after", "permutations", "seed") and not math.isnan(v):
                v = int(v)
            out[k] = None if isinstance(v, float) and math.isnan(v) else v
        return out

    @property
    def before(self):
        """The analysis of the first period (owned by this comparison)."""
        return Analysis(lib.bm_compare_before(self._live()), self._options, self._networks[0], self)

    @property
    def after(self):
        """The analysis of the second period (owned by this comparison)."""
        return Analysis(lib.bm_compare_after(self._live()), self._options, self._networks[1], self)

    @property
    def narrative(self):
        """The verdict and findings `bridgemap compare` prints."""
        return _string(lib.bm_options_compare_narrative, self._live(), self._options)

    def write(self, out_dir, maps=True):
        """Writes the output set of `bridgemap compare -o out_dir`."""
        settings = dict(self._options.settings)
        settings["no_map"] = not maps
        opts = _Options(settings)
        with _lock:
            _check(lib.bm_options_write_compare(self._live(), opts.ptr, os.fsencode(out_dir)))
        return out_dir

    def map(self, which="after"):
        """A change map as SVG text: "before" or "after" (both periods drawn with the
        same positions; gained ties thick, lost ones dashed) or "groups" (one circle
        per group, ties before -> after)."""
        files = {"before": "change_map_before.svg", "after": "change_map_after.svg",
                 "groups": "change_group_map.svg"}
        if which not in files:
            raise ValueError("bridgemap: which must be before, after or groups, not %r" % (which,))
        with tempfile.TemporaryDirectory(prefix="bridgemap-") as d:
            self.write(d)
            path = os.path.join(d, files[which])
            if not os.path.exists(path):
                raise UsageError("the change map of groups needs a grouping (group=COLUMN)", 2)
            with open(path, encoding="utf-8") as f:
                return SVG(f.read())

    def __repr__(self):
        if not self._ptr:
            return "<bridgemap.Comparison closed>"
        t = self.test
        return "<bridgemap.Comparison: cross-group share %s -> %s, p = %s>" % (
            t["share_before"], t["share_after"], t["p_value"])


def _period_chart(table, title):
    if not table:
        raise ValueError("bridgemap: no periods (analyze with by=\"quarter\", say)")
    with tempfile.TemporaryDirectory(prefix="bridgemap-") as d:
        path = os.path.join(d, "periods.svg")
        with _lock:
            _check(lib.bm_render_period_chart(table, title.encode() if title else None,
                                              os.fsencode(path)))
        with open(path, encoding="utf-8") as f:
            return SVG(f.read())


class Trend(_Handle):
    """`bridgemap compare --by`: per period the network figures, the cross-group
    share and its change from the period before with the change test's p-value."""

    _free = staticmethod(lambda p: lib.bm_table_free(p))

    def __init__(self, ptr):
        self._ptr = ptr

    @property
    def table(self):
        """compare_by_period.csv as a DataFrame (list of dicts without pandas)."""
        with _lock:
            return _table(self._live())

    def chart(self, title=None):
        """The E-I index per period as SVG (ei_by_period.svg)."""
        return _period_chart(self._live(), title)

    def __repr__(self):
        return "<bridgemap.Trend: %d periods>" % lib.bm_table_rows(self._ptr) if self._ptr \
            else "<bridgemap.Trend closed>"


def trend(records, by="quarter", actors=None, **options):
    """`bridgemap compare RECORDS --by PERIOD`: the trend over calendar months,
    quarters or years of one dated records file, each period's change in
    cross-group mixing tested against the period before. Returns a Trend."""
    opts = _Options(_loading(records, actors, None, dict(options, by=by)))
    out = _native.c_void_p()
    with _lock:
        lib.bm_init(opts.seed)
        _check(lib.bm_options_compare_by_period(_native.ctypes.byref(out), opts.ptr))
    return Trend(out)


def _is_table(obj):
    if _pd is not None and isinstance(obj, _pd.DataFrame):
        return True
    return isinstance(obj, (list, tuple)) and len(obj) > 0 and all(isinstance(r, dict) for r in obj)


def _write_table(obj, path):
    """A DataFrame or a list of dicts as the UTF-8 CSV file the loader reads."""
    if _pd is not None and isinstance(obj, _pd.DataFrame):
        obj.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        return path
    import csv
    columns = []
    for row in obj:
        columns += [k for k in row if k not in columns]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for row in obj:
            w.writerow({k: "" if v is None else v for k, v in row.items()})
    return path


def _reraise(e, tmp):
    """Raises e, naming a DataFrame's temporary CSV file as "<records DataFrame>"."""
    if tmp is None:
        raise e
    msg = str(e)
    for key in ("records", "actors", "affiliations"):
        msg = msg.replace(os.path.join(tmp.name, key + ".csv"), "<%s DataFrame>" % key)
    raise type(e)(msg, e.status) from None


def load(records=None, actors=None, affiliations=None, **options):
    """Loads records (CSV, .xlsx, GraphML, GML, Pajek), an actors file and/or
    affiliations ("who took part in what") as `bridgemap analyze` does, with its
    loading options (directed, the date window from_= and to=, source_col,
    date_format, sheet, encoding, strict, projection, ...). Returns a Network.

    records, actors and affiliations may also be pandas DataFrames (or lists of
    dicts) with the columns the files would have: they are written as UTF-8 CSV
    to a temporary folder that lives as long as the Network, and an error names
    "<records DataFrame>:LINE:COLUMN", line 2 being the first row."""
    tmp, given = None, {"records": records, "actors": actors, "affiliations": affiliations}
    for key, obj in list(given.items()):
        if obj is not None and _is_table(obj):
            if tmp is None:
                tmp = tempfile.TemporaryDirectory(prefix="bridgemap-dataframe-")
            given[key] = _write_table(obj, os.path.join(tmp.name, key + ".csv"))
    settings = _loading(given["records"], given["actors"], given["affiliations"], options)
    opts = _Options(settings)
    out = _native.c_void_p()
    try:
        with _lock:
            lib.bm_init(opts.seed)
            _check(lib.bm_options_load_network(_native.ctypes.byref(out), opts.ptr))
    except Error as e:
        _reraise(e, tmp)
    net = Network(out, opts)
    net._tmp = tmp  # the files a later by= analysis reloads
    _load_warnings(net, given)
    return net


def _load_warnings(net, given):
    """The command line's loading warnings, as Python warnings (shown once per
    place by default; warnings.simplefilter("error") turns them into errors)."""
    p = net._live()
    level, f = 1, sys._getframe(0)  # point the warning at the user's line
    while f is not None and os.path.dirname(os.path.abspath(f.f_code.co_filename)) == _HERE:
        f, level = f.f_back, level + 1
    loops, empty = lib.bm_network_self_loops_dropped(p), lib.bm_network_empty_weights(p)
    if loops:
        warnings.warn("bridgemap: %d record%s from an actor to itself %s left out"
                      % (loops, "" if loops == 1 else "s", "was" if loops == 1 else "were"),
                      stacklevel=level)
    if empty:
        warnings.warn("bridgemap: %d record%s an empty weight cell; each counted as weight 1"
                      % (empty, " has" if empty == 1 else "s have"), stacklevel=level)
    unlisted = lib.bm_network_unlisted_count(p)
    if unlisted:
        first = lib.bm_network_listed_count(p)
        ids = ", ".join("'%s'" % _text(lib.bm_network_actor_id(p, first + k))
                        for k in range(min(unlisted, 3)))
        src = ("the records and affiliations" if given["records"] and given["affiliations"]
               else "the records" if given["records"] else "the affiliations")
        warnings.warn("bridgemap: %d actor%s named in %s %s not in the actors table (%s%s); %s "
                      "added with no attributes (strict=True makes this an error)"
                      % (unlisted, "" if unlisted == 1 else "s", src,
                         "is" if unlisted == 1 else "are", ids, ", ..." if unlisted > 3 else "",
                         "it was" if unlisted == 1 else "they were"), stacklevel=level)


def _loading(records, actors, affiliations, options):
    settings = dict(options)
    # "from" is a Python keyword: from_=, date_from= and date_to= are accepted too
    for alias, key in (("from_", "from"), ("date_from", "from"), ("date_to", "to")):
        if alias in settings:
            settings[key] = settings.pop(alias)
    settings.update(records=records, actors=actors, affiliations=affiliations)
    return settings


def analyze(records=None, actors=None, affiliations=None, **options):
    """load() and Network.analyze() in one call; options go to both."""
    net = load(records, actors, affiliations, **options)
    return net.analyze()


def _day_before(date):
    try:
        d = datetime.date.fromisoformat(_value(date))
    except ValueError:
        raise UsageError("split_date needs a date YYYY-MM-DD, not %r" % (date,), 2) from None
    return (d - datetime.timedelta(days=1)).isoformat(), d.isoformat()


def compare(before, after=None, actors=None, split_date=None, before_from=None, after_to=None,
            **options):
    """`bridgemap compare`: two snapshots (Network objects or records files), or one
    records file split at split_date (before = records dated before it, after =
    those dated on or after it; before_from / after_to bound the two windows).
    Analysis options (group, seed, permutations, ...) as for analyze. Returns a
    Comparison."""
    if "by" in options:
        raise UsageError("by makes a trend of one records file: use bridgemap.trend(records, "
                         "by=...), not compare", 2)
    if options.get("affiliations") is not None:
        raise UsageError("compare reads records files; affiliations are not supported yet (load "
                         "each period with affiliations= and from_=/to=, and analyze each)", 2)
    window = [k for k in ("from_", "from", "date_from", "to", "date_to") if options.get(k) is not None]
    if split_date is not None and window:
        raise UsageError("with split_date, give the windows with before_from and after_to, not %s"
                         % window[0], 2)
    if split_date is not None:
        if after is not None:
            raise UsageError("split_date splits one records file; give before= only", 2)
        if isinstance(before, Network):
            raise UsageError("split_date needs the records file, not a loaded Network", 2)
        last_before, first_after = _day_before(split_date)
        b = load(before, actors, from_=before_from, to=last_before, **options)
        a = load(before, actors, from_=first_after, to=after_to, **options)
        labels = {"before_label": "before " + first_after, "after_label": "from " + first_after}
    else:
        if after is None:
            raise UsageError("compare needs before and after (records files or Networks), "
                             "or split_date", 2)
        if before_from or after_to:
            raise UsageError("before_from and after_to go with split_date", 2)
        b = before if isinstance(before, Network) else load(before, actors, **options)
        a = after if isinstance(after, Network) else load(after, actors, **options)
        labels = {"before_label": "before", "after_label": "after"}
    settings = dict(b._options.settings)
    settings.update(labels)
    settings.update({k: v for k, v in options.items() if k not in ("from_", "date_from", "date_to")})
    opts = _Options(settings)
    out = _native.c_void_p()
    with _lock:
        lib.bm_init(opts.seed)
        _check(lib.bm_options_run_compare(_native.ctypes.byref(out), b._live(), a._live(), opts.ptr))
    return Comparison(out, opts, b, a)


lib.bm_init(1)
