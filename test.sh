#!/usr/bin/env bash
# Builds everything (Release, warnings are errors) and runs every test project against a throw-away Azurite on free
# ports, which it starts and stops. Exits with the tests' status. Extra arguments go to `dotnet test`
# (e.g. ./test.sh --filter "FullyQualifiedName~Resolver").
set -uo pipefail
source "$(dirname "$0")/scripts/common.sh"
cd "$REPO_ROOT"

require_tools
install_azurite
log "Building the solution (Release)..."
dotnet build Marketplace.sln -c Release -nologo -clp:"ErrorsOnly;Summary" -v q || die "build failed"

BLOB=$(free_port); QUEUE=$(free_port); TABLE=$(free_port)
trap stop_azurite EXIT
log "Starting a throw-away Azurite on $BLOB/$QUEUE/$TABLE..."
start_azurite "$BLOB" "$QUEUE" "$TABLE" --inMemoryPersistence
export MARKETPLACE_TEST_STORAGE
MARKETPLACE_TEST_STORAGE="$(azurite_connection_string "$BLOB" "$QUEUE" "$TABLE")"

OUTPUT="$(mktemp)"
log "Running the tests..."
dotnet test Marketplace.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$OUTPUT"
STATUS=${PIPESTATUS[0]}

# One closing line over every test project: "tests: N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; if (p + f == 0) exit 1 }' "$OUTPUT" || STATUS=1
rm -f "$OUTPUT"
exit "$STATUS"
