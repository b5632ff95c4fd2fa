using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Orchestrations.Sagas;

/// <summary>
/// The sagas' one compensation helper: each completed step pushes its undo; on failure the undos run in reverse
/// order. Every undo runs even when an earlier one fails (they are idempotent activities with their own retries), and
/// the failures are returned for the record. Orchestrator code only: undos are activity calls, so it is replay-safe.
/// </summary>
public sealed class SagaCompensation
{
    private readonly List<(string Name, Func<Task> Undo)> steps = [];

    /// <summary>The undos registered so far, oldest first.</summary>
    public IReadOnlyList<string> Names => this.steps.Select(s => s.Name).ToList();

    /// <summary>Registers the undo of a step that has completed.</summary>
    public void Push(string name, Func<Task> undo) => this.steps.Add((name, undo));

    /// <summary>Runs every undo, newest first; returns the ones that failed with their messages.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(ILogger logger)
    {
        var failures = new List<string>();
        for (var i = this.steps.Count - 1; i >= 0; i--)
        {
            var (name, undo) = this.steps[i];
            try
            {
                await undo();
            }
            catch (Exception ex)
            {
                logger.LogError("Compensation {Step} failed: {Message}", name, ex.Message);
                failures.Add($"{name}: {ex.Message}");
            }
        }

        this.steps.Clear();
        return failures;
    }
}
