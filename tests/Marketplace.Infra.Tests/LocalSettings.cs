using System.Text.Json;

namespace Marketplace.Infra.Tests;

/// <summary>local.settings.sample.json: the source of truth for the settings the app reads.</summary>
internal static class LocalSettings
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> LazyValues = new(Load);

    public static IReadOnlyDictionary<string, string> Values => LazyValues.Value;

    private static Dictionary<string, string> Load()
    {
        using var document = JsonDocument.Parse(RepoPaths.ReadText("local.settings.sample.json"));
        return document.RootElement.GetProperty(nameof(Values)).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
