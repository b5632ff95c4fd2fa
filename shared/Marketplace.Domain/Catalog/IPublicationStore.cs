using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Catalog;

/// <summary>Publications and their history. Writes are idempotent per (publication, step).</summary>
public interface IPublicationStore
{
    /// <summary>A publication, or null.</summary>
    Task<PublicationRecord?> GetAsync(string publicationId, CancellationToken cancellationToken = default);

    /// <summary>Creates the publication unless it exists; returns the stored one and whether it was created.</summary>
    Task<(PublicationRecord Publication, bool Created)> CreateAsync(PublicationRecord publication, CancellationToken cancellationToken = default);

    /// <summary>Replaces a terminal publication with a fresh submission of the same bytes (a retry after Failed).</summary>
    Task<PublicationRecord> ResubmitAsync(PublicationRecord publication, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves to <paramref name="state"/>, appending findings and a history entry. A repeat of the same
    /// <paramref name="step"/> changes nothing, so retried activities record once.
    /// </summary>
    Task<PublicationRecord> RecordStateAsync(
        string publicationId, int step, string state, IReadOnlyList<Finding>? findings, string? note,
        string? assetId = null, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>The newest publications of a publisher.</summary>
    Task<IReadOnlyList<PublicationRecord>> ListByPublisherAsync(string publisherId, int take, CancellationToken cancellationToken = default);
}

/// <summary>Questions about publications that more than one caller asks.</summary>
public static class PublicationStoreExtensions
{
    /// <summary>
    /// Whether a publication has ended without releasing (Rejected, Failed, or gone), so a version claim it still holds
    /// may be taken over by another publication.
    /// </summary>
    public static async Task<bool> HasEndedWithoutReleaseAsync(this IPublicationStore publications, string publicationId, CancellationToken cancellationToken = default)
    {
        var holder = await publications.GetAsync(publicationId, cancellationToken);
        return holder is null || holder.State is PublicationStates.Rejected or PublicationStates.Failed;
    }
}
