// The one storage account: Functions host and Durable task hub (AzureWebJobsStorage), the app's own blobs, queues and
// tables (MarketplaceStorage), and the Flex Consumption deployment package. Shared keys are off: identity only.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Storage SKU, for example Standard_LRS or Standard_ZRS.')
param skuName string

@description('Container Flex Consumption reads the app package from.')
param deploymentContainerName string

@description('Container Event Grid writes undeliverable blob events to.')
param eventDeadLetterContainerName string

@description('Queue the app takes commands from (Marketplace__Commands__QueueName).')
param commandsQueueName string

@description('Days a released package is write-once (time-based retention on the released container).')
@minValue(1)
param releasedRetentionDays int

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

// Packages land here (HTTP upload or a blob under incoming/{publisherId}/); the Event Grid blob trigger watches it.
resource staging 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: 'staging'
  properties: { publicAccess: 'None' }
}

// Released package bytes: versions are immutable, so the container is write-once for the retention period.
resource released 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: 'released'
  properties: { publicAccess: 'None' }
}

resource releasedWorm 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-06-01' = {
  parent: released
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: releasedRetentionDays
    // No appends either: a released blob is never changed after it is written.
    allowProtectedAppendWrites: false
  }
}

// Files applied to consumers' targets.
resource targets 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: 'targets'
  properties: { publicAccess: 'None' }
}

resource deployment 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource eventDeadLetter 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: eventDeadLetterContainerName
  properties: { publicAccess: 'None' }
}

// The Durable task hub creates its own queues, tables and lease blobs at start; the services just have to exist.
resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource commandsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = {
  parent: queueService
  name: commandsQueueName
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: account
  name: 'default'
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
