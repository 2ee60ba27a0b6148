// Kokemusvälitys on Azure: App Service (Linux, Node 22 LTS) running the built bot, Table Storage
// reached by managed identity (shared keys off), Application Insights on a Log Analytics workspace,
// and an Azure Bot with only the Microsoft Teams channel. The bot's identity is a user-assigned
// managed identity: no client secret exists anywhere. Deploy: see infra/README.md.
targetScope = 'resourceGroup'

@description('Base name of the resources: lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param appName string = 'kokemusvalitys'

@description('Region of everything except the Azure Bot, which is global.')
param location string = resourceGroup().location

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

@description('Prefix of the table names (TABLE_PREFIX): letters and digits, starting with a letter.')
@minLength(1)
@maxLength(31)
param tablePrefix string = 'kv'

@description('Days the logs are kept.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Opt-in: allow the whole web app only from the AzureBotService service tag and allowedClientCidrs. App Service restricts per site, not per path, so CSV export links (opened in people\'s browsers) then work only from those address ranges. See infra/README.md.')
param restrictToBotService bool = false

@description('With restrictToBotService: address ranges (CIDR) of the organisation\'s network from which coordinators open CSV export links.')
param allowedClientCidrs array = []

param tags object = {
  app: 'kokemusvalitys'
}

var suffix = take(uniqueString(resourceGroup().id, appName), 6)
var storageAccountName = take('st${toLower(replace(appName, '-', ''))}${uniqueString(resourceGroup().id, appName)}', 24)
var webAppName = '${appName}-${suffix}'
// Built-in role "Storage Table Data Contributor": read, write and delete tables and entities.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var tableNames = [
  'People'
  'Registers'
  'Counters'
  'Orders'
  'Jobs'
  'Claims'
]
var botServiceRule = {
  name: 'AzureBotService'
  description: 'Bot Connector (Teams) posting to /api/messages'
  action: 'Allow'
  priority: 100
  tag: 'ServiceTag'
  ipAddress: 'AzureBotService'
}
var clientRules = [for (cidr, i) in allowedClientCidrs: {
  name: 'client-${i}'
  description: 'Organisation network (CSV export links)'
  action: 'Allow'
  priority: 200 + i
  tag: 'Default'
  ipAddress: cidr
}]

// The bot's identity and the web app's: Bot Framework tokens, Table Storage and (later) Graph.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${appName}-${suffix}'
  location: location
  tags: tags
}

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
    allowSharedKeyAccess: false // Entra ID only: the bot uses its managed identity; no key exists in any setting
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled' // App Service without VNet integration reaches storage over its public endpoint
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// The bot also creates them at start (idempotent); creating them here makes the first start quiet.
resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for t in tableNames: {
  parent: tableService
  name: '${tablePrefix}${t}'
}]

resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
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
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The built JavaScript (npm run build; see infra/README.md), no tsx, no npm at run time.
      appCommandLine: 'node --no-deprecation --max-semi-space-size=2 --require ./dist/src/instrument.js dist/src/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      remoteDebuggingEnabled: false
      ipSecurityRestrictionsDefaultAction: restrictToBotService ? 'Deny' : 'Allow'
      ipSecurityRestrictions: restrictToBotService ? concat([botServiceRule], clientRules) : []
      scmIpSecurityRestrictionsUseMain: false
      appSettings: [
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          // Table Storage by managed identity (DefaultAzureCredential); no connection string, no key.
          name: 'STORAGE_ACCOUNT_URL'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'TABLE_PREFIX'
          value: tablePrefix
        }
        {
          // Which managed identity DefaultAzureCredential uses (the web app has only this one).
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          // The bot's app id is the managed identity's client id; there is no password.
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          // CSV export links point here (the web app's own https host name).
          name: 'PUBLIC_URL'
          value: 'https://${webAppName}.azurewebsites.net'
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
          // The deployed zip (built JavaScript and production node_modules) is mounted read-only as is.
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          // No build on the server: nothing installs devDependencies there.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
}

// Basic-auth (user name and password) publishing off for FTP and for the SCM/Kudu site:
// deployments authenticate with Entra ID (az webapp deploy).
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: web
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: web
  name: 'scm'
  properties: {
    allow: false
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
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
    publicNetworkAccess: 'Enabled' // Teams reaches the bot through the Bot Connector service
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

// Every Azure Bot gets a Web Chat channel whose clients choose their own user ids; the bot acts
// only on msteams activities anyway (SPEC §9), and here the channel's only site is switched off.
resource webChatChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: false
          isWebchatPreviewEnabled: false
          isBlockUserUploadEnabled: true
        }
      ]
    }
  }
}

// Direct Line likewise: its one site disabled, both protocol versions off.
resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: false
          isV1Enabled: false
          isV3Enabled: false
          isSecureSiteEnabled: true
          isBlockUserUploadEnabled: true
          isWebchatPreviewEnabled: false
        }
      ]
    }
  }
}

output webAppName string = web.name
output webAppUrl string = 'https://${web.properties.defaultHostName}'
output botEndpoint string = 'https://${web.properties.defaultHostName}/api/messages'
output botName string = bot.name
output botAppId string = identity.properties.clientId
output identityName string = identity.name
output identityPrincipalId string = identity.properties.principalId
output storageAccountName string = storage.name
output appInsightsName string = insights.name
