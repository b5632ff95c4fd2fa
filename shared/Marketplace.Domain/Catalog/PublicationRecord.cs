using Marketplace.Domain.Findings;

namespace Marketplace.Domain.Catalog;

/// <summary>The states of a publication, in the order a good one passes them.</summary>
public static class PublicationStates
{
    /// <summary>Staged, not yet scanned.</summary>
    public const string Submitted = "Submitted";

    /// <summary>Quality scans running.</summary>
    public const string Scanning = "Scanning";

    /// <summary>Waiting for a governance decision (restricted publisher).</summary>
    public const string AwaitingApproval = "AwaitingApproval";

    /// <summary>Being signed and released.</summary>
    public const string Signing = "Signing";

    /// <summary>Being recorded in the catalogue and search index.</summary>
    public const string Indexing = "Indexing";

    /// <summary>Terminal: released and searchable.</summary>
    public const string Available = "Available";

    /// <summary>Terminal: findings, policy or a reviewer said no.</summary>
    public const string Rejected = "Rejected";

    /// <summary>Terminal: a step failed after its retries; compensation ran.</summary>
    public const string Failed = "Failed";

    /// <summary>Whether no further change will happen.</summary>
    public static bool IsTerminal(string state) => state is Available or Rejected or Failed;
}

/// <summary>One entry of a publication's history.</summary>
/// <param name="State">The state entered.</param>
/// <param name="At">When.</param>
/// <param name="Note">What happened, when there is more to say.</param>
public sealed record PublicationHistoryEntry(string State, DateTimeOffset At, string? Note = null);

/// <summary>A publication: one package submitted by one publisher, and what became of it.</summary>
/// <param name="PublicationId">Derived from publisher and content hash: the same bytes are the same publication.</param>
/// <param name="PublisherId">Who submitted it.</param>
/// <param name="AssetId">The asset (from the route or the manifest; null if the manifest could not be read).</param>
/// <param name="Version">The version from the manifest, if readable.</param>
/// <param name="ContentHash">Lowercase hex SHA-256 of the package.</param>
/// <param name="Size">Package size in bytes.</param>
/// <param name="Source"><c>http</c> or <c>blob</c>.</param>
/// <param name="State">See <see cref="PublicationStates"/>.</param>
/// <param name="Findings">Scan, policy and review findings.</param>
/// <param name="History">Every state entered, with times.</param>
/// <param name="SubmittedAt">When it arrived.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record PublicationRecord(
    string PublicationId,
    string PublisherId,
    string? AssetId,
    string? Version,
    string ContentHash,
    long Size,
    string Source,
    string State,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<PublicationHistoryEntry> History,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt);
