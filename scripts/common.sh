# Shared by run.sh and test.sh: install what the project needs, start and stop Azurite.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1;34m[marketplace]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[marketplace]\033[0m %s\n' "$*" >&2; exit 1; }

require_tools() {
  command -v dotnet >/dev/null || die "The .NET SDK (dotnet, 10.0) is required: https://dot.net"
  command -v node >/dev/null || die "Node.js (18+) and npm are required for Azurite."
  command -v npm >/dev/null || die "npm is required for Azurite."
}

# Azurite comes from the project's package.json (exact version pinned by package-lock.json).
install_azurite() {
  if [ ! -f "$REPO_ROOT/node_modules/azurite/dist/src/azurite.js" ]; then
    log "Installing Azurite from package.json (npm ci)..."
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( (RANDOM % 20000) + 30000 ))
    if ! port_open "$port"; then echo "$port"; return 0; fi
  done
  die "no free port found"
}

# start_azurite BLOB QUEUE TABLE [--location DIR | --inMemoryPersistence]
AZURITE_PID=""
start_azurite() {
  local blob=$1 queue=$2 table=$3; shift 3
  node "$REPO_ROOT/node_modules/azurite/dist/src/azurite.js" --silent --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" "$@" &
  AZURITE_PID=$!
  for _ in $(seq 1 150); do
    if port_open "$blob" && port_open "$queue" && port_open "$table"; then return 0; fi
    kill -0 "$AZURITE_PID" 2>/dev/null || die "Azurite exited during start-up"
    sleep 0.2
  done
  die "Azurite did not start listening on $blob/$queue/$table"
}

stop_azurite() {
  if [ -n "$AZURITE_PID" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    # Azurite closes its services (and flushes its data) on SIGTERM but its process can linger: give it 10 s, then kill.
    kill -TERM "$AZURITE_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$AZURITE_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=""
}

azurite_connection_string() {
  # Azurite's well-known development account key: public and documented, not a secret.
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    "$key" "$1" "$2" "$3"
}
