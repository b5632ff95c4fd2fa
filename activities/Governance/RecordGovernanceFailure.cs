using Marketplace.Domain.Governance;
using Marketplace.Functions.Governance;
using Marketplace.Functions.Orchestrations.Events;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Activities.Governance;

/// <summary>Counts a saga failure in the sliding window of each subject and escalates where a threshold is crossed.</summary>
public sealed class RecordGovernanceFailure(FailureEscalation escalation, GovernanceActions actions, TimeProvider clock)
{
    /// <summary>Records and escalates; returns the ids of signals raised.</summary>
    [Function(nameof(RecordGovernanceFailure))]
    public async Task<IReadOnlyList<string>> RunAsync([ActivityTrigger] GovernanceFailureInput input, CancellationToken cancellationToken)
    {
        var raised = new List<string>();
        foreach (var subject in input.Subjects)
        {
            var occurrence = new FailureOccurrence(input.Kind, subject.Type, subject.Id, input.OccurrenceId, clock.GetUtcNow());
            var decision = await escalation.RecordAsync(occurrence, cancellationToken);
            if (await actions.EscalateAsync(decision, cancellationToken) is { } signal)
            {
                raised.Add(signal.Id);
            }
        }

        return raised;
    }
}
