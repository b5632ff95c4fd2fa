// Event Grid subscription that feeds the staging blob trigger (Flex Consumption supports only the Event Grid source).
// Deployed by the azd post-deploy hook, after the code: the webhook URL carries the host's blobs_extension key, which
// exists only once the host has started with the blob trigger, and Event Grid validates the endpoint on creation.
targetScope = 'resourceGroup'

@description('Function App name (azd output AZURE_FUNCTION_APP_NAME).')
param functionAppName string

@description('Event Grid system topic on the storage account (azd output AZURE_EVENT_GRID_TOPIC_NAME).')
param systemTopicName string

@description('Storage account name (azd output AZURE_STORAGE_ACCOUNT_NAME).')
param storageAccountName string

@description('Name of the [Function] with the staging blob trigger.')
param blobTriggerFunctionName string

@description('Only blobs under this path start a publication (spec: staging/incoming/{publisherId}/{name}.zip).')
param subjectPrefix string = '/blobServices/default/containers/staging/blobs/incoming/'

@description('Container for events that could not be delivered.')
param deadLetterContainerName string = 'event-deadletter'

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

// Bicep has no types for sites/host, so the key is read through its resource id.
var blobsExtensionKey = listKeys('${app.id}/host/default', app.apiVersion).systemKeys.blobs_extension

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'staging-blob-trigger'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${blobTriggerFunctionName}&code=${blobsExtensionKey}'
      }
    }
    filter: {
      includedEventTypes: [ 'Microsoft.Storage.BlobCreated' ]
      subjectBeginsWith: subjectPrefix
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    // A blob whose event was never delivered is not lost: the event lands here and can be replayed.
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output subscriptionName string = subscription.name
