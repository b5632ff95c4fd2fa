using Marketplace.Domain.Installation;

namespace Marketplace.Functions.Installation;

/// <summary>The API's view of an installation.</summary>
internal static class InstallationView
{
    public static object From(InstallationRecord i) => new
    {
        i.InstallationId, i.TenantId, i.TargetId, i.State, i.AssetId, version = i.Version ?? i.RequestedVersion, i.RequestedVersion,
        compatibility = i.Compatibility, resolved = i.Resolved, findings = i.Findings, artifacts = i.Artifacts, history = i.History,
        i.CreatedAt, i.UpdatedAt,
    };
}
