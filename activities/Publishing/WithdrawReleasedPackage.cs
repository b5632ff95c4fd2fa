using Marketplace.Functions.Orchestrations.Publishing;
using Marketplace.Functions.Testing;
using Marketplace.Infrastructure.Packages;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>Compensation of <see cref="ReleasePackage"/>: removes the released blob if it holds these bytes.</summary>
public sealed class WithdrawReleasedPackage(ReleasedPackageStore released, StepFaults faults)
{
    /// <summary>Deletes the released bytes of a failed publication.</summary>
    [Function(nameof(WithdrawReleasedPackage))]
    public async Task RunAsync([ActivityTrigger] VersionRef input, CancellationToken cancellationToken)
    {
        faults.ThrowIfArmed(nameof(WithdrawReleasedPackage), input.AssetId);
        await released.WithdrawAsync(input.AssetId, input.Version, input.ContentHash, cancellationToken);
    }
}
