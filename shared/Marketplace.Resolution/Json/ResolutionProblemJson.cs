using System.Text.Encodings.Web;
using System.Text.Json;
using Marketplace.Resolution.Ranges;
using Semver;

namespace Marketplace.Resolution.Json;

/// <summary>
/// Reads and writes the resolver problem file (<c>{ "registry", "installed", "root" }</c>, camelCase).
/// Reading checks the shape, every version string and every range, and names the place of any fault.
/// </summary>
public static class ResolutionProblemJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>Parses a problem file.</summary>
    /// <exception cref="ResolutionProblemFormatException">The JSON is malformed or breaks the contract.</exception>
    public static ResolutionProblem Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new ResolutionProblemFormatException($"The problem file is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var top = Object(document.RootElement, "$", ["registry", "installed", "root"]);
            var registry = Registry(Required(top, "registry", "$"));
            var installed = top.TryGetValue("installed", out var installedElement)
                ? StringMap(installedElement, "$.installed", value => VersionFault(value))
                : new Dictionary<string, string>();
            var root = StringMap(Required(top, "root", "$"), "$.root", RangeFault);
            return new ResolutionProblem(registry, installed, root);
        }
    }

    /// <summary>Writes a problem as an indented problem file.</summary>
    public static string Write(ResolutionProblem problem)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("registry");
            foreach (var (assetId, versions) in problem.Registry)
            {
                writer.WriteStartObject(assetId);
                foreach (var (version, info) in versions)
                {
                    writer.WriteStartObject(version);
                    if (info.Dependencies.Count > 0) WriteMap(writer, "dependencies", info.Dependencies);
                    if (info.Conflicts.Count > 0) WriteMap(writer, "conflicts", info.Conflicts);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            WriteMap(writer, "installed", problem.Installed);
            WriteMap(writer, "root", problem.Root);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Dictionary<string, IReadOnlyDictionary<string, PackageVersionInfo>> Registry(JsonElement element)
    {
        var registry = new Dictionary<string, IReadOnlyDictionary<string, PackageVersionInfo>>(StringComparer.Ordinal);
        foreach (var (assetId, versionsElement) in Object(element, "$.registry", allowed: null))
        {
            var assetPath = $"$.registry['{assetId}']";
            var versions = new Dictionary<string, PackageVersionInfo>(StringComparer.Ordinal);
            foreach (var (version, entry) in Object(versionsElement, assetPath, allowed: null))
            {
                var path = $"{assetPath}['{version}']";
                if (VersionFault(version) is { } fault) throw new ResolutionProblemFormatException($"{path}: {fault}");
                var fields = Object(entry, path, ["dependencies", "conflicts"]);
                versions[version] = new PackageVersionInfo
                {
                    Dependencies = fields.TryGetValue("dependencies", out var dependencies) ? StringMap(dependencies, path + ".dependencies", RangeFault) : new Dictionary<string, string>(),
                    Conflicts = fields.TryGetValue("conflicts", out var conflicts) ? StringMap(conflicts, path + ".conflicts", RangeFault) : new Dictionary<string, string>(),
                };
            }

            registry[assetId] = versions;
        }

        return registry;
    }

    /// <summary>An object's properties, refusing duplicates and (when <paramref name="allowed"/> is given) unknown names.</summary>
    private static Dictionary<string, JsonElement> Object(JsonElement element, string path, string[]? allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ResolutionProblemFormatException($"{path}: expected an object but found {Describe(element.ValueKind)}.");
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (allowed is not null && !allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new ResolutionProblemFormatException($"{path}: unknown property '{property.Name}' (expected {string.Join(", ", allowed.Select(name => $"'{name}'"))}).");
            }

            if (!properties.TryAdd(property.Name, property.Value))
            {
                throw new ResolutionProblemFormatException($"{path}: property '{property.Name}' appears more than once.");
            }
        }

        return properties;
    }

    private static JsonElement Required(Dictionary<string, JsonElement> properties, string name, string path) =>
        properties.TryGetValue(name, out var value)
            ? value
            : throw new ResolutionProblemFormatException($"{path}: the required section '{name}' is missing.");

    /// <summary>An object of asset id to string, each value checked by <paramref name="fault"/>.</summary>
    private static Dictionary<string, string> StringMap(JsonElement element, string path, Func<string, string?> fault)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (assetId, value) in Object(element, path, allowed: null))
        {
            var valuePath = $"{path}['{assetId}']";
            if (value.ValueKind != JsonValueKind.String)
            {
                throw new ResolutionProblemFormatException($"{valuePath}: expected a string but found {Describe(value.ValueKind)}.");
            }

            var text = value.GetString()!;
            if (fault(text) is { } message) throw new ResolutionProblemFormatException($"{valuePath}: {message}");
            map[assetId] = text;
        }

        return map;
    }

    private static string? VersionFault(string text) =>
        SemVersion.TryParse(text, SemVersionStyles.Strict, out _) ? null : $"'{text}' is not a SemVer 2.0.0 version.";

    private static string? RangeFault(string text) =>
        NpmRange.TryParse(text, out _, out var error) ? null : $"invalid range '{text}': {error}.";

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map) writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
