# azd postdeploy hook (Windows): same steps as postdeploy.sh; see there for why it runs after the code deploy.
$ErrorActionPreference = 'Stop'

$sub = $env:AZURE_SUBSCRIPTION_ID
$rg = $env:AZURE_RESOURCE_GROUP
$app = $env:AZURE_FUNCTION_APP_NAME
if (-not $sub -or -not $rg -or -not $app) { throw 'Run this through azd: AZURE_* variables are missing.' }
$appUrl = if ($env:APP_URL) { $env:APP_URL } else { "https://$app.azurewebsites.net" }
$fn = $env:BLOB_TRIGGER_FUNCTION_NAME
$key = ''

# A fresh Flex app has no instance yet: a request starts the host, which indexes the functions and creates the key.
for ($attempt = 1; -not $fn -or -not $key; $attempt++) {
    if ($attempt -gt 30) {
        throw "No blob trigger or blobs_extension key on $app after 5 minutes; set BLOB_TRIGGER_FUNCTION_NAME and rerun 'azd hooks run postdeploy'."
    }
    try { Invoke-WebRequest -Uri "$appUrl/api/health" -TimeoutSec 30 -SkipHttpErrorCheck | Out-Null } catch { }
    if (-not $fn) {
        $found = az functionapp function list --subscription $sub -g $rg -n $app `
            --query "[?config.bindings[?type=='blobTrigger']] | [0].name" -o tsv 2>$null
        if ($found) { $fn = ($found -split '/')[-1] }
    }
    $key = az functionapp keys list --subscription $sub -g $rg -n $app --query 'systemKeys.blobs_extension' -o tsv 2>$null
    if (-not $fn -or -not $key) { Start-Sleep -Seconds 10 }
}

Write-Host "postdeploy: subscribing function '$fn' to BlobCreated events under staging/incoming/"
az deployment group create --subscription $sub -g $rg -n blob-events `
    -f ./infra/blob-events.bicep `
    -p functionAppName=$app systemTopicName=$env:AZURE_EVENT_GRID_TOPIC_NAME `
       storageAccountName=$env:AZURE_STORAGE_ACCOUNT_NAME blobTriggerFunctionName=$fn `
    -o none
if ($LASTEXITCODE -ne 0) { throw 'Event Grid subscription deployment failed.' }
