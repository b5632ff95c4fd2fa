namespace Marketplace.Infra.Tests;

/// <summary>
/// How each setting of local.settings.sample.json is met in Azure. This is the one list of local-only settings: add a
/// setting here when only the local run reads it, with the reason. docs/configuration.md shows the same split.
/// </summary>
internal static class AppSettingRules
{
    /// <summary>Read only by the local providers; Azure selects other providers and does not set these.</summary>
    public static readonly IReadOnlyDictionary<string, string> LocalOnly = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Marketplace__Signing__LocalKeyStorePath"] = "key folder of the Local signer; Azure signs with Key Vault",
        ["Marketplace__Search__LuceneIndexPath"] = "index folder of the Lucene search; Azure uses Azure AI Search",
        ["Marketplace__Events__QueueName"] = "queue of the StorageQueue event transport; Azure uses the Service Bus topic",
    };

    /// <summary>Set by the platform. Flex Consumption rejects it as an app setting; functionAppConfig carries it.</summary>
    public static readonly IReadOnlyDictionary<string, string> PlatformManaged = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "functionAppConfig.runtime.name",
    };

    /// <summary>
    /// Connections: a connection string locally, identity-based '{name}__{property}' settings in Azure. Every property
    /// listed must be set, and the bare name must not be (it would hold a connection string).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> IdentityConnections = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage"] = ["accountName", "credential"],
        ["MarketplaceStorage"] = ["blobServiceUri", "queueServiceUri", "tableServiceUri", "credential"],
        ["ServiceBusConnection"] = ["fullyQualifiedNamespace", "credential"],
    };

    /// <summary>Needed only in Azure.</summary>
    public static readonly IReadOnlyDictionary<string, string> AzureOnly = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "where telemetry goes",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "sends telemetry with the managed identity",
        ["AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount"] = "Durable partition count, a deployment parameter",
    };

    /// <summary>Settings whose Azure value selects the Azure service instead of the local stand-in.</summary>
    public static readonly IReadOnlyDictionary<string, string> AzureProviders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Marketplace__Signing__Provider"] = "KeyVault",
        ["Marketplace__Search__Provider"] = "AzureSearch",
        ["Marketplace__Events__Transport"] = "ServiceBus",
    };

    /// <summary>Settings that keep their local value in Azure (names of hubs, topics, queues, indexes; limits).</summary>
    public static readonly string[] SameAsLocal =
    [
        "Marketplace__TaskHub",
        "Marketplace__Publishing__MaxPackageBytes",
        "Marketplace__Publishing__ReviewWindow",
        "Marketplace__Search__IndexName",
        "Marketplace__Events__TopicName",
        "Marketplace__Commands__QueueName",
    ];

    /// <summary>The connection a setting belongs to ('MarketplaceStorage' for 'MarketplaceStorage__blobServiceUri').</summary>
    public static string? ConnectionOf(string setting)
    {
        var separator = setting.IndexOf("__", StringComparison.Ordinal);
        return separator > 0 && IdentityConnections.ContainsKey(setting[..separator]) ? setting[..separator] : null;
    }
}
