namespace Marketplace.Infrastructure.Catalog;

/// <summary>The catalogue's table names.</summary>
public static class CatalogTables
{
    /// <summary>Publishers: PK publisher id, RK empty.</summary>
    public const string Publishers = "Publishers";

    /// <summary>Assets: PK asset id, RK empty.</summary>
    public const string Assets = "Assets";

    /// <summary>Versions: PK asset id, RK version.</summary>
    public const string AssetVersions = "AssetVersions";

    /// <summary>Publications: PK publication id, RK empty.</summary>
    public const string Publications = "Publications";

    /// <summary>All of them, for the storage initializer.</summary>
    public static IReadOnlyList<string> All { get; } = [Publishers, Assets, AssetVersions, Publications];
}
