namespace Marketplace.Domain.Catalog;

/// <summary>A registered publisher.</summary>
/// <param name="PublisherId">The id, the prefix of its asset ids.</param>
/// <param name="DisplayName">Shown in the catalogue.</param>
/// <param name="TrustTier">See <see cref="TrustTiers"/>.</param>
/// <param name="Suspended">A suspended publisher cannot publish.</param>
/// <param name="SuspensionReason">Why, when suspended.</param>
/// <param name="CreatedAt">First registration.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record PublisherRecord(
    string PublisherId,
    string DisplayName,
    string TrustTier,
    bool Suspended,
    string? SuspensionReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
