using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Marketplace.LocalRuntime.Configuration;

/// <summary>
/// Reads Functions-style settings files (<c>{"Values": {"Marketplace__TaskHub": "..."}}</c>) into configuration,
/// turning <c>__</c> into <c>:</c> as the Functions host and environment variables do. The embedded default is the
/// repository's local.settings.sample.json, so the runtime runs with no file at all.
/// </summary>
internal static class LocalSettings
{
    private const string EmbeddedName = "local.settings.sample.json";

    public static IConfigurationBuilder AddEmbeddedDefaults(this IConfigurationBuilder builder)
    {
        using var stream = typeof(LocalSettings).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"The embedded {EmbeddedName} is missing from the local runtime.");
        return builder.AddInMemoryCollection(ReadValues(stream, EmbeddedName));
    }

    public static IConfigurationBuilder AddLocalSettingsFile(this IConfigurationBuilder builder, string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return builder;
        }

        using var stream = File.OpenRead(path);
        return builder.AddInMemoryCollection(ReadValues(stream, path));
    }

    public static IConfigurationBuilder AddFunctionsSettings(this IConfigurationBuilder builder, IEnumerable<KeyValuePair<string, string?>> settings) =>
        builder.AddInMemoryCollection(settings.Select(kv => KeyValuePair.Create(ToConfigurationKey(kv.Key), kv.Value)));

    private static List<KeyValuePair<string, string?>> ReadValues(Stream stream, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(stream);
            if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException($"{source} has no \"Values\" object.");
            }

            return values.EnumerateObject()
                .Select(p => KeyValuePair.Create(ToConfigurationKey(p.Name), p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))
                .ToList();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{source} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static string ToConfigurationKey(string name) => name.Replace("__", ":", StringComparison.Ordinal);
}
