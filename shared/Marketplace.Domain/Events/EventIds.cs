namespace Marketplace.Domain.Events;

/// <summary>
/// Deterministic event ids: a version-5 UUID of the saga's correlation id and the step that emits the event, so a
/// retried activity or a replayed orchestrator re-emits the same id and consumers drop the duplicate.
/// </summary>
public static class EventIds
{
    /// <summary>The marketplace's namespace for event ids (fixed forever: changing it changes every id).</summary>
    public static readonly Guid Namespace = new("5b0c8a3e-7d2f-4b61-9e55-1c4f0a6d2e90");

    /// <summary>The event id for <paramref name="step"/> of the saga <paramref name="correlationId"/>.</summary>
    /// <param name="correlationId">The saga instance id.</param>
    /// <param name="step">The step, unique within the saga (for example <c>quality-scanned</c>).</param>
    /// <returns>UUIDv5 of <c>{len}:{correlationId}|{len}:{step}</c> in <see cref="Namespace"/>.</returns>
    /// <exception cref="ArgumentException">When either part is empty.</exception>
    public static Guid Derive(string correlationId, string step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(correlationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        return NameBasedGuid.Create(Namespace, NameBasedGuid.JoinParts(correlationId, step));
    }
}
