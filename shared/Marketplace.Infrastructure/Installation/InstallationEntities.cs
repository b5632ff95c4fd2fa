using Azure.Data.Tables;
using Marketplace.Domain.Installation;

namespace Marketplace.Infrastructure.Installation;

/// <summary>Maps installation records to and from table entities.</summary>
internal static class InstallationEntities
{
    public static TargetRecord ToTarget(TableEntity e) => new(
        e.PartitionKey, e.RowKey, e.GetString("Runtime") ?? "", e.GetString("ProjectType") ?? "",
        e.GetDateTimeOffset("CreatedAt") ?? default, e.GetDateTimeOffset("UpdatedAt") ?? default);

    public static TableEntity FromTarget(TargetRecord t) => new(t.TenantId, t.TargetId)
    {
        ["Runtime"] = t.Runtime, ["ProjectType"] = t.ProjectType, ["CreatedAt"] = t.CreatedAt, ["UpdatedAt"] = t.UpdatedAt,
    };

    public static InstalledAssetRecord ToInstalledAsset(TableEntity e) => new(
        e.GetString("TenantId") ?? "", e.GetString("TargetId") ?? "", e.RowKey, e.GetString("Version") ?? "",
        e.GetString("InstallationId") ?? "", e.GetDateTimeOffset("InstalledAt") ?? default);

    public static TableEntity FromInstalledAsset(InstalledAssetRecord a) => new(InstallationKeys.Target(a.TenantId, a.TargetId), InstallationKeys.Id(a.AssetId, "assetId"))
    {
        ["TenantId"] = a.TenantId, ["TargetId"] = a.TargetId, ["Version"] = a.Version,
        ["InstallationId"] = a.InstallationId, ["InstalledAt"] = a.InstalledAt,
    };

    public static InstalledArtifactRecord ToArtifact(TableEntity e) => new(
        e.GetString("TenantId") ?? "", e.GetString("TargetId") ?? "", e.GetString("Path") ?? "", e.GetString("Sha256") ?? "",
        e.GetString("AssetId") ?? "", e.GetString("Version") ?? "", e.GetString("InstallationId") ?? "");

    public static TableEntity FromArtifact(InstalledArtifactRecord a) => new(InstallationKeys.Target(a.TenantId, a.TargetId), InstallationKeys.PathKey(a.Path))
    {
        ["TenantId"] = a.TenantId, ["TargetId"] = a.TargetId, ["Path"] = a.Path, ["Sha256"] = a.Sha256,
        ["AssetId"] = a.AssetId, ["Version"] = a.Version, ["InstallationId"] = a.InstallationId,
    };

    public static EntitlementRecord ToEntitlement(TableEntity e) => new(
        e.PartitionKey, e.RowKey, e.GetDateTimeOffset("ExpiresAt"), e.GetDateTimeOffset("GrantedAt") ?? default, e.GetString("GrantedBy") ?? "");

    public static TableEntity FromEntitlement(EntitlementRecord g) => new(g.TenantId, g.AssetId)
    {
        ["ExpiresAt"] = g.ExpiresAt, ["GrantedAt"] = g.GrantedAt, ["GrantedBy"] = g.GrantedBy,
    };
}
