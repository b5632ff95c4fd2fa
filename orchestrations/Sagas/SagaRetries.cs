using Microsoft.DurableTask;

namespace Marketplace.Functions.Orchestrations.Sagas;

/// <summary>The retry policies both sagas use for their activities: exponential backoff from one second.</summary>
public static class SagaRetries
{
    /// <summary>A forward step (and reporting): three attempts.</summary>
    public static TaskOptions Step { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    /// <summary>An undo or an ending step: five attempts, since giving up leaves work half-done.</summary>
    public static TaskOptions Undo { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));
}
