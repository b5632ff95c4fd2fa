using System.Text.Json;
using System.Text.Unicode;
using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Packaging;

/// <summary>Parses <c>marketplace.json</c> bytes into a <see cref="ManifestDocument"/> (camelCase, strict JSON).</summary>
public static class ManifestParser
{
    /// <summary>The manifest's path inside a package.</summary>
    public const string FileName = "marketplace.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    /// <summary>Parses UTF-8 JSON; a syntax or shape error gives a <c>manifest.invalid-json</c> finding.</summary>
    public static ManifestParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        // A UTF-8 byte-order mark is harmless, but the JSON reader rejects it.
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        // The JSON reader does not check every byte of every string, so encoding is checked first.
        if (!Utf8.IsValid(utf8Json))
        {
            return Invalid("The manifest is not valid UTF-8.");
        }

        try
        {
            return JsonSerializer.Deserialize<ManifestDocument>(utf8Json, Options) is { } document
                ? new ManifestParseResult(document, null)
                : Invalid("The manifest must be a JSON object.");
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
            return Invalid($"The manifest is not valid JSON of the manifest's shape{where}: {ex.Message}");
        }
    }

    private static ManifestParseResult Invalid(string message) =>
        new(null, Finding.Error(FindingCodes.ManifestInvalidJson, FileName, message));
}

/// <summary>A parsed manifest document, or the finding that says why it could not be parsed.</summary>
/// <param name="Document">The document, when the JSON was valid.</param>
/// <param name="Error">The <c>manifest.invalid-json</c> finding otherwise.</param>
public sealed record ManifestParseResult(ManifestDocument? Document, Finding? Error);
