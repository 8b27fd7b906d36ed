// The Flex Consumption function app: system-assigned identity, HTTPS only, TLS 1.2, identity-based storage for both
// the runtime and the data, Key Vault references for every secret, host keys equal to the role keys.
param name string
param location string
param tags object
param dataAccountName string
param hostAccountName string
param deploymentContainerName string
param vaultName string
param applicationInsightsName string

@secure()
param programmeLeadKey string

@secure()
param officerKey string

param sendGridConfigured bool
param reminderFromAddress string
param trustAppServiceAuthentication bool
param maximumInstanceCount int

// Built-in role definition ids.
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource data 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: dataAccountName
}

resource host 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: hostAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: vaultName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

var secret = 'https://${vaultName}${environment().suffixes.keyvaultDns}/secrets'

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${host.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat([
        { name: 'AzureWebJobsStorage__accountName', value: host.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'FactStorage__tableServiceUri', value: data.properties.primaryEndpoints.table }
        { name: 'FactStorage__blobServiceUri', value: data.properties.primaryEndpoints.blob }
        { name: 'Fact__Keys__ProgrammeLead', value: '@Microsoft.KeyVault(SecretUri=${secret}/fact-keys-programme-lead)' }
        { name: 'Fact__Keys__Officer', value: '@Microsoft.KeyVault(SecretUri=${secret}/fact-keys-officer)' }
        { name: 'Fact__Reminders__FromAddress', value: reminderFromAddress }
        { name: 'Fact__Reminders__PapersUrl', value: 'https://${name}.azurewebsites.net/api/papers' }
        { name: 'Fact__Http__TrustAppServiceAuthentication', value: string(trustAppServiceAuthentication) }
      ], sendGridConfigured ? [
        { name: 'Fact__SendGrid__ApiKey', value: '@Microsoft.KeyVault(SecretUri=${secret}/sendgrid-api-key)' }
      ] : [])
    }
  }
}

// Host keys equal to the role keys: the Functions host admits a caller by key, then Core checks the key's role.
// (Bicep ships no type definitions for host/functionKeys, so it warns BCP081; ARM deploys it as usual.)
resource leadHostKey 'Microsoft.Web/sites/host/functionKeys@2024-11-01' = {
  name: '${site.name}/default/programmeLead'
  properties: {
    name: 'programmeLead'
    value: programmeLeadKey
  }
}

resource officerHostKey 'Microsoft.Web/sites/host/functionKeys@2024-11-01' = {
  name: '${site.name}/default/officer'
  properties: {
    name: 'officer'
    value: officerKey
  }
}

func assignment(scope string, role string, principal string) string => guid(scope, role, principal)

resource dataTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(data.id, storageTableDataContributor, site.id)
  scope: data
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource dataBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(data.id, storageBlobDataContributor, site.id)
  scope: data
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource hostBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(host.id, storageBlobDataOwner, site.id)
  scope: host
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource hostQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(host.id, storageQueueDataContributor, site.id)
  scope: host
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource hostTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(host.id, storageTableDataContributor, site.id)
  scope: host
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource secrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(vault.id, keyVaultSecretsUser, site.id)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
