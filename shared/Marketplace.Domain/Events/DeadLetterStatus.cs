namespace Marketplace.Domain.Events;

/// <summary>Where a dead-lettered message stands.</summary>
public enum DeadLetterStatus
{
    /// <summary>Recorded, waiting for someone to look at it or replay it.</summary>
    Pending,

    /// <summary>Sent again after a fix.</summary>
    Replayed,
}
