using Semver;

namespace Marketplace.Resolution.Solving;

/// <summary>The known versions of one package, ascending, with what each one requires.</summary>
internal sealed class PackageVersions(string id, bool exists)
{
    public string Id { get; } = id;

    /// <summary>False for a package that is named by a range but is neither in the registry nor installed.</summary>
    public bool Exists { get; } = exists;

    public SemVersion[] Versions { get; set; } = [];

    /// <summary>The version strings as written in the problem, parallel to <see cref="Versions"/>.</summary>
    public string[] Texts { get; set; } = [];

    /// <summary>Requirements of each version, parallel to <see cref="Versions"/>, ordered by target id.</summary>
    public Requirement[][] Requirements { get; set; } = [];

    /// <summary>Index of the exact version, or -1.</summary>
    public int IndexOf(SemVersion version) =>
        Array.BinarySearch(Versions, version, SemVersion.PrecedenceComparer) is var index and >= 0 ? index : -1;
}
