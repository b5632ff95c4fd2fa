namespace Marketplace.Infrastructure.Events;

/// <summary>An envelope is larger than the transport accepts; keep large payloads in blobs and send their names.</summary>
public sealed class EventTooLargeException(string eventId, int size, int limit)
    : Exception($"Event {eventId} is {size} bytes of JSON; the transport accepts at most {limit}.")
{
    /// <summary>The event id.</summary>
    public string EventId { get; } = eventId;

    /// <summary>The JSON size in bytes.</summary>
    public int Size { get; } = size;

    /// <summary>The transport's limit in bytes.</summary>
    public int Limit { get; } = limit;
}
