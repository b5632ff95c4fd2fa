using Marketplace.Functions.Publishing;
using Marketplace.Functions.Testing;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>Brings the asset's search document in line with the catalogue (idempotent; also its own undo).</summary>
public sealed class IndexAsset(AssetIndexer indexer, StepFaults faults)
{
    /// <summary>Re-derives the asset's search document.</summary>
    [Function(nameof(IndexAsset))]
    public async Task RunAsync([ActivityTrigger] string assetId, CancellationToken cancellationToken)
    {
        faults.ThrowIfArmed(nameof(IndexAsset), assetId);
        await indexer.ReindexAsync(assetId, cancellationToken);
    }
}
