// App Service Authentication (Easy Auth) with Microsoft Entra ID. It validates bearer tokens and passes the caller as
// X-MS-CLIENT-PRINCIPAL, stripping any such header a client sends; only then may the app trust that header.
// Anonymous requests still reach the app: public catalogue reads need no sign-in, and the app authorizes the rest.

@description('Function App name.')
param functionAppName string

@description('Application (client) id of the Entra app registration that represents the API.')
param clientId string

@description('Token audiences accepted, for example api://<client id>.')
param allowedAudiences string[]

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource auth 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: clientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: allowedAudiences
        }
      }
    }
    login: {
      tokenStore: { enabled: false }
    }
  }
}
