using Marketplace.Functions.Activities.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Orchestrations.Diagnostics;

/// <summary>Input of the self-test: a message to echo and an optional durable timer between two activities.</summary>
public sealed record SelfTestInput(string Message, int DelaySeconds);

/// <summary>What the self-test proves: both activities ran, around a timer, and when the orchestration finished.</summary>
public sealed record SelfTestResult(string Echo, DateTime CompletedAt);

/// <summary>
/// An operator's end-to-end check of the durable engine: activity, durable timer, activity. Also the orchestration
/// the foundation's restart test interrupts mid-flight.
/// </summary>
public static class SelfTestOrchestrator
{
    /// <summary>Runs the self-test.</summary>
    [Function(nameof(SelfTestOrchestrator))]
    public static async Task<SelfTestResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.CreateReplaySafeLogger(nameof(SelfTestOrchestrator));
        var input = context.GetInput<SelfTestInput>() ?? new SelfTestInput("ping", 0);

        var first = await context.CallActivityAsync<string>(nameof(SelfTestEcho), input.Message);
        if (input.DelaySeconds > 0)
        {
            logger.LogInformation("Self-test {InstanceId} waits {Seconds}s on a durable timer", context.InstanceId, input.DelaySeconds);
            await context.CreateTimer(TimeSpan.FromSeconds(input.DelaySeconds), CancellationToken.None);
        }

        var second = await context.CallActivityAsync<string>(nameof(SelfTestEcho), first);
        return new SelfTestResult(second, context.CurrentUtcDateTime);
    }
}
