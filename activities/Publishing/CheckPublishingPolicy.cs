using Marketplace.Domain.Catalog;
using Marketplace.Domain.Findings;
using Marketplace.Functions.Orchestrations.Publishing;
using Marketplace.Infrastructure.Packages;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>
/// The governance gate: the publisher is registered and not suspended, the asset is not suspended nor owned by another
/// publisher, and the version is free for these bytes (claimed for this publication). Says whether review is needed.
/// </summary>
public sealed class CheckPublishingPolicy(ICatalogStore catalog, IPublicationStore publications, PackageStaging staging)
{
    /// <summary>Returns the gate's findings and whether a governance decision is needed.</summary>
    [Function(nameof(CheckPublishingPolicy))]
    public async Task<PolicyGateOutput> RunAsync([ActivityTrigger] PolicyGateInput input, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var publisher = await catalog.GetPublisherAsync(input.PublisherId, cancellationToken);
        if (publisher is null)
        {
            findings.Add(Finding.Error("publisher.unregistered", null, $"Publisher '{input.PublisherId}' is not registered; governance registers publishers."));
            return new PolicyGateOutput(findings, false, "");
        }

        if (publisher.Suspended)
        {
            findings.Add(Finding.Error("publisher.suspended", null, $"Publisher '{input.PublisherId}' is suspended: {publisher.SuspensionReason}"));
        }

        var asset = await catalog.GetAssetAsync(input.AssetId, cancellationToken);
        if (asset is { Suspended: true })
        {
            findings.Add(Finding.Error("asset.suspended", null, $"Asset '{input.AssetId}' is suspended: {asset.SuspensionReason}"));
        }

        if (asset is not null && asset.PublisherId != input.PublisherId)
        {
            findings.Add(Finding.Error("asset.owner", null, $"Asset '{input.AssetId}' belongs to publisher '{asset.PublisherId}'."));
        }

        if (findings.Count == 0)
        {
            var size = (await staging.GetBlob(input.ContentHash).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
            var claim = await catalog.ClaimVersionAsync(
                input.AssetId, input.Version, input.PublicationId, input.ContentHash, size,
                holder => publications.HasEndedWithoutReleaseAsync(holder.PublicationId, cancellationToken), cancellationToken);
            if (claim.Outcome == VersionClaimOutcome.Conflict)
            {
                var released = claim.Holder!.State == VersionStates.Available;
                findings.Add(Finding.Error("version.immutable", null, released
                    ? $"{input.AssetId} {input.Version} is already released with other bytes; versions are immutable."
                    : $"{input.AssetId} {input.Version} is being published from other bytes (publication {claim.Holder.PublicationId})."));
            }
        }

        return new PolicyGateOutput(findings, TrustTiers.NeedsReview(publisher.TrustTier), publisher.TrustTier);
    }
}
