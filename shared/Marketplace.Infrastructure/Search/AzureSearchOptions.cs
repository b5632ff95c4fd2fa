namespace Marketplace.Infrastructure.Search;

/// <summary>Options for <see cref="AzureCatalogSearch"/>.</summary>
public sealed record AzureSearchOptions
{
    /// <summary>Gets or sets the search service endpoint, for example <c>https://contoso-marketplace.search.windows.net</c>. Must be https.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the index name (lowercase letters, digits and '-'); the index is created on first use when missing.</summary>
    public string IndexName { get; set; } = "assets";
}
