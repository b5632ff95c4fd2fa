namespace Marketplace.Resolution.Tests.Support;

/// <summary>
/// Builds problems tersely: <c>Add("foo 1.0.0", "bar ^2.0.0", "!baz *")</c> adds foo 1.0.0 depending on
/// bar ^2.0.0 and conflicting with every baz.
/// </summary>
public sealed class ProblemBuilder
{
    private readonly Dictionary<string, Dictionary<string, PackageVersionInfo>> registry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> installed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> root = new(StringComparer.Ordinal);

    public ProblemBuilder Root(string id, string range)
    {
        root[id] = range;
        return this;
    }

    public ProblemBuilder Installed(string id, string version)
    {
        installed[id] = version;
        return this;
    }

    public ProblemBuilder Add(string idAndVersion, params string[] requirements)
    {
        var (id, version) = Split(idAndVersion);
        var dependencies = new Dictionary<string, string>(StringComparer.Ordinal);
        var conflicts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            var (target, range) = Split(requirement.TrimStart('!'));
            (requirement.StartsWith('!') ? conflicts : dependencies)[target] = range;
        }

        if (!registry.TryGetValue(id, out var versions)) registry[id] = versions = new Dictionary<string, PackageVersionInfo>(StringComparer.Ordinal);
        versions[version] = new PackageVersionInfo { Dependencies = dependencies, Conflicts = conflicts };
        return this;
    }

    public ResolutionProblem Build() => new(
        registry.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, PackageVersionInfo>)pair.Value, StringComparer.Ordinal),
        installed,
        root);

    private static (string Id, string Remainder) Split(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return (text[..space], text[(space + 1)..]);
    }
}
