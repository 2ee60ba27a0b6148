// Kokemusvälitys on Azure: App Service (Linux, Node 20) running the bot, Table Storage,
// Application Insights on a Log Analytics workspace, and an Azure Bot with the Teams channel.
// Deploy: see infra/README.md.
targetScope = 'resourceGroup'

@description('Base name of the resources: lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param appName string = 'kokemusvalitys'

@description('Region of everything except the Azure Bot, which is global.')
param location string = resourceGroup().location

@description('Application (client) id of the single-tenant Entra app registration the bot signs in with.')
@minLength(36)
@maxLength(36)
param microsoftAppId string

@description('Client secret of that app registration.')
@secure()
param microsoftAppPassword string

@description('Tenant id of that app registration (the organisation\'s Entra tenant).')
param microsoftAppTenantId string = tenant().tenantId

@description('Emails of the first coordinators (BOOTSTRAP_COORDINATORS); empty when the staff register already has them.')
param bootstrapCoordinators string = ''

@description('App Service plan SKU. B1 or larger: the bot\'s timers (offer waves, reminders) need Always On.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Azure Bot SKU. Teams is a standard channel, so F0 is enough.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name of the bot in the Azure portal.')
param botDisplayName string = 'Kokemusvälitys'

@description('Days the logs are kept.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

param tags object = {
  app: 'kokemusvalitys'
}

var suffix = take(uniqueString(resourceGroup().id, appName), 6)
var storageAccountName = take('st${toLower(replace(appName, '-', ''))}${uniqueString(resourceGroup().id, appName)}', 24)

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${appName}-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${appName}-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: true // the bot connects with the account's connection string
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${appName}-${suffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: '${appName}-${suffix}'
  location: location
  tags: tags
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm run serve'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'STORAGE_CONNECTION_STRING'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        {
          name: 'MicrosoftAppId'
          value: microsoftAppId
        }
        {
          name: 'MicrosoftAppPassword'
          value: microsoftAppPassword
        }
        {
          name: 'MicrosoftAppTenantId'
          value: microsoftAppTenantId
        }
        {
          name: 'MicrosoftAppType'
          value: 'SingleTenant'
        }
        {
          // CSV export links point here (the web app's own https host name).
          name: 'PUBLIC_URL'
          value: 'https://${appName}-${suffix}.azurewebsites.net'
        }
        {
          name: 'AZURITE'
          value: '0'
        }
        {
          name: 'PLAYGROUND'
          value: '0'
        }
        {
          name: 'DEMO_DATA'
          value: '0'
        }
        {
          name: 'BOOTSTRAP_COORDINATORS'
          value: bootstrapCoordinators
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insights.properties.ConnectionString
        }
        {
          // Build on deploy (Oryx runs npm install in the app's Linux container)...
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
        {
          // ...including devDependencies although NODE_ENV=production: tsx runs the TypeScript.
          name: 'NPM_CONFIG_INCLUDE'
          value: 'dev'
        }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${appName}-${suffix}'
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: microsoftAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output webAppName string = web.name
output webAppUrl string = 'https://${web.properties.defaultHostName}'
output botEndpoint string = 'https://${web.properties.defaultHostName}/api/messages'
output botName string = bot.name
output storageAccountName string = storage.name
output appInsightsName string = insights.name
