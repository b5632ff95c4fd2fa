using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Marketplace.Functions.Tests.Orchestrations;

/// <summary>One activity call an orchestrator made, in the order it made it.</summary>
/// <param name="Name">The activity's name.</param>
/// <param name="Input">The input it was given.</param>
/// <param name="Options">The task options (retry policy) it was given.</param>
public sealed record ActivityCall(string Name, object? Input, TaskOptions? Options);

/// <summary>
/// A strict Moq <see cref="TaskOrchestrationContext"/> for running an orchestrator function directly: it records every
/// activity call (name, input, options) in order, answers activities from per-name behaviours, and lets a test decide
/// whether an external event arrives or a durable timer fires. Anything the orchestrator calls that is not set up here
/// throws a <see cref="MockException"/>, which the orchestrators do not catch, so the test fails.
/// </summary>
public sealed class FakeOrchestrationContext
{
    private readonly Mock<TaskOrchestrationContext> mock = new(MockBehavior.Strict);
    private readonly List<ActivityCall> calls = [];
    private readonly Dictionary<string, Func<object?, object?>> behaviours = new(StringComparer.Ordinal);
    private readonly HashSet<Type> typedResults = [];
    private readonly List<(string Name, CancellationToken Token)> eventWaits = [];
    private readonly List<(DateTime FireAt, CancellationToken Token)> timers = [];

    /// <summary>Creates a context for an instance, with a fixed orchestration clock.</summary>
    public FakeOrchestrationContext(string instanceId, DateTime currentUtcDateTime)
    {
        this.CurrentUtcDateTime = currentUtcDateTime;
        this.mock.SetupGet(c => c.InstanceId).Returns(instanceId);
        this.mock.SetupGet(c => c.CurrentUtcDateTime).Returns(() => this.CurrentUtcDateTime);
        this.mock.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).Returns(NullLogger.Instance);

        // The untyped overload is virtual; set up on its own so a call is recorded once, whatever the base class does.
        this.mock.Setup(c => c.CallActivityAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName name, object? input, TaskOptions? options) => this.Invoke<object?>(name, input, options));

        this.mock.Setup(c => c.NewGuid()).Returns(() => new Guid(this.calls.Count, 0, 0, new byte[8]));

        // Reporting (events, governance counts) succeeds by default; CallNames leaves it out so step sequences stay readable.
        this.Returns<IReadOnlyList<string>>("RecordGovernanceFailure", []);

        this.mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken token) =>
            {
                this.timers.Add((fireAt, token));
                return this.TimerFires ? Task.CompletedTask : new TaskCompletionSource().Task;
            });
    }

    /// <summary>The mocked context to hand to the orchestrator.</summary>
    public TaskOrchestrationContext Context => this.mock.Object;

    /// <summary>What <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/> answers.</summary>
    public DateTime CurrentUtcDateTime { get; set; }

    /// <summary>Whether a durable timer completes at once (true) or never (false, the default).</summary>
    public bool TimerFires { get; set; }

    /// <summary>Every step activity call so far, oldest first (reporting calls are in <see cref="ReportingCalls"/>).</summary>
    public IReadOnlyList<ActivityCall> Calls => this.calls.Where(c => !ReportingActivities.Contains(c.Name)).ToList();

    /// <summary>The names of the saga's step activity calls so far, oldest first (reporting calls left out).</summary>
    public IReadOnlyList<string> CallNames => this.calls.Where(c => !ReportingActivities.Contains(c.Name)).Select(c => c.Name).ToList();

    /// <summary>The reporting calls (EmitEvent, RecordGovernanceFailure), oldest first.</summary>
    public IReadOnlyList<ActivityCall> ReportingCalls => this.calls.Where(c => ReportingActivities.Contains(c.Name)).ToList();

    private static readonly HashSet<string> ReportingActivities = ["EmitEvent", "RecordGovernanceFailure"];

    /// <summary>Every external event waited for, with the token it was given.</summary>
    public IReadOnlyList<(string Name, CancellationToken Token)> EventWaits => this.eventWaits;

    /// <summary>Every durable timer created, with its fire time and the token it was given.</summary>
    public IReadOnlyList<(DateTime FireAt, CancellationToken Token)> Timers => this.timers;

    /// <summary>Makes <see cref="TaskOrchestrationContext.GetInput{T}"/> return <paramref name="input"/>.</summary>
    public FakeOrchestrationContext WithInput<T>(T input)
    {
        this.mock.Setup(c => c.GetInput<T>()).Returns(input);
        return this;
    }

    /// <summary>Makes the typed activity <paramref name="activity"/> answer with <paramref name="result"/> of its input.</summary>
    public FakeOrchestrationContext Returns<TResult>(string activity, Func<object?, TResult> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (this.typedResults.Add(typeof(TResult)))
        {
            this.mock.Setup(c => c.CallActivityAsync<TResult>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
                .Returns((TaskName name, object? input, TaskOptions? options) => this.Invoke<TResult>(name, input, options));
        }

        this.behaviours[activity] = input => result(input);
        return this;
    }

    /// <summary>Makes the typed activity <paramref name="activity"/> always answer <paramref name="result"/>.</summary>
    public FakeOrchestrationContext Returns<TResult>(string activity, TResult result) => this.Returns(activity, _ => result);

    /// <summary>
    /// Makes <paramref name="activity"/> fail the way the context reports an activity that failed after its retries.
    /// A typed activity must already have been set up with <see cref="Returns{TResult}(string, TResult)"/>.
    /// </summary>
    public FakeOrchestrationContext Fails(string activity, string message = "simulated failure") => this.Throws(
        activity,
        () => new TaskFailedException(activity, this.calls.Count, new TaskFailureDetails(typeof(InvalidOperationException).FullName!, message, null, null, null)));

    /// <summary>Makes <paramref name="activity"/> fail with the exception <paramref name="exception"/> creates.</summary>
    public FakeOrchestrationContext Throws(string activity, Func<Exception> exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        this.behaviours[activity] = _ => throw exception();
        return this;
    }

    /// <summary>Makes the external event <paramref name="name"/> arrive at once with <paramref name="payload"/>.</summary>
    public FakeOrchestrationContext RaisesEvent<T>(string name, T payload) => this.OnEvent(name, Task.FromResult(payload));

    /// <summary>Makes the external event <paramref name="name"/> never arrive.</summary>
    public FakeOrchestrationContext NeverRaisesEvent<T>(string name) => this.OnEvent(name, new TaskCompletionSource<T>().Task);

    /// <summary>The calls to <paramref name="activity"/>, oldest first.</summary>
    public IReadOnlyList<ActivityCall> CallsTo(string activity) => this.calls.Where(c => c.Name == activity).ToList();

    /// <summary>The inputs of the calls to <paramref name="activity"/>, oldest first.</summary>
    public IReadOnlyList<T> InputsTo<T>(string activity) => this.CallsTo(activity).Select(c => Assert.IsType<T>(c.Input)).ToList();

    private FakeOrchestrationContext OnEvent<T>(string name, Task<T> arrival)
    {
        this.mock.Setup(c => c.WaitForExternalEvent<T>(name, It.IsAny<CancellationToken>()))
            .Returns((string eventName, CancellationToken token) =>
            {
                this.eventWaits.Add((eventName, token));
                return arrival;
            });
        return this;
    }

    private Task<T> Invoke<T>(TaskName name, object? input, TaskOptions? options)
    {
        this.calls.Add(new ActivityCall(name.Name, input, options));
        try
        {
            var result = this.behaviours.TryGetValue(name.Name, out var behaviour) ? behaviour(input) : null;
            return Task.FromResult((T)result!);
        }
#pragma warning disable CA1031 // A faulted task is how the context reports any activity failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromException<T>(ex);
        }
    }
}
