namespace Marketplace.Domain.Installation;

/// <summary>A tenant's installation target: the project that assets are applied into.</summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="TargetId">The target's id, unique within the tenant.</param>
/// <param name="Runtime">The target's runtime version (SemVer, for example <c>9.0.0</c>).</param>
/// <param name="ProjectType">The target's project type (for example <c>webapi</c>).</param>
/// <param name="CreatedAt">When the target was first registered.</param>
/// <param name="UpdatedAt">When the target was last changed.</param>
public sealed record TargetRecord(
    string TenantId,
    string TargetId,
    string Runtime,
    string ProjectType,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
