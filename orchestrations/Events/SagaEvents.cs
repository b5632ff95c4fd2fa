using Marketplace.Domain.Governance;
using Marketplace.Functions.Activities.Events;
using Marketplace.Functions.Activities.Governance;
using Marketplace.Functions.Orchestrations.Sagas;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Orchestrations.Events;

/// <summary>
/// How a saga reports facts and failures: events through the <see cref="EmitEvent"/> activity (ids derived from the
/// instance and step) and failures through <see cref="RecordGovernanceFailure"/>. Reporting never fails the saga: a
/// transport that stays down after retries is logged, and the saga's own outcome stands.
/// </summary>
public sealed class SagaEvents(TaskOrchestrationContext context, string source, string? tenantId = null)
{
    /// <summary>Emits one event; <paramref name="step"/> must be unique within the saga instance.</summary>
    public async Task EmitAsync<T>(string type, string subject, string step, T data)
    {
        try
        {
            await context.CallActivityAsync(nameof(EmitEvent), EmitEventInput.Of(type, source, subject, context.InstanceId, step, data, tenantId), SagaRetries.Step);
        }
        catch (TaskFailedException ex)
        {
            context.CreateReplaySafeLogger(nameof(SagaEvents)).LogError("Event {Type} of {InstanceId} was not published: {Message}", type, context.InstanceId, ex.FailureDetails.ErrorMessage);
        }
    }

    /// <summary>Counts a failure against each subject toward governance escalation.</summary>
    public async Task RecordFailureAsync(FailureKind kind, params GovernanceSubject[] subjects)
    {
        try
        {
            // One occurrence per saga run: a retried activity counts once, a later run of the same id counts again.
            var occurrence = $"{context.InstanceId}/{context.NewGuid():N}";
            await context.CallActivityAsync<IReadOnlyList<string>>(nameof(RecordGovernanceFailure), new GovernanceFailureInput(kind, occurrence, subjects), SagaRetries.Step);
        }
        catch (TaskFailedException ex)
        {
            context.CreateReplaySafeLogger(nameof(SagaEvents)).LogError("Failure of {InstanceId} was not recorded for governance: {Message}", context.InstanceId, ex.FailureDetails.ErrorMessage);
        }
    }
}
