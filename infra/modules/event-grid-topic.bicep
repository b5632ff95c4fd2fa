// Event Grid system topic on the storage account. Its subscription to the blob trigger's webhook is created after
// the code is deployed (blob-events.bicep), because the webhook needs the blobs_extension key, which the Functions host
// creates only once it runs the blob trigger.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('System topic name.')
param name string

@description('Storage account name the topic listens to.')
param storageAccountName string

@description('Container the subscription writes undeliverable events to.')
param deadLetterContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource deadLetter 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  // The topic writes dead letters with its own identity (shared keys are off on the account).
  identity: { type: 'SystemAssigned' }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Storage Blob Data Contributor on the dead-letter container only.
resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetter.id, topic.id, 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  scope: storage::blobService::deadLetter
  properties: {
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
  }
}

output name string = topic.name
