using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Functions.OpenApi;

namespace Marketplace.Functions.Tests.OpenApi;

/// <summary>The embedded OpenAPI document, read once, with helpers to walk its operations.</summary>
internal static partial class OpenApiDocument
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static string Text { get; } = OpenApiFunction.ReadDocument();

    public static JsonElement Root { get; } = JsonDocument.Parse(Text).RootElement;

    /// <summary>Every operation of the document: method (upper case), path and the operation object.</summary>
    public static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations()
    {
        foreach (var path in Root.GetProperty("paths").EnumerateObject())
        {
            foreach (var item in path.Value.EnumerateObject().Where(p => HttpMethods.Contains(p.Name)))
            {
                yield return (item.Name.ToUpperInvariant(), path.Name, item.Value);
            }
        }
    }

    /// <summary>The path with every placeholder (<c>{x}</c>, <c>{*x}</c>, <c>{x:int}</c>, <c>{x?}</c>) reduced to <c>{}</c>.</summary>
    public static string Shape(string path) => Placeholder().Replace(path, "{}");

    /// <summary>The placeholder names of a path.</summary>
    public static IEnumerable<string> PlaceholderNames(string path) =>
        Placeholder().Matches(path).Select(m => m.Groups["name"].Value);

    /// <summary>Follows a local <c>$ref</c> such as <c>#/components/parameters/AssetId</c>; null when it does not resolve.</summary>
    public static JsonElement? Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var current = Root;
        foreach (var segment in reference[2..].Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>An element, or the element its <c>$ref</c> points at.</summary>
    public static JsonElement Deref(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference)
            ? Resolve(reference.GetString()!) ?? throw new InvalidOperationException($"Unresolved $ref {reference}.")
            : element;

    /// <summary>Every <c>$ref</c> value anywhere in the document.</summary>
    public static IEnumerable<string> References(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else
                    {
                        foreach (var inner in References(property.Value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var inner in element.EnumerateArray().SelectMany(References))
                {
                    yield return inner;
                }

                break;
        }
    }

    [GeneratedRegex(@"\{\*?(?<name>[A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Placeholder();
}
