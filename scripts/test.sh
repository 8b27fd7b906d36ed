#!/usr/bin/env bash
# Runs every test on a fresh machine that has only the .NET SDK, Node.js and apt:
# installs what is missing (Azurite via npm ci), builds Core, LocalHost, the Azure Functions app and the tests, and runs them.
# The Functions host itself cannot run here; the app is built so a test can check its generated functions.metadata.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "npm ci (Azurite, ical.js, playwright-core, axe-core, @redocly/cli, markdownlint-cli2: pinned in package-lock.json)"
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

step "LibreOffice Writer, Calc and Impress (papers, workbooks and slides are converted in the tests), Chromium (pages are opened in it), pandoc (the drafts' peer in the benchmarks)"
packages=(libreoffice-writer libreoffice-calc libreoffice-impress poppler-utils fonts-liberation2 chromium pandoc)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "warning: cannot install ${missing[*]} here (not root, no sudo); the LibreOffice and Chromium tests will be skipped and say so." >&2
  fi
fi
command -v soffice >/dev/null 2>&1 && echo "soffice: $(command -v soffice)"
command -v chromium >/dev/null 2>&1 && echo "chromium: $(command -v chromium)"
command -v pandoc >/dev/null 2>&1 && echo "pandoc: $(command -v pandoc)"

step "Markdown lint (markdownlint-cli2 over every *.md; rules in .markdownlint-cli2.jsonc)"
lint_status=0
node_modules/.bin/markdownlint-cli2 || lint_status=$?

step "OpenAPI lint (@redocly/cli, recommended rules, on the document both hosts serve)"
node_modules/.bin/redocly lint src/FactFunctions.Core/Http/openapi.json --format=summary || lint_status=$?

step "bicep build and lint (infra-bicep/, with the Bicep CLI from NuGet)"
dotnet restore tools/bicep/bicep.csproj --nologo -v quiet
bicep_version=$(sed -n 's/.*Azure.Bicep.CommandLine.linux-x64" Version="\[\(.*\)\]".*/\1/p' tools/bicep/bicep.csproj)
bicep="${NUGET_PACKAGES:-$HOME/.nuget/packages}/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
chmod +x "$bicep"
"$bicep" build infra-bicep/main.bicep --stdout > /dev/null
# Lint fails on error-level rules (bicepconfig.json); warnings are printed, not fatal: the recent-API-version
# rule depends on today's date.
"$bicep" lint infra-bicep/main.bicep
FACT_PROGRAMME_LEAD_KEY=lint-only-programme-lead-key FACT_OFFICER_KEY=lint-only-officer-key-00000 \
  FACT_LINK_SIGNING_KEY=lint-only-link-signing-key-0000000000000 \
  "$bicep" build-params infra-bicep/main.dev.bicepparam --stdout > /dev/null

step "dotnet build (FactFunctions.sln: Core, both hosts, the tests and the benchmarks)"
# The Functions SDK generates and restores a WorkerExtensions project of its own, with Directory.Packages.props switched
# off (ImportDirectoryPackagesProps=false), so its NU1603 warnings cannot be pinned from here; our projects have none.
dotnet build FactFunctions.sln -c Release --nologo -v minimal

step "dotnet test"
results=$(mktemp -d)
status=0
dotnet test FactFunctions.Ci.slnf -c Release --no-build --nologo -v minimal \
  --logger "console;verbosity=normal" --logger "trx" --results-directory "$results" || status=$?

step "benchmark smoke pass (bench/ is built above; one tiny pass of each so they cannot rot)"
bench_status=0
dotnet bench/FactFunctions.Benchmarks/bin/Release/net10.0/FactFunctions.Benchmarks.dll --smoke || bench_status=$?
[ "$bench_status" -eq 0 ] || { echo "the benchmark smoke pass failed ($bench_status)" >&2; status=1; }
[ "$lint_status" -eq 0 ] || { echo "the Markdown or OpenAPI lint failed (see above)" >&2; status=1; }

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
