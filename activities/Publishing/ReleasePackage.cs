using Marketplace.Functions.Orchestrations.Publishing;
using Marketplace.Functions.Testing;
using Marketplace.Infrastructure.Packages;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>Promotes the staged bytes to the immutable released store (write-once; idempotent for the same bytes).</summary>
public sealed class ReleasePackage(ReleasedPackageStore released, StepFaults faults)
{
    /// <summary>Copies the package into <c>released/</c>.</summary>
    [Function(nameof(ReleasePackage))]
    public async Task RunAsync([ActivityTrigger] VersionRef input, CancellationToken cancellationToken)
    {
        faults.ThrowIfArmed(nameof(ReleasePackage), input.AssetId);
        await released.ReleaseAsync(input.AssetId, input.Version, input.ContentHash, cancellationToken);
    }
}
