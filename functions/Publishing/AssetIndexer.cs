using Marketplace.Domain.Catalog;
using Marketplace.Domain.Search;

namespace Marketplace.Functions.Publishing;

/// <summary>
/// Derives an asset's search document from the catalogue (its Available versions, newest stable first), or removes it
/// when none is left. Derived entirely from the catalogue, so re-running it is always safe.
/// </summary>
public sealed class AssetIndexer(ICatalogStore catalog, ICatalogSearch search)
{
    /// <summary>Upserts or deletes the asset's search document.</summary>
    public async Task ReindexAsync(string assetId, CancellationToken cancellationToken)
    {
        var asset = await catalog.GetAssetAsync(assetId, cancellationToken);
        var available = (await catalog.ListVersionsAsync(assetId, cancellationToken))
            .Where(v => v.State == VersionStates.Available).Select(v => v.Version).ToList();
        if (asset is null || available.Count == 0)
        {
            await search.DeleteAsync(assetId, cancellationToken);
            return;
        }

        await search.UpsertAsync(new AssetSearchDocument(
            asset.AssetId, asset.PublisherId, asset.Kind, asset.DisplayName, asset.Description, asset.Tags,
            LatestVersionSelector.Select(available)!, available, asset.Suspended, asset.UpdatedAt), cancellationToken);
    }
}
