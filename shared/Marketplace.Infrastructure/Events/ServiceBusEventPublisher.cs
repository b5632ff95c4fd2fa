using Azure.Messaging.ServiceBus;
using Marketplace.Domain.Events;

namespace Marketplace.Infrastructure.Events;

/// <summary>Publishes envelopes to a Service Bus topic (the Azure transport); see <see cref="ServiceBusMessageFactory"/>.</summary>
public sealed class ServiceBusEventPublisher : IEventPublisher, IAsyncDisposable
{
    private readonly ServiceBusSender sender;
    private readonly bool ownsSender;

    /// <summary>Publishes through <paramref name="sender"/>; the caller owns it.</summary>
    /// <param name="sender">A sender for the events topic.</param>
    public ServiceBusEventPublisher(ServiceBusSender sender)
    {
        this.sender = sender;
    }

    /// <summary>Publishes to <paramref name="topicName"/> through a sender this publisher creates and disposes.</summary>
    /// <param name="client">The Service Bus client (the caller owns it).</param>
    /// <param name="topicName">The topic; <see cref="EventStorageNames.EventsTopic"/> by default.</param>
    public ServiceBusEventPublisher(ServiceBusClient client, string topicName = EventStorageNames.EventsTopic)
    {
        this.sender = client.CreateSender(topicName);
        this.ownsSender = true;
    }

    /// <inheritdoc />
    public Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken) =>
        this.sender.SendMessageAsync(ServiceBusMessageFactory.Create(envelope), cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (this.ownsSender)
        {
            await this.sender.DisposeAsync();
        }
    }
}
