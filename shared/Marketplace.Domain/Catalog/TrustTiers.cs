namespace Marketplace.Domain.Catalog;

/// <summary>A publisher's trust tier: <c>verified</c> and <c>standard</c> publish without review; <c>restricted</c> waits for one.</summary>
public static class TrustTiers
{
    /// <summary>Vetted publisher.</summary>
    public const string Verified = "verified";

    /// <summary>Ordinary publisher.</summary>
    public const string Standard = "standard";

    /// <summary>Every publication waits for a governance decision.</summary>
    public const string Restricted = "restricted";

    /// <summary>All tiers.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Verified, Standard, Restricted };

    /// <summary>Whether publications of this tier wait for review.</summary>
    public static bool NeedsReview(string tier) => tier == Restricted;
}
