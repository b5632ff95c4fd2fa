using System.Text;
using Azure.Storage.Queues;
using Marketplace.Domain.Events;

namespace Marketplace.Infrastructure.Events;

/// <summary>
/// Publishes envelopes to an Azure Storage queue (the local transport): each message is the envelope's JSON. The queue
/// client should use base64 message encoding, as the Functions queue trigger expects. Creates the queue on first use.
/// </summary>
public sealed class StorageQueueEventPublisher : IEventPublisher
{
    /// <summary>The largest envelope accepted: 64 KiB of base64 holds 48 KiB of JSON.</summary>
    public const int MaxMessageBytes = 48 * 1024;

    private readonly QueueClient queue;
    private readonly CreateOnce created;

    /// <summary>Publishes to <paramref name="queue"/>.</summary>
    /// <param name="queue">The queue (created with base64 message encoding).</param>
    public StorageQueueEventPublisher(QueueClient queue)
    {
        this.queue = queue;
        this.created = new CreateOnce(ct => this.queue.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    /// <summary>Publishes to the queue <paramref name="queueName"/> of <paramref name="queues"/>.</summary>
    /// <param name="queues">The queue service (created with base64 message encoding).</param>
    /// <param name="queueName">The queue; <see cref="EventStorageNames.EventsQueue"/> by default.</param>
    public StorageQueueEventPublisher(QueueServiceClient queues, string queueName = EventStorageNames.EventsQueue)
        : this(queues.GetQueueClient(queueName))
    {
    }

    /// <summary>The queue's name.</summary>
    public string QueueName => this.queue.Name;

    /// <inheritdoc />
    /// <exception cref="EventTooLargeException">When the JSON exceeds <see cref="MaxMessageBytes"/>.</exception>
    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var json = EventEnvelopeJson.Serialize(envelope);
        var size = Encoding.UTF8.GetByteCount(json);
        if (size > MaxMessageBytes)
        {
            throw new EventTooLargeException(envelope.Id, size, MaxMessageBytes);
        }

        await this.created.EnsureAsync(cancellationToken);
        await this.queue.SendMessageAsync(json, cancellationToken);
    }
}
