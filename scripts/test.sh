#!/usr/bin/env bash
# Runs every test on a fresh machine that has only the .NET SDK, Node.js and apt:
# installs what is missing (Azurite via npm ci), builds Core, LocalHost and the tests, and runs them.
# The Azure Functions project is left out: its worker packages are not on this package source (see README).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "npm ci (Azurite, pinned in package.json)"
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

step "LibreOffice (the paper tests convert every rendered paper to PDF)"
if ! command -v soffice >/dev/null 2>&1; then
  packages=(libreoffice-writer poppler-utils fonts-liberation2)
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    echo "warning: cannot install LibreOffice here (not root, no sudo); the LibreOffice tests will be skipped and say so." >&2
  fi
fi
command -v soffice >/dev/null 2>&1 && echo "soffice: $(command -v soffice)"

step "dotnet build (FactFunctions.Ci.slnf: everything but the Functions app)"
dotnet build FactFunctions.Ci.slnf -c Release --nologo -v minimal

step "dotnet test"
results=$(mktemp -d)
status=0
dotnet test FactFunctions.Ci.slnf -c Release --no-build --nologo -v minimal \
  --logger "console;verbosity=normal" --logger "trx" --results-directory "$results" || status=$?

# One plain closing line over all test projects, summed from the TRX files.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters"); skipped=$((skipped + ${n:-0}))
done
rm -rf "$results"
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
