namespace Marketplace.Functions.Identity;

/// <summary>The roles a caller can hold (claim <c>roles</c>).</summary>
public static class Roles
{
    /// <summary>Publishes assets for the publisher in claim <c>marketplace.publisher</c>.</summary>
    public const string Publisher = "publisher";

    /// <summary>Installs assets into the targets of the tenant in claim <c>tid</c>.</summary>
    public const string Consumer = "consumer";

    /// <summary>Registers publishers, decides reviews, suspends and reinstates.</summary>
    public const string Governance = "governance";

    /// <summary>Grants and revokes a tenant's entitlements.</summary>
    public const string Billing = "billing";
}
