namespace Marketplace.Functions.Identity;

/// <summary>Who is calling, as read from the trusted client principal.</summary>
/// <param name="Roles">The caller's roles (see <see cref="Identity.Roles"/>).</param>
/// <param name="PublisherId">The publisher the caller acts for (claim <c>marketplace.publisher</c>).</param>
/// <param name="TenantId">The tenant the caller acts for (claim <c>tid</c>).</param>
/// <param name="Name">A display name for audit entries, when the principal has one.</param>
public sealed record Caller(IReadOnlySet<string> Roles, string? PublisherId, string? TenantId, string? Name)
{
    /// <summary>Whether the caller holds <paramref name="role"/>.</summary>
    public bool IsInRole(string role) => this.Roles.Contains(role);

    /// <summary>A short identity for audit logs: the name, else the publisher or tenant, else the roles.</summary>
    public string AuditName =>
        this.Name ?? this.PublisherId ?? this.TenantId ?? string.Join('+', this.Roles.Order(StringComparer.Ordinal));
}
