// Key Vault for per-publisher signing keys (ES256). RBAC only: no access policies.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('standard keeps software keys; premium adds HSM-backed keys.')
@allowed([ 'standard', 'premium' ])
param skuName string

@description('Purge protection keeps deleted signing keys recoverable; it also blocks purging the vault on teardown.')
param enablePurgeProtection bool

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: skuName }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The property accepts only true or absent, hence null when off.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
