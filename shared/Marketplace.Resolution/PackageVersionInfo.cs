namespace Marketplace.Resolution;

/// <summary>What one released version of an asset asks of a target.</summary>
public sealed record PackageVersionInfo
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Shared instance for a version with no dependencies and no conflicts.</summary>
    public static PackageVersionInfo Empty { get; } = new();

    /// <summary>Asset id to npm-style range that must be selected alongside this version.</summary>
    public IReadOnlyDictionary<string, string> Dependencies { get; init; } = None;

    /// <summary>Asset id to npm-style range that must not be selected or installed alongside this version.</summary>
    public IReadOnlyDictionary<string, string> Conflicts { get; init; } = None;
}
