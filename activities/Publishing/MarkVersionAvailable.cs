using Marketplace.Domain.Catalog;
using Marketplace.Functions.Orchestrations.Publishing;
using Marketplace.Functions.Testing;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>Makes the version Available: installable and downloadable.</summary>
public sealed class MarkVersionAvailable(ICatalogStore catalog, StepFaults faults, TimeProvider clock)
{
    /// <summary>Sets the version row's state and release time (once).</summary>
    [Function(nameof(MarkVersionAvailable))]
    public async Task RunAsync([ActivityTrigger] VersionRef input, CancellationToken cancellationToken)
    {
        faults.ThrowIfArmed(nameof(MarkVersionAvailable), input.AssetId);
        var row = await catalog.GetVersionAsync(input.AssetId, input.Version, cancellationToken);
        if (row is null || row.PublicationId != input.PublicationId)
        {
            throw new InvalidOperationException($"{input.AssetId} {input.Version} is not held by publication {input.PublicationId}.");
        }

        if (row.State != VersionStates.Available
            && !await catalog.UpdateVersionAsync(row with { State = VersionStates.Available, ReleasedAt = clock.GetUtcNow() }, cancellationToken))
        {
            throw new InvalidOperationException($"{input.AssetId} {input.Version} changed while being made available.");
        }
    }
}
