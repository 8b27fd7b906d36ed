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

echo "==> building the harness (Release)"
dotnet build bench/FactFunctions.Benchmarks -c Release --nologo -v quiet

echo "==> running (a few minutes on 2 cores)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(dotnet --version) SDK, node $(node --version)"
dotnet bench/FactFunctions.Benchmarks/bin/Release/net10.0/FactFunctions.Benchmarks.dll "$@"
