// Service Bus: the 'ServiceBus' event transport. The app only sends to the topic; consumers read subscriptions.
// Local (SAS key) auth is off, so the namespace accepts Entra identities only.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Namespace name.')
param name string

@description('Standard or Premium (topics need at least Standard).')
@allowed([ 'Standard', 'Premium' ])
param skuName string

@description('Topic the app publishes CloudEvents to (Marketplace__Events__TopicName).')
param topicName string

@description('Subscriptions created on the topic, one per consuming system.')
param subscriptionNames string[]

@description('Delivery attempts before a message moves to the dead-letter queue.')
@minValue(1)
param maxDeliveryCount int

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: skuName, tier: skuName }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    defaultMessageTimeToLive: 'P14D'
    // Event ids are deterministic (a retried activity re-emits the same id); duplicate detection drops the repeat.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
  }
}

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for subscriptionName in subscriptionNames: {
    parent: topic
    name: subscriptionName
    properties: {
      maxDeliveryCount: maxDeliveryCount
      lockDuration: 'PT1M'
      defaultMessageTimeToLive: 'P14D'
      // Nothing is dropped silently: expired and unfilterable messages go to the dead-letter queue (and its alert).
      deadLetteringOnMessageExpiration: true
      deadLetteringOnFilterEvaluationExceptions: true
    }
  }
]

output id string = namespace.id
output name string = namespace.name
// The host name only (no scheme, no port): that is what '__fullyQualifiedNamespace' wants.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]
