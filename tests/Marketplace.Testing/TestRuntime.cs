using Marketplace.LocalRuntime;

namespace Marketplace.Testing;

/// <summary>Starts the local runtime in-process on a free port, on a given Azurite and task hub.</summary>
public static class TestRuntime
{
    /// <summary>A fresh task hub name, so test runs never share durable state.</summary>
    public static string NewTaskHub() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Starts a runtime; pass the same <paramref name="taskHub"/> and <paramref name="dataDirectory"/> to restart one.</summary>
    public static Task<LocalRuntimeHost> StartAsync(
        string storageConnectionString,
        string taskHub,
        string dataDirectory,
        IDictionary<string, string?>? settings = null,
        CancellationToken cancellationToken = default)
    {
        var options = new LocalRuntimeOptions
        {
            Urls = "http://127.0.0.1:0",
            WorkerId = $"test-{taskHub}",
            BlobPollInterval = TimeSpan.FromMilliseconds(250),
        };
        options.Settings["AzureWebJobsStorage"] = storageConnectionString;
        options.Settings["MarketplaceStorage"] = storageConnectionString;
        options.Settings["Marketplace__TaskHub"] = taskHub;
        options.Settings["Marketplace__Identity__TrustClientPrincipalHeader"] = "true";
        options.Settings["Marketplace__Signing__LocalKeyStorePath"] = Path.Combine(dataDirectory, "keys");
        options.Settings["Marketplace__Search__LuceneIndexPath"] = Path.Combine(dataDirectory, "search");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            options.Settings[key] = value;
        }

        return LocalRuntimeHost.StartAsync(options, cancellationToken);
    }
}
