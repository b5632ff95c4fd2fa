using System.Text.Json;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Packaging;
using Semver;

namespace Marketplace.Functions.Installation;

/// <summary>An Available version with its parsed manifest.</summary>
/// <param name="Row">The catalogue row.</param>
/// <param name="Manifest">Its manifest as published.</param>
/// <param name="SemVersion">The parsed version.</param>
public sealed record CatalogVersion(AssetVersionRecord Row, ManifestDocument Manifest, SemVersion SemVersion)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The asset id.</summary>
    public string AssetId => this.Row.AssetId;

    /// <summary>The version text.</summary>
    public string Version => this.Row.Version;

    /// <summary>Dependencies from the manifest.</summary>
    public IReadOnlyDictionary<string, string> Dependencies => Clean(this.Manifest.Dependencies);

    /// <summary>Conflicts from the manifest.</summary>
    public IReadOnlyDictionary<string, string> Conflicts => Clean(this.Manifest.Conflicts);

    /// <summary>Reads a catalogue row.</summary>
    public static CatalogVersion From(AssetVersionRecord row) => new(
        row,
        JsonSerializer.Deserialize<ManifestDocument>(row.ManifestJson ?? "{}", Json) ?? new ManifestDocument(),
        SemVersion.Parse(row.Version, SemVersionStyles.Strict));

    private static Dictionary<string, string> Clean(IReadOnlyDictionary<string, string?>? map) =>
        (map ?? new Dictionary<string, string?>()).Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
}

/// <summary>The catalogue as the installation steps see it: Available versions and suspended assets.</summary>
/// <param name="Versions">Every Available version.</param>
/// <param name="SuspendedAssetIds">Assets governance has suspended.</param>
public sealed record CatalogSnapshot(IReadOnlyList<CatalogVersion> Versions, IReadOnlySet<string> SuspendedAssetIds)
{
    /// <summary>Reads the catalogue.</summary>
    public static async Task<CatalogSnapshot> LoadAsync(ICatalogStore catalog, CancellationToken cancellationToken)
    {
        var versions = (await catalog.ListAvailableVersionsAsync(cancellationToken)).Select(CatalogVersion.From).ToList();
        var suspended = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assetId in versions.Select(v => v.AssetId).Distinct())
        {
            if (await catalog.GetAssetAsync(assetId, cancellationToken) is { Suspended: true })
            {
                suspended.Add(assetId);
            }
        }

        return new CatalogSnapshot(versions, suspended);
    }

    /// <summary>One version, or null.</summary>
    public CatalogVersion? Find(string assetId, string version) =>
        this.Versions.FirstOrDefault(v => v.AssetId == assetId && v.Version == version);
}
