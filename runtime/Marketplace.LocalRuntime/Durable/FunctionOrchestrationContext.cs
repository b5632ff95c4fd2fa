using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace Marketplace.LocalRuntime.Durable;

/// <summary>
/// Wraps the worker's orchestration context so that <c>GetInput&lt;T&gt;()</c> works as in Azure Functions, where an
/// orchestrator reads its input by type inside the function rather than declaring it as a parameter. Everything else
/// is passed through unchanged, so replay behaviour is the worker's own.
/// </summary>
internal sealed class FunctionOrchestrationContext(TaskOrchestrationContext inner, string? rawInput, DataConverter converter, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    public override ILoggerFactory ReplaySafeLoggerFactory => inner.ReplaySafeLoggerFactory;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T? GetInput<T>() where T : default => rawInput is null ? default : converter.Deserialize<T>(rawInput);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => inner.NewGuid();

    public override ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);
}
