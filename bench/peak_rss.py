#!/usr/bin/python3
"""Peak memory of a command, for bench/run.sh where GNU time (Debian's `time`
package, /usr/bin/time) is missing.

Usage: peak_rss.py OUTFILE COMMAND [ARG...]

Runs COMMAND (standard streams inherited), then writes one line to OUTFILE:
"MAXRSS_KIB WALL_SECONDS": resource.getrusage(RUSAGE_CHILDREN).ru_maxrss
(KiB on Linux: the peak resident set of the largest process among COMMAND
and the descendants it waited for; not a sum over processes) and the wall time
of COMMAND alone (time.perf_counter around it, so this script's own start-up
is not counted). Exits with COMMAND's status (128 + N when killed by signal N).
"""

import resource
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    out, cmd = argv[1], argv[2:]
    t0 = time.perf_counter()
    try:
        rc = subprocess.call(cmd)
    except OSError as e:
        sys.stderr.write("peak_rss.py: cannot run %s: %s\n" % (cmd[0], e))
        return 127
    wall = time.perf_counter() - t0
    kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(out, "w") as f:
        f.write("%d %.6f\n" % (kib, wall))
    return rc if rc >= 0 else 128 - rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
