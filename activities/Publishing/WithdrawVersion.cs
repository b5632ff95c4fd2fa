using Marketplace.Domain.Catalog;
using Marketplace.Functions.Orchestrations.Publishing;
using Marketplace.Functions.Publishing;
using Marketplace.Functions.Testing;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>
/// Gives a version back: removes its row if this publication holds it, drops an asset row left without versions,
/// and re-derives the search document. The rejection path and the compensation of every catalogue step.
/// </summary>
public sealed class WithdrawVersion(ICatalogStore catalog, AssetIndexer indexer, StepFaults faults)
{
    /// <summary>Withdraws the publication's claim on the version.</summary>
    [Function(nameof(WithdrawVersion))]
    public async Task RunAsync([ActivityTrigger] VersionRef input, CancellationToken cancellationToken)
    {
        faults.ThrowIfArmed(nameof(WithdrawVersion), input.AssetId);
        await catalog.ReleaseVersionClaimAsync(input.AssetId, input.Version, input.PublicationId, cancellationToken);
        await catalog.DeleteAssetIfEmptyAsync(input.AssetId, cancellationToken);
        await indexer.ReindexAsync(input.AssetId, cancellationToken);
    }
}
