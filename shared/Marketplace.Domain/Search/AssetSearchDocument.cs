namespace Marketplace.Domain.Search;

/// <summary>What the catalogue search knows about one asset.</summary>
/// <param name="AssetId">The asset id, for example <c>contoso.http-api</c>.</param>
/// <param name="PublisherId">The publisher id.</param>
/// <param name="Kind">The asset kind (<c>template</c>, <c>component</c>, <c>agent</c>, <c>workflow</c>, <c>policy</c>).</param>
/// <param name="DisplayName">The display name of the latest version.</param>
/// <param name="Description">The description of the latest version.</param>
/// <param name="Tags">The tags of the latest version.</param>
/// <param name="LatestVersion">The newest stable available version, or the newest prerelease when there is no stable one (see <see cref="LatestVersionSelector"/>).</param>
/// <param name="Versions">Every available version.</param>
/// <param name="Suspended">Whether the asset is suspended; suspended assets are never returned by a search.</param>
/// <param name="UpdatedAt">When the asset last changed; orders results that have no search text.</param>
public sealed record AssetSearchDocument(
    string AssetId,
    string PublisherId,
    string Kind,
    string DisplayName,
    string Description,
    IReadOnlyList<string> Tags,
    string LatestVersion,
    IReadOnlyList<string> Versions,
    bool Suspended,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Checks the fields an index needs.</summary>
    /// <param name="document">The document to check.</param>
    /// <exception cref="ArgumentException">The asset id, publisher id or kind is empty, or a list is null.</exception>
    public static void Validate(AssetSearchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.AssetId))
        {
            throw new ArgumentException("The search document needs an AssetId.", nameof(document));
        }

        if (string.IsNullOrWhiteSpace(document.PublisherId) || string.IsNullOrWhiteSpace(document.Kind))
        {
            throw new ArgumentException($"The search document for '{document.AssetId}' needs a PublisherId and a Kind.", nameof(document));
        }

        if (document.Tags is null || document.Versions is null)
        {
            throw new ArgumentException($"The search document for '{document.AssetId}' needs Tags and Versions lists (they may be empty).", nameof(document));
        }
    }
}
