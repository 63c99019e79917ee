"""The C library behind the binding: finding libbridgemap.so and declaring its calls.

The binding uses only the flat part of the C API (bridgemap/options.h for
every option by name, the opaque handles and the table getters), so no C
struct is mirrored here and a new option in the library cannot shift a field
under Python's feet.

Where the library is looked for, first found wins:
  1. the path in the environment variable BRIDGEMAP_LIBRARY;
  2. build/libbridgemap.so of the source tree this package sits in
     (python/bridgemap/ -> ../../build/), so a fresh clone works after `make`;
  3. where `make install` puts it beside the package: PREFIX/lib or PREFIX/lib/<multiarch>
     (the package in PREFIX/lib/pythonX.Y/dist-packages);
  4. the system's search path (ctypes.util.find_library("bridgemap"), then
     libbridgemap.so.0).
"""
import ctypes
import ctypes.util
import glob
import os

c_char_p = ctypes.c_char_p
c_void_p = ctypes.c_void_p
c_size_t = ctypes.c_size_t
c_int = ctypes.c_int
c_long = ctypes.c_long
c_double = ctypes.c_double
c_ulong = ctypes.c_ulong
P = ctypes.POINTER


def _candidates():
    env = os.environ.get("BRIDGEMAP_LIBRARY")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    tree = os.path.join(here, os.pardir, os.pardir, "build", "libbridgemap.so")
    if os.path.exists(tree):
        yield os.path.normpath(tree)
    # installed by `make install`: PREFIX/lib/pythonX.Y/dist-packages/bridgemap, the
    # library in PREFIX/lib or PREFIX/lib/<multiarch>
    libdir = os.path.join(here, os.pardir, os.pardir, os.pardir)
    for sub in [""] + sorted(glob.glob(os.path.join(libdir, "*-linux-gnu*"))):
        lib_path = os.path.join(libdir, sub, "libbridgemap.so.0")
        if os.path.exists(lib_path):
            yield os.path.normpath(lib_path)
    found = ctypes.util.find_library("bridgemap")
    if found:
        yield found
    yield "libbridgemap.so.0"


def _open():
    tried = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError("bridgemap: cannot load libbridgemap.so; build it with `make` in the "
                      "source tree, install it with `make install`, or set BRIDGEMAP_LIBRARY "
                      "to its path. Tried: " + "; ".join(tried))


lib, path = _open()

# void (*bm_progress_fn)(const char *step, double percent, void *data)
PROGRESS_FN = ctypes.CFUNCTYPE(None, c_char_p, c_double, c_void_p)

# name: (restype, argtypes)
_PROTOTYPES = {
    "bm_version": (c_char_p, []),
    "bm_init": (None, [c_ulong]),
    "bm_error_last": (c_char_p, []),
    "bm_error_clear": (None, []),
    "bm_set_progress": (None, [PROGRESS_FN, c_void_p]),
    "bm_options_new": (c_int, [P(c_void_p)]),
    "bm_options_free": (None, [c_void_p]),
    "bm_options_set": (c_int, [c_void_p, c_char_p, c_char_p]),
    "bm_options_load_network": (c_int, [P(c_void_p), c_void_p]),
    "bm_options_run_analysis": (c_int, [P(c_void_p), c_void_p, c_void_p]),
    "bm_options_render": (c_int, [c_void_p, c_void_p, c_char_p]),
    "bm_options_write_analysis": (c_int, [c_void_p, c_void_p, c_char_p]),
    "bm_options_run_compare": (c_int, [P(c_void_p), c_void_p, c_void_p, c_void_p]),
    "bm_options_write_compare": (c_int, [c_void_p, c_void_p, c_char_p]),
    "bm_options_compare_by_period": (c_int, [P(c_void_p), c_void_p]),
    "bm_render_period_chart": (c_int, [c_void_p, c_char_p, c_char_p]),
    "bm_table_free": (None, [c_void_p]),
    "bm_options_narrative": (c_int, [c_void_p, c_void_p, P(c_void_p)]),
    "bm_options_compare_narrative": (c_int, [c_void_p, c_void_p, P(c_void_p)]),
    "bm_string_free": (None, [c_void_p]),
    "bm_compare_test_value": (c_double, [c_void_p, c_char_p]),
    "bm_network_free": (None, [c_void_p]),
    "bm_network_actor_count": (c_size_t, [c_void_p]),
    "bm_network_tie_count": (c_size_t, [c_void_p]),
    "bm_network_is_directed": (c_int, [c_void_p]),
    "bm_network_actor_id": (c_char_p, [c_void_p, c_size_t]),
    "bm_network_attr_count": (c_size_t, [c_void_p]),
    "bm_network_attr_name": (c_char_p, [c_void_p, c_size_t]),
    "bm_network_attr_value": (c_char_p, [c_void_p, c_size_t, c_size_t]),
    "bm_network_record_count": (c_size_t, [c_void_p]),
    "bm_network_unlisted_count": (c_size_t, [c_void_p]),
    "bm_network_listed_count": (c_size_t, [c_void_p]),
    "bm_network_self_loops_dropped": (c_size_t, [c_void_p]),
    "bm_network_empty_weights": (c_size_t, [c_void_p]),
    "bm_network_first_date": (c_char_p, [c_void_p]),
    "bm_network_last_date": (c_char_p, [c_void_p]),
    "bm_network_records_format": (c_char_p, [c_void_p]),
    "bm_analysis_free": (None, [c_void_p]),
    "bm_analysis_levels": (c_size_t, [c_void_p]),
    "bm_analysis_grouping": (c_void_p, [c_void_p, c_size_t]),
    "bm_analysis_sampled": (c_int, [c_void_p]),
    "bm_grouping_column": (c_char_p, [c_void_p]),
    "bm_analysis_actors": (c_void_p, [c_void_p]),
    "bm_analysis_groups": (c_void_p, [c_void_p, c_size_t]),
    "bm_analysis_group_pairs": (c_void_p, [c_void_p, c_size_t]),
    "bm_analysis_ties": (c_void_p, [c_void_p]),
    "bm_analysis_summary": (c_void_p, [c_void_p]),
    "bm_analysis_suggestions": (c_void_p, [c_void_p]),
    "bm_analysis_dependence": (c_void_p, [c_void_p]),
    "bm_analysis_activities": (c_void_p, [c_void_p]),
    "bm_analysis_periods": (c_void_p, [c_void_p]),
    "bm_compare_free": (None, [c_void_p]),
    "bm_compare_before": (c_void_p, [c_void_p]),
    "bm_compare_after": (c_void_p, [c_void_p]),
    "bm_compare_summary": (c_void_p, [c_void_p]),
    "bm_compare_groups": (c_void_p, [c_void_p]),
    "bm_compare_pairs": (c_void_p, [c_void_p]),
    "bm_compare_actors": (c_void_p, [c_void_p]),
    "bm_compare_ties": (c_void_p, [c_void_p]),
    "bm_table_name": (c_char_p, [c_void_p]),
    "bm_table_rows": (c_size_t, [c_void_p]),
    "bm_table_cols": (c_size_t, [c_void_p]),
    "bm_table_col_name": (c_char_p, [c_void_p, c_size_t]),
    "bm_table_col_description": (c_char_p, [c_void_p, c_size_t]),
    "bm_table_col_citation": (c_char_p, [c_void_p, c_size_t]),
    "bm_table_col_type": (c_int, [c_void_p, c_size_t]),
    "bm_table_text": (c_char_p, [c_void_p, c_size_t, c_size_t]),
    "bm_table_copy_numbers": (None, [c_void_p, c_size_t, P(c_double)]),
    "bm_table_copy_texts": (c_int, [c_void_p, c_size_t, P(c_void_p), P(c_size_t)]),
}

for _name, (_res, _args) in _PROTOTYPES.items():
    _f = getattr(lib, _name)
    _f.restype = _res
    _f.argtypes = _args

BM_COL_NUMBER = 0
BM_COL_TEXT = 1
