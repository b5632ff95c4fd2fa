using Marketplace.Functions.Orchestrations.Installation;
using Marketplace.Functions.Testing;
using Marketplace.Infrastructure.Installation;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Installation;

/// <summary>Compensation of Applying: restores every journaled path to its prior bytes or absence (idempotent).</summary>
public sealed class RollbackInstallation(TargetApplier applier, StepFaults faults)
{
    /// <summary>Rolls the target back (fault key: the target id).</summary>
    [Function(nameof(RollbackInstallation))]
    public async Task RunAsync([ActivityTrigger] InstallAssetInput input, CancellationToken cancellationToken)
    {
        faults.ThrowIfArmed(nameof(RollbackInstallation), input.TargetId);
        await applier.RollbackAsync(input.TenantId, input.TargetId, input.InstallationId, cancellationToken);
    }
}
