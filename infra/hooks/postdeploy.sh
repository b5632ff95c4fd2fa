#!/bin/sh
# azd postdeploy hook: subscribes the staging blob trigger to storage events by deploying infra/blob-events.bicep.
# It runs after the code because the webhook needs the host's blobs_extension key. Needs the Azure CLI signed in
# ('az login') to the azd subscription. Set BLOB_TRIGGER_FUNCTION_NAME to skip discovering the trigger's name.
set -eu

: "${AZURE_SUBSCRIPTION_ID:?run this through azd}"
: "${AZURE_RESOURCE_GROUP:?run this through azd}"
: "${AZURE_FUNCTION_APP_NAME:?run this through azd}"

sub="$AZURE_SUBSCRIPTION_ID"
rg="$AZURE_RESOURCE_GROUP"
app="$AZURE_FUNCTION_APP_NAME"
fn="${BLOB_TRIGGER_FUNCTION_NAME:-}"
key=""

# A fresh Flex app has no instance yet: a request starts the host, which indexes the functions and creates the key.
attempt=0
while [ -z "$fn" ] || [ -z "$key" ]; do
  attempt=$((attempt + 1))
  if [ "$attempt" -gt 30 ]; then
    echo "postdeploy: no blob trigger or blobs_extension key on $app after 5 minutes; set BLOB_TRIGGER_FUNCTION_NAME and rerun 'azd hooks run postdeploy'." >&2
    exit 1
  fi
  curl --silent --output /dev/null --max-time 30 "${APP_URL:-https://$app.azurewebsites.net}/api/health" || true
  if [ -z "$fn" ]; then
    fn=$(az functionapp function list --subscription "$sub" -g "$rg" -n "$app" \
      --query "[?config.bindings[?type=='blobTrigger']] | [0].name" -o tsv 2>/dev/null | sed 's|.*/||') || fn=""
  fi
  key=$(az functionapp keys list --subscription "$sub" -g "$rg" -n "$app" \
    --query "systemKeys.blobs_extension" -o tsv 2>/dev/null) || key=""
  if [ -z "$fn" ] || [ -z "$key" ]; then sleep 10; fi
done

echo "postdeploy: subscribing function '$fn' to BlobCreated events under staging/incoming/"
az deployment group create --subscription "$sub" -g "$rg" -n blob-events \
  -f ./infra/blob-events.bicep \
  -p functionAppName="$app" systemTopicName="$AZURE_EVENT_GRID_TOPIC_NAME" \
     storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" blobTriggerFunctionName="$fn" \
  -o none
