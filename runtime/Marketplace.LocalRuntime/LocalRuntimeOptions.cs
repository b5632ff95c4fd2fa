namespace Marketplace.LocalRuntime;

/// <summary>How to run the local runtime. Settings come from the embedded defaults, then local.settings.json, then
/// environment variables and the command line, then <see cref="Settings"/>.</summary>
public sealed class LocalRuntimeOptions
{
    /// <summary>Where the HTTP functions listen; Core Tools' port by default.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>A local.settings.json to read (its <c>Values</c>), if it exists.</summary>
    public string? LocalSettingsPath { get; set; }

    /// <summary>Settings that win over every other source, with Functions names (<c>Marketplace__TaskHub</c>).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often blob trigger containers are scanned for new blobs.</summary>
    public TimeSpan BlobPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The durable worker's id; keep it stable across restarts of the same runtime.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-local";

    /// <summary>Command-line arguments, read as configuration.</summary>
    public IReadOnlyList<string> Args { get; set; } = [];
}
