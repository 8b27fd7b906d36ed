using 'main.bicep'

// The dev environment. The keys come from the environment of whoever deploys, never from this file:
//   export FACT_PROGRAMME_LEAD_KEY=$(openssl rand -hex 24) FACT_OFFICER_KEY=$(openssl rand -hex 24) FACT_LINK_SIGNING_KEY=$(openssl rand -hex 32)
param environmentName = 'dev'
param namePrefix = 'fact'
param programmeLeadKey = readEnvironmentVariable('FACT_PROGRAMME_LEAD_KEY')
param officerKey = readEnvironmentVariable('FACT_OFFICER_KEY')
param linkSigningKey = readEnvironmentVariable('FACT_LINK_SIGNING_KEY')
param sendGridApiKey = readEnvironmentVariable('FACT_SENDGRID_API_KEY', '')
param reminderFromAddress = 'fact-programme@example.org'
param trustAppServiceAuthentication = false
// Flex Consumption's lowest maximum instance count.
param maximumInstanceCount = 40
