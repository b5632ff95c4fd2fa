using System.Text.Json;

namespace Marketplace.Functions.Http;

/// <summary>The API's JSON conventions: camelCase, case-insensitive reads.</summary>
public static class JsonDefaults
{
    /// <summary>Web defaults (camelCase, case-insensitive).</summary>
    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
