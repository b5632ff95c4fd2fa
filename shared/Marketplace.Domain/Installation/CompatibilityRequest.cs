namespace Marketplace.Domain.Installation;

/// <summary>Everything <see cref="CompatibilityEvaluator"/> needs to judge one installation.</summary>
/// <param name="Target">The target being installed into.</param>
/// <param name="Candidates">The asset versions the installation would install (the resolved set).</param>
/// <param name="Installed">The asset versions already installed in the target.</param>
/// <param name="SuspendedAssetIds">Asset ids that are suspended in the catalogue.</param>
/// <param name="FileOwners">Target file path to the installed asset id that owns it.</param>
public sealed record CompatibilityRequest(
    CompatibilityTarget Target,
    IReadOnlyList<CandidateAsset> Candidates,
    IReadOnlyList<InstalledAsset> Installed,
    IReadOnlySet<string> SuspendedAssetIds,
    IReadOnlyDictionary<string, string> FileOwners);

/// <summary>The target's side of compatibility.</summary>
/// <param name="Runtime">The target's runtime version (must be SemVer 2.0.0).</param>
/// <param name="ProjectType">The target's project type.</param>
public sealed record CompatibilityTarget(string Runtime, string ProjectType);

/// <summary>An asset version that would be installed, with the manifest fields compatibility depends on.</summary>
/// <param name="AssetId">The asset id.</param>
/// <param name="Version">The version that would be installed.</param>
/// <param name="RuntimeRange">The manifest's <c>compatibility.runtime</c> range; <see langword="null"/> means any.</param>
/// <param name="ProjectTypes">The manifest's <c>compatibility.projectTypes</c>; empty means any.</param>
/// <param name="Conflicts">The manifest's <c>conflicts</c>: asset id to npm-style range.</param>
/// <param name="ContentPaths">The package's content file paths (relative to <c>content/</c>).</param>
public sealed record CandidateAsset(
    string AssetId,
    string Version,
    string? RuntimeRange,
    IReadOnlyList<string> ProjectTypes,
    IReadOnlyDictionary<string, string> Conflicts,
    IReadOnlyList<string> ContentPaths);

/// <summary>An asset version already installed in the target, with its manifest's <c>conflicts</c>.</summary>
/// <param name="AssetId">The asset id.</param>
/// <param name="Version">The installed version.</param>
/// <param name="Conflicts">Its manifest's <c>conflicts</c>: asset id to npm-style range.</param>
public sealed record InstalledAsset(string AssetId, string Version, IReadOnlyDictionary<string, string> Conflicts);
