// Azure AI Search for the catalogue ('AzureSearch' provider). API keys are off: the app uses its identity.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Search service name.')
param name string

@description('Search SKU. basic is the smallest that allows replicas for availability.')
@allowed([ 'basic', 'standard', 'standard2', 'standard3', 'storage_optimized_l1', 'storage_optimized_l2' ])
param skuName string

@description('Replicas serve queries in parallel: 2 for read availability, 3 for read-write availability.')
@minValue(1)
@maxValue(12)
param replicaCount int

@description('Partitions split the index for size and indexing throughput.')
@allowed([ 1, 2, 3, 4, 6, 12 ])
param partitionCount int

resource search 'Microsoft.Search/searchServices@2025-05-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: skuName }
  properties: {
    replicaCount: replicaCount
    partitionCount: partitionCount
    hostingMode: 'Default'
    disableLocalAuth: true
    publicNetworkAccess: 'enabled'
  }
}

output id string = search.id
output name string = search.name
// Public-cloud host name; sovereign clouds use another suffix (see docs/deploy.md).
output endpoint string = 'https://${search.name}.search.windows.net'
