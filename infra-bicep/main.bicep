// FactFunctions in Azure: a Flex Consumption (FC1) Linux function app on .NET isolated, its data in a storage
// account reached only by managed identity, secrets in Key Vault, telemetry in Application Insights.
targetScope = 'resourceGroup'

@description('Short environment name, used in resource names: dev, test, prod.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Prefix for resource names.')
@minLength(3)
@maxLength(10)
param namePrefix string = 'fact'

@description('The programme lead\'s access key (at least 16 characters). Stored in Key Vault; the app reads it through a Key Vault reference.')
@secure()
@minLength(16)
param programmeLeadKey string

@description('The officers\' access key (at least 16 characters). Stored in Key Vault; the app reads it through a Key Vault reference.')
@secure()
@minLength(16)
param officerKey string

@description('The key signed links in e-mails and calendars are signed with (at least 32 characters). Stored in Key Vault; replacing it revokes every link sent.')
@secure()
@minLength(32)
param linkSigningKey string

@description('SendGrid API key. Empty: reminders are written to the outbox container instead of sent.')
@secure()
param sendGridApiKey string = ''

@description('Sender address of reminder emails.')
param reminderFromAddress string

@description('Take roles from App Service Authentication (Entra ID) when it is configured on the app.')
param trustAppServiceAuthentication bool = false

@description('Maximum instances the Flex Consumption plan may scale out to (40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

var suffix = uniqueString(resourceGroup().id, environmentName)
var baseName = '${namePrefix}-${environmentName}'
var tags = {
  application: 'FactFunctions'
  environment: environmentName
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: baseName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    dataAccountName: take('${namePrefix}data${suffix}', 24)
    hostAccountName: take('${namePrefix}host${suffix}', 24)
    location: location
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('${namePrefix}-kv-${suffix}', 24)
    location: location
    tags: tags
    programmeLeadKey: programmeLeadKey
    officerKey: officerKey
    linkSigningKey: linkSigningKey
    sendGridApiKey: sendGridApiKey
  }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: '${baseName}-${suffix}'
    location: location
    tags: tags
    dataAccountName: storage.outputs.dataAccountName
    hostAccountName: storage.outputs.hostAccountName
    deploymentContainerName: storage.outputs.deploymentContainerName
    vaultName: vault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    sendGridConfigured: !empty(sendGridApiKey)
    reminderFromAddress: reminderFromAddress
    trustAppServiceAuthentication: trustAppServiceAuthentication
    maximumInstanceCount: maximumInstanceCount
  }
}

output functionAppName string = app.outputs.name
output functionAppUrl string = app.outputs.url
output dataStorageAccount string = storage.outputs.dataAccountName
output keyVaultName string = vault.outputs.name
