#!/usr/bin/env bash
# Runs FactFunctions locally: Azurite + FactFunctions.LocalHost on http://127.0.0.1:7071 with the FACT sample.
#   scripts/run-local.sh            in-memory storage (gone when you stop)
#   scripts/run-local.sh --persist  keeps data in .azurite/ between runs
# Ctrl-C stops the host and Azurite.
set -euo pipefail
cd "$(dirname "$0")/.."

persist=false
for arg in "$@"; do
  case "$arg" in
    --persist) persist=true ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci (Azurite)"
  npm ci --no-audit --no-fund --loglevel=error
fi

blob_port=${FACT_AZURITE_BLOB_PORT:-10000}
queue_port=${FACT_AZURITE_QUEUE_PORT:-10001}
table_port=${FACT_AZURITE_TABLE_PORT:-10002}
azurite_args=(--silent --skipApiVersionCheck --disableTelemetry
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port"
  --tableHost 127.0.0.1 --tablePort "$table_port")
if $persist; then
  mkdir -p .azurite
  azurite_args+=(--location .azurite)
else
  azurite_args+=(--inMemoryPersistence)
fi

echo "==> starting Azurite (blob $blob_port, table $table_port, $($persist && echo 'persisted in .azurite/' || echo 'in memory'))"
node node_modules/azurite/dist/src/azurite.js "${azurite_args[@]}" &
azurite_pid=$!
host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null || true
  kill "$azurite_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  echo "stopped."
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 100); do
  (exec 3<>/dev/tcp/127.0.0.1/"$table_port") 2>/dev/null && break
  kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite failed to start (ports in use?)" >&2; exit 1; }
  sleep 0.2
done

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export FactStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
export ASPNETCORE_ENVIRONMENT=Development
export Fact__LocalHost__LoadSampleWhenEmpty=true Fact__LocalHost__PrintLinks=true
# The sample's meetings are in 2022 and 2023: let the calendar feed reach back to them (the default is 92 days).
export Fact__Reminders__CalendarPastDays=${Fact__Reminders__CalendarPastDays:-3660}
# Where LocalHost listens: ASPNETCORE_URLS when set (e.g. http://127.0.0.1:8080), otherwise http://127.0.0.1:7071.
# Links in e-mails and calendars use this address unless Fact__Links__PublicBaseUrl says otherwise.
url=${ASPNETCORE_URLS:-http://127.0.0.1:7071}
url=${url%%;*}
lead_key=${Fact__Keys__ProgrammeLead:-local-programme-lead-key}
officer_key=${Fact__Keys__Officer:-local-officer-key-0001}
export Fact__Keys__ProgrammeLead="$lead_key" Fact__Keys__Officer="$officer_key"

echo "==> building FactFunctions.LocalHost"
dotnet build src/FactFunctions.LocalHost -c Debug --nologo -v quiet

cat <<INFO

FactFunctions is starting on $url (the FACT sample loads if storage is empty); it prints
"FactFunctions is ready" once it is, and until then $url/api/health answers 503 "starting".
  programme lead key:  $lead_key
  officer key:         $officer_key
Try:
  curl -s $url/api/health
  curl -s -H "x-functions-key: $officer_key" "$url/api/milestones?dueFrom=2022-10-01&dueTo=2023-03-31"
Ctrl-C stops everything.

INFO
# The built host runs directly (not under 'dotnet run') so that stopping it is one signal to one process.
(cd src/FactFunctions.LocalHost && exec dotnet bin/Debug/net10.0/FactFunctions.LocalHost.dll) &
host_pid=$!
wait "$host_pid"
