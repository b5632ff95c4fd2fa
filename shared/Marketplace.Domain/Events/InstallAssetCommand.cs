namespace Marketplace.Domain.Events;

/// <summary>Data of <see cref="CommandTypes.InstallAsset"/>: the same request as <c>POST /api/installations</c>.</summary>
/// <param name="TenantId">The tenant that owns the target.</param>
/// <param name="TargetId">The target to install into.</param>
/// <param name="AssetId">The asset to install.</param>
/// <param name="Version">A version or range; <see langword="null"/> means the latest stable version.</param>
public sealed record InstallAssetCommand(string TenantId, string TargetId, string AssetId, string? Version) : IMarketplaceCommand
{
    /// <inheritdoc />
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        CommandFieldRules.RequireId(errors, "tenantId", this.TenantId);
        CommandFieldRules.RequireId(errors, "targetId", this.TargetId);
        CommandFieldRules.RequireAssetId(errors, "assetId", this.AssetId);
        CommandFieldRules.OptionalVersion(errors, "version", this.Version);
        return errors;
    }
}
