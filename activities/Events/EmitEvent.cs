using Marketplace.Domain.Events;
using Marketplace.Functions.Orchestrations.Events;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Events;

/// <summary>Publishes one event in the canonical envelope, with its deterministic id, on the configured transport.</summary>
public sealed class EmitEvent(IEventPublisher publisher, TimeProvider clock)
{
    /// <summary>Publishes the event (a retry publishes the same id; consumers deduplicate on it).</summary>
    [Function(nameof(EmitEvent))]
    public async Task RunAsync([ActivityTrigger] EmitEventInput input, CancellationToken cancellationToken)
    {
        var envelope = EventEnvelope.Create(
            input.Type, input.Source, input.Subject, input.CorrelationId, input.Step, input.Data, clock.GetUtcNow(), input.CausationId, input.TenantId);
        await publisher.PublishAsync(envelope, cancellationToken);
    }
}
