// Two accounts, neither accepting shared keys: the data account (tables and blobs of the programme) and the host
// account (the Functions runtime's own storage and the Flex deployment package container).
param dataAccountName string
param hostAccountName string
param location string
param tags object

var deploymentContainerName = 'app-package'

resource data 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: dataAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource dataBlobs 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: data
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 30
    }
    isVersioningEnabled: true
  }
}

resource host 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: hostAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource hostBlobs 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: host
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: hostBlobs
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

output dataAccountName string = data.name
output hostAccountName string = host.name
output deploymentContainerName string = deploymentContainer.name
