namespace Marketplace.Domain.Search;

/// <summary>The public catalogue's search index: one document per asset.</summary>
/// <remarks>
/// Free text matches the asset id, display name, description and tags; kind, tag and publisher
/// filter exactly. Suspended assets are kept in the index but never returned. Without text,
/// results are ordered by most recently updated; with text, by relevance.
/// </remarks>
public interface ICatalogSearch
{
    /// <summary>Adds the asset's document, or replaces the one with the same asset id.</summary>
    /// <param name="document">The asset's search document.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the document is searchable.</returns>
    Task UpsertAsync(AssetSearchDocument document, CancellationToken cancellationToken = default);

    /// <summary>Removes the asset's document; removing an absent asset is not an error.</summary>
    /// <param name="assetId">The asset id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the document is gone from results.</returns>
    Task DeleteAsync(string assetId, CancellationToken cancellationToken = default);

    /// <summary>Searches the catalogue.</summary>
    /// <param name="query">Text, filters and paging; validated with <see cref="CatalogSearchQuery.Validate"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The requested page and the total number of matches.</returns>
    /// <exception cref="ArgumentException">Skip or take is out of range.</exception>
    Task<SearchPage> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Checks that the index can be reached, for the health endpoint.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the index answers.</returns>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default);
}
