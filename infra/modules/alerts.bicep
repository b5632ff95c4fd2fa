// Operations alerts: a message in any Service Bus dead-letter queue means an event a consumer could not take.

@description('Tags applied to every resource.')
param tags object

@description('Name prefix for alert resources.')
param namePrefix string

@description('Service Bus namespace name.')
param serviceBusNamespaceName string

@description('E-mail that receives alerts; empty creates the alert without a receiver.')
param alertEmail string

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'mktops'
    enabled: true
    emailReceivers: [
      { name: 'operations', emailAddress: alertEmail, useCommonAlertSchema: true }
    ]
  }
}

resource deadLetterAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-servicebus-deadletter'
  location: 'global'
  tags: tags
  properties: {
    description: 'A Service Bus subscription has dead-lettered messages: inspect and resubmit or discard them.'
    severity: 2
    enabled: true
    scopes: [ serviceBus.id ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'deadLettered'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          // One time series per topic, so the alert names the entity.
          dimensions: [ { name: 'EntityName', operator: 'Include', values: [ '*' ] } ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: empty(alertEmail) ? [] : [ { actionGroupId: actionGroup.id } ]
  }
}
