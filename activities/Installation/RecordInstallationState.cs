using Marketplace.Domain.Installation;
using Marketplace.Functions.Orchestrations.Installation;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Installation;

/// <summary>Moves an installation to a state (idempotent per step).</summary>
public sealed class RecordInstallationState(IInstallationStore installations)
{
    /// <summary>Records the state.</summary>
    [Function(nameof(RecordInstallationState))]
    public async Task RunAsync([ActivityTrigger] RecordInstallationStateInput input, CancellationToken cancellationToken) =>
        await installations.RecordStateAsync(input.InstallationId, input.Step, input.State, input.Findings, input.Note, input.Update, cancellationToken);
}
