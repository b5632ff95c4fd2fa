using Marketplace.Functions.Orchestrations.Sagas;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Marketplace.Functions.Tests.Orchestrations;

/// <summary>The compensation helper every saga uses: newest undo first, every undo runs, failures are returned.</summary>
public sealed class SagaCompensationTests
{
    [Fact]
    public void Names_AfterPushes_ListsUndosOldestFirst()
    {
        var undo = new SagaCompensation();
        undo.Push("a", () => Task.CompletedTask);
        undo.Push("b", () => Task.CompletedTask);

        Assert.Equal(["a", "b"], undo.Names);
    }

    [Fact]
    public async Task RunAsync_SeveralUndos_RunsThemNewestFirst()
    {
        var ran = new List<string>();
        var undo = new SagaCompensation();
        foreach (var name in new[] { "first", "second", "third" })
        {
            undo.Push(name, () => Record(ran, name));
        }

        var failures = await undo.RunAsync(NullLogger.Instance);

        Assert.Equal(["third", "second", "first"], ran);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task RunAsync_UndoThrows_RunsTheRestAndReturnsTheFailure()
    {
        var ran = new List<string>();
        var logger = new Mock<ILogger>();
        var undo = new SagaCompensation();
        undo.Push("first", () => Record(ran, "first"));
        undo.Push("broken", () => throw new InvalidOperationException("sync boom"));
        undo.Push("last", () => Record(ran, "last"));

        var failures = await undo.RunAsync(logger.Object);

        Assert.Equal(["last", "first"], ran);
        Assert.Equal(["broken: sync boom"], failures);
        logger.Verify(
            l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once());
    }

    [Fact]
    public async Task RunAsync_UndosFaultTheirTasks_ReturnsEveryFailureNewestFirst()
    {
        var ran = new List<string>();
        var undo = new SagaCompensation();
        undo.Push("a", () => Task.FromException(new InvalidOperationException("a broke")));
        undo.Push("b", () => Record(ran, "b"));
        undo.Push("c", () => Task.FromException(new TimeoutException("c timed out")));

        var failures = await undo.RunAsync(NullLogger.Instance);

        Assert.Equal(["c: c timed out", "a: a broke"], failures);
        Assert.Equal(["b"], ran);
    }

    [Fact]
    public async Task RunAsync_AfterRunning_IsEmptyAndASecondRunUndoesNothing()
    {
        var runs = 0;
        var undo = new SagaCompensation();
        undo.Push("once", () =>
        {
            runs++;
            return Task.CompletedTask;
        });
        undo.Push("broken", () => throw new InvalidOperationException("boom"));

        await undo.RunAsync(NullLogger.Instance);
        var second = await undo.RunAsync(NullLogger.Instance);

        Assert.Empty(undo.Names);
        Assert.Empty(second);
        Assert.Equal(1, runs);
    }

    private static Task Record(List<string> ran, string name)
    {
        ran.Add(name);
        return Task.CompletedTask;
    }
}
