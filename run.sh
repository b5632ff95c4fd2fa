#!/usr/bin/env bash
# Runs the Marketplace locally: installs what it needs, starts Azurite (data in .data/azurite), then the embedded
# local runtime on http://127.0.0.1:7071 (Core Tools' port). Ctrl-C or SIGTERM stops both.
#   MARKETPLACE_URLS   where the API listens (default http://127.0.0.1:7071)
#   AZURITE_PORTS      "blob queue table" (default "10000 10001 10002"); an Azurite already on them is reused
set -euo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$REPO_ROOT"

require_tools
install_azurite
log "Building the local runtime (Release)..."
dotnet build runtime/Marketplace.LocalRuntime/Marketplace.LocalRuntime.csproj -c Release -nologo -clp:ErrorsOnly -v q \
  || die "build failed"

read -r BLOB QUEUE TABLE <<<"${AZURITE_PORTS:-10000 10001 10002}"
RUNTIME_PID=""
cleanup() {
  trap - INT TERM EXIT
  if [ -n "$RUNTIME_PID" ] && kill -0 "$RUNTIME_PID" 2>/dev/null; then
    log "Stopping the runtime..."
    kill -TERM "$RUNTIME_PID" 2>/dev/null || true
    wait "$RUNTIME_PID" 2>/dev/null || true
  fi
  if [ -n "$AZURITE_PID" ]; then log "Stopping Azurite..."; fi
  stop_azurite
}
trap cleanup INT TERM EXIT

if port_open "$BLOB" && port_open "$QUEUE" && port_open "$TABLE"; then
  log "Azurite (or another storage emulator) already listens on $BLOB/$QUEUE/$TABLE: using it."
else
  mkdir -p .data/azurite
  log "Starting Azurite on $BLOB/$QUEUE/$TABLE (data in .data/azurite)..."
  start_azurite "$BLOB" "$QUEUE" "$TABLE" --location .data/azurite
fi

CONNECTION="$(azurite_connection_string "$BLOB" "$QUEUE" "$TABLE")"
export AzureWebJobsStorage="${AzureWebJobsStorage:-$CONNECTION}"
export MarketplaceStorage="${MarketplaceStorage:-$CONNECTION}"
log "Starting the Marketplace on ${MARKETPLACE_URLS:-http://127.0.0.1:7071} (Ctrl-C to stop)"
dotnet runtime/Marketplace.LocalRuntime/bin/Release/net10.0/Marketplace.LocalRuntime.dll &
RUNTIME_PID=$!
wait "$RUNTIME_PID" || true
