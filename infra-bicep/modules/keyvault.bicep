// Key Vault (RBAC) holding the access keys, the link signing key and the SendGrid key, referenced from app settings.
param name string
param location string
param tags object

@secure()
param programmeLeadKey string

@secure()
param officerKey string

@secure()
param linkSigningKey string

@secure()
param sendGridApiKey string

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource leadSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'fact-keys-programme-lead'
  properties: {
    value: programmeLeadKey
  }
}

resource officerSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'fact-keys-officer'
  properties: {
    value: officerKey
  }
}

resource linkSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'fact-links-signing-key'
  properties: {
    value: linkSigningKey
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: 'sendgrid-api-key'
  properties: {
    value: sendGridApiKey
  }
}

output name string = vault.name
