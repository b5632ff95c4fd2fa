using Marketplace.Domain.Catalog;
using Marketplace.Domain.Packaging;
using Marketplace.Functions.Orchestrations.Publishing;
using Marketplace.Infrastructure.Packages;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Semver;

namespace Marketplace.Functions.Publishing;

/// <summary>
/// Takes a package in (HTTP upload or staging blob): stages it by content hash, claims its version (other bytes for a
/// version released or in flight conflict), records the publication and starts its saga. The same bytes again are the
/// same publication and start no new work; a Failed one is started afresh.
/// </summary>
public sealed class PublicationSubmitter(
    PackageStaging staging,
    ICatalogStore catalog,
    IPublicationStore publications,
    IOptions<PublishingOptions> options,
    TimeProvider clock,
    ILogger<PublicationSubmitter> logger)
{
    /// <summary>Submits a package.</summary>
    /// <exception cref="PackageTooLargeException">When the body exceeds the limit.</exception>
    public async Task<SubmissionResult> SubmitAsync(
        Stream body, string publisherId, string? expectedAssetId, string source, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var staged = await staging.StageAsync(body, options.Value.MaxPackageBytes, cancellationToken);
        var publicationId = PublicationIds.For(publisherId, staged.ContentHash);
        var (assetId, version) = await this.ReadIdentityAsync(staged, expectedAssetId, cancellationToken);

        if (assetId is not null && version is not null)
        {
            var claim = await catalog.ClaimVersionAsync(assetId, version, publicationId, staged.ContentHash, staged.Size,
                holder => publications.HasEndedWithoutReleaseAsync(holder.PublicationId, cancellationToken), cancellationToken);
            if (claim.Outcome == VersionClaimOutcome.Conflict)
            {
                return new SubmissionResult.VersionConflict(assetId, version, claim.Holder!);
            }
        }

        var now = clock.GetUtcNow();
        var fresh = new PublicationRecord(
            publicationId, publisherId, assetId, version, staged.ContentHash, staged.Size, source,
            PublicationStates.Submitted, [], [new PublicationHistoryEntry(PublicationStates.Submitted, now, $"staged {staged.Size} bytes via {source}")],
            now, now);
        var (publication, created) = await publications.CreateAsync(fresh, cancellationToken);
        var start = created;
        if (!created && publication.State == PublicationStates.Failed)
        {
            // A retry of the same bytes after a failure: a new run under the same id.
            await durable.PurgeInstanceAsync(publicationId, cancellation: cancellationToken);
            publication = await publications.ResubmitAsync(fresh, cancellationToken);
            start = true;
        }
        else if (!created && publication.State == PublicationStates.Submitted
            && await durable.GetInstanceAsync(publicationId, cancellation: cancellationToken) is null)
        {
            // Recorded but never started (the process stopped in between): start it now.
            start = true;
        }

        if (start)
        {
            var input = new PublishAssetInput(publicationId, publisherId, expectedAssetId, staged.ContentHash, options.Value.ReviewWindow);
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(PublishAssetOrchestrator), input, new StartOrchestrationOptions(publicationId), cancellationToken);
            logger.LogInformation("Publication {PublicationId} started for {AssetId} {Version} ({Hash})", publicationId, assetId, version, staged.ContentHash);
        }

        return new SubmissionResult.Accepted(publication, start);
    }

    private async Task<(string? AssetId, string? Version)> ReadIdentityAsync(StagedPackage staged, string? expectedAssetId, CancellationToken cancellationToken)
    {
        // Best effort: a package whose manifest cannot be read is still accepted, and its saga rejects it with findings.
        await using var package = await staging.OpenAsync(staged.ContentHash, cancellationToken);
        var read = await ManifestReader.ReadAsync(package, options.Value.Limits, cancellationToken);
        var assetId = expectedAssetId ?? read.Document?.Id;
        var version = read.Document?.Version is { } text && SemVersion.TryParse(text, SemVersionStyles.Strict, out _) ? text : null;
        return (assetId, version);
    }
}
