// Everything the Marketplace needs in Azure, for 'azd up'. One resource group, one module per resource; identity-based
// connections only. See docs/deploy.md.
targetScope = 'subscription'

@description('azd environment name; names the resource group and seeds resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for every resource (must offer Flex Consumption).')
@minLength(1)
param location string

// Sizes and SKUs: see docs/deploy.md, "Scaling".
@description('Storage redundancy.')
@allowed([ 'Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS' ])
param storageSku string = 'Standard_LRS'

@description('Service Bus tier (topics need at least Standard).')
@allowed([ 'Standard', 'Premium' ])
param serviceBusSku string = 'Standard'

@description('Azure AI Search tier.')
@allowed([ 'basic', 'standard', 'standard2', 'standard3', 'storage_optimized_l1', 'storage_optimized_l2' ])
param searchSku string = 'basic'

@description('Search replicas (2 for read availability, 3 for read-write availability).')
@minValue(1)
@maxValue(12)
param searchReplicaCount int = 1

@description('Search partitions.')
@allowed([ 1, 2, 3, 4, 6, 12 ])
param searchPartitionCount int = 1

@description('Key Vault tier (premium for HSM-backed keys).')
@allowed([ 'standard', 'premium' ])
param keyVaultSku string = 'standard'

@description('Keep deleted keys unpurgeable for the retention period. Leave on in production.')
param keyVaultPurgeProtection bool = true

@description('Most instances the Function App scales out to (Flex Consumption: 40 to 1000).')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 100

@description('Memory per Function App instance in MB.')
@allowed([ 512, 2048, 4096 ])
param functionInstanceMemoryMB int = 2048

@description('Durable task hub name (letters and digits, 3-45 characters).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'MarketplaceHub'

@description('Durable control-queue partitions (1-16). Fixed for the life of a task hub: change it only with a new hub name.')
@minValue(1)
@maxValue(16)
param durablePartitionCount int = 4

@description('Days a released package stays write-once.')
@minValue(1)
param releasedRetentionDays int = 3650

@description('Subscriptions on the events topic, one per consuming system.')
param eventSubscriptionNames string[] = [ 'audit', 'integrations' ]

@description('Log Analytics retention in days.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('E-mail for operations alerts (dead letters); empty for none.')
param alertEmail string = ''

@description('Client id of the Entra app registration for App Service Authentication; empty leaves it off, and then the app does not trust the client-principal header.')
param authClientId string = ''

@description('Largest accepted package in bytes.')
param maxPackageBytes int = 52428800

@description('Review window for restricted publishers (d.hh:mm:ss).')
param reviewWindow string = '7.00:00:00'

// Names the app reads; keep in step with local.settings.sample.json.
var eventsTopicName = 'marketplace-events'
var commandsQueueName = 'marketplace-commands'
var searchIndexName = 'assets'
var deploymentContainerName = 'app-package'
var eventDeadLetterContainerName = 'event-deadletter'

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    workspaceName: 'log-${token}'
    appInsightsName: 'appi-${token}'
    retentionInDays: logRetentionDays
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'st${token}'
    skuName: storageSku
    deploymentContainerName: deploymentContainerName
    eventDeadLetterContainerName: eventDeadLetterContainerName
    commandsQueueName: commandsQueueName
    releasedRetentionDays: releasedRetentionDays
  }
}

module serviceBus 'modules/service-bus.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'sb-${token}'
    skuName: serviceBusSku
    topicName: eventsTopicName
    subscriptionNames: eventSubscriptionNames
    maxDeliveryCount: 10
  }
}

module keyVault 'modules/key-vault.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'kv-${token}'
    skuName: keyVaultSku
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module search 'modules/search.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'srch-${token}'
    skuName: searchSku
    replicaCount: searchReplicaCount
    partitionCount: searchPartitionCount
  }
}

module functionApp 'modules/function-app.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    serviceName: 'api'
    planName: 'plan-${token}'
    name: 'func-${token}'
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    maximumInstanceCount: functionMaximumInstanceCount
    instanceMemoryMB: functionInstanceMemoryMB
  }
}

module appRoles 'modules/app-roles.bicep' = {
  scope: rg
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    searchServiceName: search.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

module appSettings 'modules/app-settings.bicep' = {
  scope: rg
  // Settings after roles, so the host's first start already has the access its connections need.
  dependsOn: [ appRoles ]
  params: {
    functionAppName: functionApp.outputs.name
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    appInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    searchEndpoint: search.outputs.endpoint
    searchIndexName: searchIndexName
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    eventsTopicName: eventsTopicName
    commandsQueueName: commandsQueueName
    taskHubName: taskHubName
    durablePartitionCount: durablePartitionCount
    maxPackageBytes: maxPackageBytes
    reviewWindow: reviewWindow
    trustClientPrincipalHeader: !empty(authClientId)
  }
}

module easyAuth 'modules/easy-auth.bicep' = if (!empty(authClientId)) {
  scope: rg
  params: {
    functionAppName: functionApp.outputs.name
    clientId: authClientId
    allowedAudiences: [ 'api://${authClientId}', authClientId ]
  }
}

module blobEventsTopic 'modules/event-grid-topic.bicep' = {
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'evgt-${token}'
    storageAccountName: storage.outputs.name
    deadLetterContainerName: eventDeadLetterContainerName
  }
}

module alerts 'modules/alerts.bicep' = {
  scope: rg
  params: {
    tags: tags
    namePrefix: 'mkt-${token}'
    serviceBusNamespaceName: serviceBus.outputs.name
    alertEmail: alertEmail
  }
}

// azd stores these in the environment; the post-deploy hook and docs/deploy.md use them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_EVENT_GRID_TOPIC_NAME string = blobEventsTopic.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_SEARCH_ENDPOINT string = search.outputs.endpoint
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
