using Marketplace.Domain.Catalog;

namespace Marketplace.Functions.Publishing;

/// <summary>What became of a submitted package.</summary>
public abstract record SubmissionResult
{
    /// <summary>Accepted: a new publication, or the existing one for the same bytes.</summary>
    public sealed record Accepted(PublicationRecord Publication, bool IsNew) : SubmissionResult;

    /// <summary>The version is released or in flight with other bytes.</summary>
    public sealed record VersionConflict(string AssetId, string Version, AssetVersionRecord Holder) : SubmissionResult;
}
