// The Flex Consumption function app. Its identity is user-assigned and created first, with every role it needs
// (data and host storage, Key Vault secrets) granted before the app exists, so the app starts with its storage and its
// Key Vault references reachable in a single deployment. HTTPS only, TLS 1.2, identity-based storage for the runtime
// and the data, Key Vault references for every secret. Every function is anonymous at the host: Core checks the keys
// (from Key Vault) or the App Service Authentication roles, so there are no host keys to keep in step.
param name string
param location string
param tags object
param dataAccountName string
param hostAccountName string
param deploymentContainerName string
param vaultName string
param applicationInsightsName string

param sendGridConfigured bool
param reminderFromAddress string
param trustAppServiceAuthentication bool
@description('Flex Consumption accepts a maximum instance count from 40 to 1000.')
@minValue(40)
@maxValue(1000)
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

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${name}-id'
  location: location
  tags: tags
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
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  // The roles go first: storage for the runtime and the data, and the vault for the key references.
  dependsOn: [
    dataTables
    dataBlobs
    hostBlobs
    hostQueues
    hostTables
    secrets
  ]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${host.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
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
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        // DefaultAzureCredential (the app's storage clients) picks the user-assigned identity by this id.
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'FactStorage__tableServiceUri', value: data.properties.primaryEndpoints.table }
        { name: 'FactStorage__blobServiceUri', value: data.properties.primaryEndpoints.blob }
        { name: 'Fact__Keys__ProgrammeLead', value: '@Microsoft.KeyVault(SecretUri=${secret}/fact-keys-programme-lead)' }
        { name: 'Fact__Keys__Officer', value: '@Microsoft.KeyVault(SecretUri=${secret}/fact-keys-officer)' }
        { name: 'Fact__Reminders__FromAddress', value: reminderFromAddress }
        { name: 'Fact__Links__SigningKey', value: '@Microsoft.KeyVault(SecretUri=${secret}/fact-links-signing-key)' }
        { name: 'Fact__Links__PublicBaseUrl', value: 'https://${name}.azurewebsites.net' }
        { name: 'Fact__Http__TrustAppServiceAuthentication', value: string(trustAppServiceAuthentication) }
      ], sendGridConfigured ? [
        { name: 'Fact__SendGrid__ApiKey', value: '@Microsoft.KeyVault(SecretUri=${secret}/sendgrid-api-key)' }
      ] : [])
    }
  }
}

func assignment(scope string, role string, principal string) string => guid(scope, role, principal)

resource dataTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(data.id, storageTableDataContributor, identity.id)
  scope: data
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource dataBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(data.id, storageBlobDataContributor, identity.id)
  scope: data
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource hostBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(host.id, storageBlobDataOwner, identity.id)
  scope: host
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource hostQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(host.id, storageQueueDataContributor, identity.id)
  scope: host
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource hostTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(host.id, storageTableDataContributor, identity.id)
  scope: host
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource secrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: assignment(vault.id, keyVaultSecretsUser, identity.id)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
