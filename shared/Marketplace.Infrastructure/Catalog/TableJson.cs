using System.Text.Json;

namespace Marketplace.Infrastructure.Catalog;

/// <summary>JSON columns of table entities (lists and maps), camelCase like the API.</summary>
internal static class TableJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string? json, T fallback) =>
        string.IsNullOrEmpty(json) ? fallback : JsonSerializer.Deserialize<T>(json, Options) ?? fallback;
}
