#!/usr/bin/env bash
# Runs the benchmarks of quality.md side by side in one go and prints one table with the ratios:
# our renderer vs docxtemplater (Node) on the same rows, batched vs per-row snapshot writes against Azurite,
# report generation over HTTP into LocalHost, LocalHost start-up. Installs what it needs (npm ci).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> npm ci (Azurite; the docxtemplater peer)"
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
(cd bench/peers/docxtemplater && npm ci --no-audit --no-fund --loglevel=error)

echo "==> pandoc (the peer of reading a draft back)"
if ! command -v pandoc >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pandoc >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pandoc >/dev/null
  else
    echo "warning: cannot install pandoc here (not root, no sudo); its row will say so." >&2
  fi
fi

echo "==> building the harness (Release)"
dotnet build bench/FactFunctions.Benchmarks -c Release --nologo -v quiet

echo "==> running (a few minutes on 2 cores)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(dotnet --version) SDK, node $(node --version)"
dotnet bench/FactFunctions.Benchmarks/bin/Release/net10.0/FactFunctions.Benchmarks.dll "$@"
