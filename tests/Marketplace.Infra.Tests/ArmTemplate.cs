using System.Text.Json;

namespace Marketplace.Infra.Tests;

/// <summary>
/// A compiled ARM template and the templates of its modules (nested deployments). Reads both shapes Bicep emits:
/// resources as an array, and (languageVersion 2.0) as an object keyed by symbolic name.
/// </summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(JsonElement root, ArmTemplate? parent, JsonElement? deployment, string path)
    {
        Root = root;
        Parent = parent;
        Deployment = deployment;
        Path = path;
        var resources = new List<ArmResource>();
        var modules = new Dictionary<string, ArmTemplate>(StringComparer.Ordinal);
        foreach (var (key, json) in Entries(root, "resources"))
        {
            var resource = new ArmResource(key, json, this);
            resources.Add(resource);
            if (resource.Type == "Microsoft.Resources/deployments")
            {
                modules[key] = new ArmTemplate(json.GetProperty("properties").GetProperty("template"), this, json, $"{path}/{key}");
            }
        }

        Resources = resources;
        Modules = modules;
    }

    public JsonElement Root { get; }

    public ArmTemplate? Parent { get; }

    /// <summary>The deployment resource in the parent that runs this template; null for the top template.</summary>
    public JsonElement? Deployment { get; }

    /// <summary>Where the template sits, for messages: "main/appRoles".</summary>
    public string Path { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>Modules by symbolic name (or array index when the template has no symbolic names).</summary>
    public IReadOnlyDictionary<string, ArmTemplate> Modules { get; }

    public static ArmTemplate Parse(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return new ArmTemplate(document.RootElement.Clone(), null, null, name);
    }

    /// <summary>Resources declared (not merely referenced as existing) here and in every module below.</summary>
    public IEnumerable<ArmResource> AllResources() =>
        Resources.Where(r => !r.IsExisting).Concat(Modules.Values.SelectMany(m => m.AllResources()));

    public IEnumerable<ArmResource> OfType(string type) =>
        AllResources().Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type)
    {
        var matches = OfType(type).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one {type}, found {matches.Count}.");
    }

    public JsonElement? Parameter(string name) => Child("parameters", name);

    public JsonElement? Variable(string name) => Child("variables", name);

    public JsonElement? Output(string name) => Child("outputs", name);

    public IEnumerable<string> ParameterNames() => Entries(Root, "parameters").Select(e => e.Key);

    private JsonElement? Child(string section, string name) =>
        Root.TryGetProperty(section, out var entries) && entries.TryGetProperty(name, out var entry) ? entry : null;

    private static IEnumerable<(string Key, JsonElement Value)> Entries(JsonElement root, string section)
    {
        if (!root.TryGetProperty(section, out var entries))
        {
            yield break;
        }

        if (entries.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in entries.EnumerateObject())
            {
                yield return (property.Name, property.Value);
            }
        }
        else
        {
            var index = 0;
            foreach (var item in entries.EnumerateArray())
            {
                yield return ((index++).ToString(System.Globalization.CultureInfo.InvariantCulture), item);
            }
        }
    }
}

/// <summary>One resource of a compiled template.</summary>
internal sealed record ArmResource(string Key, JsonElement Json, ArmTemplate Owner)
{
    public string Type => Json.GetProperty("type").GetString() ?? "";

    /// <summary>The name as compiled: a literal or an expression such as "[format('{0}/{1}', ...)]".</summary>
    public string Name => Json.GetProperty("name").GetString() ?? "";

    public bool IsExisting => Json.TryGetProperty("existing", out var existing) && existing.ValueKind == JsonValueKind.True;

    public JsonElement Properties => Json.TryGetProperty("properties", out var properties) ? properties : default;

    /// <summary>Follows property names from the resource root; null when any step is missing.</summary>
    public JsonElement? At(params string[] path)
    {
        var current = Json;
        foreach (var step in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out current))
            {
                return null;
            }
        }

        return current;
    }

    public string? StringAt(params string[] path) => At(path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
