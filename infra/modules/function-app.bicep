// The Function App on Flex Consumption (.NET isolated) with a system-assigned identity. App settings live in
// app-settings.bicep and roles in app-roles.bicep, so each file has one job.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Tag azd uses to find the app for the service in azure.yaml.')
param serviceName string

@description('Flex Consumption plan name.')
param planName string

@description('Function App name.')
param name string

@description('Blob endpoint of the storage account that holds the deployment container.')
param blobEndpoint string

@description('Container Flex Consumption reads the app package from.')
param deploymentContainerName string

@description('Upper bound on instances the app scales out to (Flex Consumption: 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // Flex Consumption sets the worker from here; FUNCTIONS_WORKER_RUNTIME is not an app setting on this plan.
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

// Publishing uses Entra tokens (azd); basic (user name + password) publishing credentials stay off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

output id string = app.id
output name string = app.name
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
