namespace Marketplace.Domain.Events;

/// <summary>Sends envelopes to the event transport (Service Bus topic in Azure, Storage queue locally).</summary>
public interface IEventPublisher
{
    /// <summary>Publishes one envelope. Publishing the same id twice is allowed: consumers deduplicate on it.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the transport has accepted the message.</returns>
    Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken);
}
