// Every app setting of the Function App, in one place. Names match local.settings.sample.json; connections are
// identity-based ('__accountName', '__blobServiceUri', '__fullyQualifiedNamespace'): no key or secret appears here.
// docs/configuration.md maps each setting to its local and Azure value; a test keeps the two in step.

@description('Function App name.')
param functionAppName string

@description('Storage account name (host storage and Durable task hub).')
param storageAccountName string

@description('Blob endpoint of the app storage account.')
param blobEndpoint string

@description('Queue endpoint of the app storage account.')
param queueEndpoint string

@description('Table endpoint of the app storage account.')
param tableEndpoint string

@description('Application Insights connection string (ingestion endpoint; useless without Entra auth here).')
param appInsightsConnectionString string

@description('Key Vault URI for signing keys.')
param keyVaultUri string

@description('Azure AI Search endpoint.')
param searchEndpoint string

@description('Search index name.')
param searchIndexName string

@description('Service Bus host name, for example sb-x.servicebus.windows.net.')
param serviceBusNamespace string

@description('Service Bus topic for events.')
param eventsTopicName string

@description('Storage queue for commands.')
param commandsQueueName string

@description('Durable task hub name.')
param taskHubName string

@description('Durable control-queue partitions (Azure Storage backend, 1-16; fixed once the hub exists).')
@minValue(1)
@maxValue(16)
param durablePartitionCount int

@description('Largest accepted package in bytes.')
param maxPackageBytes int

@description('How long a restricted publisher waits for review (d.hh:mm:ss).')
param reviewWindow string

@description('Trust the X-MS-CLIENT-PRINCIPAL header. Only safe when App Service Authentication is on.')
param trustClientPrincipalHeader bool

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: {
    // Functions host and Durable Task (Azure Storage backend), through the app's managed identity.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    // host.json reads the hub name from here; the partition count overrides host.json's durableTask section.
    Marketplace__TaskHub: taskHubName
    AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount: string(durablePartitionCount)

    // The app's own blobs, queues and tables (connection name 'MarketplaceStorage').
    MarketplaceStorage__blobServiceUri: blobEndpoint
    MarketplaceStorage__queueServiceUri: queueEndpoint
    MarketplaceStorage__tableServiceUri: tableEndpoint
    MarketplaceStorage__credential: 'managedidentity'

    // Telemetry with Entra auth (the component has local auth off).
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'

    Marketplace__Identity__TrustClientPrincipalHeader: toLower(string(trustClientPrincipalHeader))
    Marketplace__Publishing__MaxPackageBytes: string(maxPackageBytes)
    Marketplace__Publishing__ReviewWindow: reviewWindow

    Marketplace__Signing__Provider: 'KeyVault'
    Marketplace__Signing__KeyVaultUri: keyVaultUri

    Marketplace__Search__Provider: 'AzureSearch'
    Marketplace__Search__Endpoint: searchEndpoint
    Marketplace__Search__IndexName: searchIndexName

    Marketplace__Events__Transport: 'ServiceBus'
    Marketplace__Events__TopicName: eventsTopicName
    ServiceBusConnection__fullyQualifiedNamespace: serviceBusNamespace
    ServiceBusConnection__credential: 'managedidentity'

    Marketplace__Commands__QueueName: commandsQueueName
  }
}
