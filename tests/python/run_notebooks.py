#!/usr/bin/python3
"""Executes notebooks/*.ipynb headlessly (Debian's jupyter-nbconvert and python3-ipykernel) with
the binding of this tree, and fails when a cell fails: the notebooks assert on numbers from
outside bridgemap (published figures, R sna, counts by plain loops over the CSV files).

Also checks that the committed notebooks carry no outputs (they are committed cleared; run
`jupyter nbconvert --clear-output --inplace notebooks/*.ipynb` before committing) and that
each one asserts something.

The kernel is Debian's own /usr/bin/python3 (this interpreter), named through a kernel spec
written here, so a python3 earlier on PATH (pyenv, conda) cannot be picked up.

Run: run_notebooks.py --library build/libbridgemap.so --source . [--out out/notebooks]
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time


def committed_clean(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    problems = []
    asserts = 0
    for k, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"])
        asserts += len(re.findall(r"^\s*assert ", src, re.M))  # statements, not comments
        if cell.get("outputs") or cell.get("execution_count") is not None:
            problems.append("cell %d has outputs" % (k + 1))
    if asserts == 0:
        problems.append("no cell asserts anything")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", required=True, help="libbridgemap.so to use")
    ap.add_argument("--source", required=True, help="the source tree")
    ap.add_argument("--out", help="keep the executed notebooks here (default: discarded)")
    args = ap.parse_args()
    src = os.path.abspath(args.source)
    books = sorted(glob.glob(os.path.join(src, "notebooks", "*.ipynb")))
    if len(books) < 3:
        print("FAIL: expected the three notebooks in notebooks/, found %d" % len(books))
        return 1
    failed = 0
    with tempfile.TemporaryDirectory(prefix="bm_nb_") as tmp:
        spec = os.path.join(tmp, "jupyter", "kernels", "bridgemap-python3")
        os.makedirs(spec)
        with open(os.path.join(spec, "kernel.json"), "w") as f:
            json.dump({"argv": [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher",
                                "-f", "{connection_file}"],
                       "display_name": "Python 3 (Debian, bridgemap)", "language": "python"}, f)
        out = os.path.abspath(args.out) if args.out else os.path.join(tmp, "executed")
        os.makedirs(out, exist_ok=True)
        env = dict(os.environ, JUPYTER_PATH=os.path.join(tmp, "jupyter"),
                   BRIDGEMAP_LIBRARY=os.path.abspath(args.library),
                   PYDEVD_DISABLE_FILE_VALIDATION="1", MPLBACKEND="Agg",
                   PYTHONDONTWRITEBYTECODE="1")
        for book in books:
            name = os.path.basename(book)
            for p in committed_clean(book):
                print("FAIL: %s: %s (commit notebooks with outputs cleared)" % (name, p))
                failed += 1
            t0 = time.time()
            r = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                                "--ExecutePreprocessor.kernel_name=bridgemap-python3",
                                "--ExecutePreprocessor.timeout=900", "--output-dir", out, book],
                               capture_output=True, text=True, env=env, cwd=os.path.dirname(book))
            if r.returncode != 0:
                failed += 1
                print("FAIL: %s did not run through:\n%s" % (name, r.stderr[-4000:]))
            else:
                print("ok: %s executed in %.1f s" % (name, time.time() - t0))
    if args.out and not failed:
        print("executed notebooks (with outputs) in %s" % args.out)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
