using Marketplace.Domain.Search;

namespace Marketplace.Infrastructure.Tests.Search;

/// <summary>Builds search documents for tests with sensible defaults.</summary>
internal static class SearchDocuments
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static AssetSearchDocument Asset(
        string assetId,
        string? displayName = null,
        string description = "",
        string kind = "template",
        string[]? tags = null,
        bool suspended = false,
        int updatedMinutes = 0,
        string? publisher = null) =>
        new(
            assetId,
            publisher ?? assetId[..assetId.IndexOf('.', StringComparison.Ordinal)],
            kind,
            displayName ?? assetId,
            description,
            tags ?? [],
            "1.0.0",
            ["0.9.0", "1.0.0"],
            suspended,
            Epoch.AddMinutes(updatedMinutes));
}
