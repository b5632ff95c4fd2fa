namespace Marketplace.Infrastructure.Search;

/// <summary>Options for <see cref="LuceneCatalogSearch"/>: an index directory on disk, or an in-memory index.</summary>
public sealed record LuceneCatalogSearchOptions
{
    /// <summary>Gets or sets the directory of the on-disk index (created when missing). Leave empty with <see cref="InMemory"/>.</summary>
    public string? IndexPath { get; set; }

    /// <summary>Gets or sets whether to keep the index in memory only (tests); then <see cref="IndexPath"/> must be empty.</summary>
    public bool InMemory { get; set; }
}
