namespace Marketplace.Domain.Search;

/// <summary>A catalogue search: optional free text, exact filters and a page.</summary>
/// <param name="Text">Free text over asset id, display name, description and tags; null or blank for none.</param>
/// <param name="Kind">Only assets of this kind (exact match), or null.</param>
/// <param name="Tag">Only assets carrying this tag (exact match), or null.</param>
/// <param name="Publisher">Only assets of this publisher id (exact match), or null.</param>
/// <param name="Skip">How many matches to skip, 0 to <see cref="MaxSkip"/>.</param>
/// <param name="Take">How many matches to return, 1 to <see cref="MaxTake"/>.</param>
public sealed record CatalogSearchQuery(
    string? Text = null,
    string? Kind = null,
    string? Tag = null,
    string? Publisher = null,
    int Skip = 0,
    int Take = CatalogSearchQuery.DefaultTake)
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultTake = 20;

    /// <summary>The largest page size.</summary>
    public const int MaxTake = 100;

    /// <summary>The largest skip (Azure AI Search's own limit).</summary>
    public const int MaxSkip = 100_000;

    /// <summary>Gets the trimmed search text, or <see langword="null"/> when there is none.</summary>
    public string? NormalizedText => string.IsNullOrWhiteSpace(Text) ? null : Text.Trim();

    /// <summary>Checks skip and take.</summary>
    /// <param name="query">The query to check.</param>
    /// <exception cref="ArgumentException">Skip or take is out of range; the message says which and the allowed range.</exception>
    public static void Validate(CatalogSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Take is < 1 or > MaxTake)
        {
            throw new ArgumentException($"Take must be between 1 and {MaxTake}; it was {query.Take}.", nameof(query));
        }

        if (query.Skip is < 0 or > MaxSkip)
        {
            throw new ArgumentException($"Skip must be between 0 and {MaxSkip}; it was {query.Skip}.", nameof(query));
        }
    }
}
