#!/usr/bin/env bash
# deps.sh: install what bridgemap needs on Debian 12, only when something is missing.
#   scripts/deps.sh          build dependencies
#   scripts/deps.sh --test   build and test dependencies (oracles: NetworkX, python-igraph;
#                            Open MPI, so that the optional MPI build and its test run;
#                            pandas, nbconvert and ipykernel for the binding and notebooks)
# As root it runs apt-get; otherwise it tries `sudo -n`; otherwise it prints the
# exact apt-get line to run and fails.
set -euo pipefail

pkgs=(build-essential cmake pkg-config libigraph-dev libcsv-dev libgraphviz-dev libcjson-dev
      nettle-dev libzip-dev libexpat1-dev fonts-dejavu-core)
if [[ "${1:-}" == "--test" ]]; then
  pkgs+=(python3 python3-networkx python3-igraph python3-numpy python3-scipy r-cran-sna
         openmpi-bin libopenmpi-dev python3-openpyxl chromium
         python3-pandas jupyter-nbconvert python3-ipykernel)
fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "bridgemap: installing missing Debian packages: ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "bridgemap: cannot install packages (not root, no password-less sudo). Run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
