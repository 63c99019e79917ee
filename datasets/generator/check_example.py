#!/usr/bin/python3
"""Check and summarise the generated Fjordvik example (stdlib only).

usage: /usr/bin/python3 datasets/generator/check_example.py datasets/fjordvik
Cross-unit: the two actors' (organisation, unit) differ; an empty unit counts as
its own value (numbers with such records left out are printed as well).
"""
import csv, sys, os
from collections import Counter

d = sys.argv[1] if len(sys.argv) > 1 else "."
def read(name, header):
    with open(os.path.join(d, name), newline="", encoding="utf-8") as f:
        raw = open(os.path.join(d, name), "rb").read()
        assert b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf"), name + ": CR or BOM"
        rows = list(csv.reader(f))
    assert rows[0] == header, (name, rows[0])
    assert all(len(r) == len(header) for r in rows[1:]), name + ": ragged row"
    return rows[1:]

actors = read("actors.csv", ["id", "name", "sector", "organisation", "unit", "level"])
records = read("records.csv", ["source", "target", "weight", "date", "type", "activity"])
affil = read("affiliations.csv", ["actor", "activity"])

A = {r[0]: dict(zip(["id", "name", "sector", "org", "unit", "level"], r)) for r in actors}
assert len(A) == len(actors), "duplicate actor id"
assert {a["sector"] for a in A.values()} <= {"public", "private", "voluntary", "research", "civil"}
assert {a["level"] for a in A.values()} <= {"top", "middle", "frontline"}
assert len({a["name"] for a in A.values()}) == len(A), "duplicate name"
print(f"actors: {len(A)}  by sector: {dict(Counter(a['sector'] for a in A.values()))}")
print(f"  by level: {dict(Counter(a['level'] for a in A.values()))}")
print(f"  organisations: {len({a['org'] for a in A.values()})}, units (non-empty): "
      f"{len({(a['org'], a['unit']) for a in A.values() if a['unit']})}")
print("  empty unit:", [k for k, a in A.items() if not a["unit"]])
print("  names needing quotes:", [a["name"] for a in A.values() if any(c in a["name"] for c in ',"')])
print("  orgs with &:", sorted({a["org"] for a in A.values() if "&" in a["org"]}))

for s, t, w, date, typ, act in records:
    assert s in A and t in A, ("unknown id", s, t)
    assert s != t, ("self loop", s)
    assert w in {"1", "2", "3", "4"}, w
    assert typ in {"meeting", "project", "case", "referral", "email"}, typ
    assert len(date) == 10 and date[4] == "-" and date[7] == "-", date
for a, act in affil:
    assert a in A, a
assert len(set(map(tuple, affil))) == len(affil), "duplicate affiliation"

def period(date):
    if "2023-01-01" <= date <= "2023-12-31": return "A"
    if "2024-02-01" <= date <= "2024-12-31": return "B"
    return "other"

used = set()
for r in records: used.update(r[:2])
iso = sorted(set(A) - used)
print(f"records: {len(records)}  by period: {dict(Counter(period(r[3]) for r in records))}")
print(f"  date range: {min(r[3] for r in records)} .. {max(r[3] for r in records)}")
print(f"  types: {dict(Counter(r[4] for r in records))}")
print(f"  weights: {dict(sorted(Counter(r[2] for r in records).items()))}")
print(f"  empty activity: {sum(1 for r in records if not r[5])}")
und = Counter(frozenset(r[:2]) for r in records)
dirc = Counter(tuple(r[:2]) for r in records)
print(f"  distinct undirected ties: {len(und)}, repeated (>=2 records): "
      f"{sum(1 for v in und.values() if v > 1)}, max records per tie: {max(und.values())}")
print(f"  distinct directed (source,target): {len(dirc)}")
print(f"isolates: {len(iso)} {[(i, A[i]['name'], A[i]['sector']) for i in iso]}")

def ukey(i): return (A[i]["org"], A[i]["unit"])
def xu(s, t): return ukey(s) != ukey(t)
def xs(s, t): return A[s]["sector"] != A[t]["sector"]
def xo(s, t): return A[s]["org"] != A[t]["org"]
def pct(k, n): return f"{k}/{n} = {100.0 * k / n:.1f}%"
for p in "AB":
    R = [r for r in records if period(r[3]) == p]
    T = {frozenset(r[:2]) for r in R}
    Tl = [tuple(sorted(t)) for t in T]
    Re = [r for r in R if A[r[0]]["unit"] and A[r[1]]["unit"]]
    Te = [t for t in Tl if A[t[0]]["unit"] and A[t[1]]["unit"]]
    W = sum(int(r[2]) for r in R)
    ids = set(); [ids.update(r[:2]) for r in R]
    print(f"period {p}: {len(R)} records, {len(T)} distinct ties, {len(ids)} active actors")
    print(f"  cross-unit   records {pct(sum(xu(*r[:2]) for r in R), len(R))};"
          f" ties {pct(sum(xu(*t) for t in Tl), len(Tl))};"
          f" weight {pct(sum(int(r[2]) for r in R if xu(*r[:2])), W)}")
    print(f"     (empty-unit records left out: records {pct(sum(xu(*r[:2]) for r in Re), len(Re))};"
          f" ties {pct(sum(xu(*t) for t in Te), len(Te))})")
    print(f"  cross-org    records {pct(sum(xo(*r[:2]) for r in R), len(R))};"
          f" ties {pct(sum(xo(*t) for t in Tl), len(Tl))}")
    print(f"  cross-sector records {pct(sum(xs(*r[:2]) for r in R), len(R))};"
          f" ties {pct(sum(xs(*t) for t in Tl), len(Tl))};"
          f" weight {pct(sum(int(r[2]) for r in R if xs(*r[:2])), W)}")
    emp = [k for k, a in A.items() if not a["unit"]]
    print(f"  records touching the empty-unit actor: {sum(1 for r in R if r[0] in emp or r[1] in emp)}")
print(f"affiliations: {len(affil)} rows, {dict(Counter(a[1] for a in affil))}")
for act in sorted({a[1] for a in affil}):
    print(f"  {act}: sectors {dict(Counter(A[a[0]]['sector'] for a in affil if a[1] == act))}")
print("OK")
