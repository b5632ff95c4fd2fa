namespace Marketplace.Domain.Search;

/// <summary>One page of search results.</summary>
/// <param name="Total">How many assets match in all, across every page.</param>
/// <param name="Items">The assets on this page, in result order.</param>
public sealed record SearchPage(long Total, IReadOnlyList<AssetSearchDocument> Items);
