using Marketplace.Domain.Catalog;
using Marketplace.Functions.Orchestrations.Publishing;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Publishing;

/// <summary>Moves a publication to a state with its findings and a history entry (idempotent per step).</summary>
public sealed class RecordPublicationState(IPublicationStore publications)
{
    /// <summary>Records the state.</summary>
    [Function(nameof(RecordPublicationState))]
    public async Task RunAsync([ActivityTrigger] RecordPublicationStateInput input, CancellationToken cancellationToken) =>
        await publications.RecordStateAsync(input.PublicationId, input.Step, input.State, input.Findings, input.Note, input.AssetId, input.Version, cancellationToken);
}
