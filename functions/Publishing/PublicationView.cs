using Marketplace.Domain.Catalog;
using Marketplace.Domain.Findings;

namespace Marketplace.Functions.Publishing;

/// <summary>The API's view of a publication (<c>GET /api/publications/{id}</c>).</summary>
public sealed record PublicationView(
    string PublicationId, string PublisherId, string? AssetId, string? Version, string ContentHash, long Size, string Source,
    string State, IReadOnlyList<Finding> Findings, IReadOnlyList<PublicationHistoryEntry> History,
    DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The view of a stored publication.</summary>
    public static PublicationView From(PublicationRecord p) => new(
        p.PublicationId, p.PublisherId, p.AssetId, p.Version, p.ContentHash, p.Size, p.Source, p.State, p.Findings, p.History,
        p.SubmittedAt, p.UpdatedAt);
}
