namespace Marketplace.Infrastructure.Events;

/// <summary>Event transport settings, bound from <c>Marketplace:Events</c> (<c>Marketplace__Events__*</c>).</summary>
public sealed class EventPublisherOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Marketplace:Events";

    /// <summary>The connection setting whose <c>__fullyQualifiedNamespace</c> names the Service Bus namespace.</summary>
    public const string ServiceBusConnectionName = "ServiceBusConnection";

    /// <summary>The transport; Storage queue by default (local runs).</summary>
    public EventTransport Transport { get; set; } = EventTransport.StorageQueue;

    /// <summary>The Storage queue for <see cref="EventTransport.StorageQueue"/>.</summary>
    public string QueueName { get; set; } = EventStorageNames.EventsQueue;

    /// <summary>The Service Bus topic for <see cref="EventTransport.ServiceBus"/>.</summary>
    public string TopicName { get; set; } = EventStorageNames.EventsTopic;

    /// <summary>The Service Bus namespace (<c>name.servicebus.windows.net</c>), required for <see cref="EventTransport.ServiceBus"/>.</summary>
    public string? ServiceBusFullyQualifiedNamespace { get; set; }

    /// <summary>Throws when the settings cannot work.</summary>
    /// <exception cref="InvalidOperationException">When a needed name is missing.</exception>
    public void Validate()
    {
        switch (this.Transport)
        {
            case EventTransport.StorageQueue when string.IsNullOrWhiteSpace(this.QueueName):
                throw new InvalidOperationException("Marketplace__Events__QueueName must name a queue for the StorageQueue transport.");
            case EventTransport.ServiceBus when string.IsNullOrWhiteSpace(this.TopicName):
                throw new InvalidOperationException("Marketplace__Events__TopicName must name a topic for the ServiceBus transport.");
            case EventTransport.ServiceBus when string.IsNullOrWhiteSpace(this.ServiceBusFullyQualifiedNamespace):
                throw new InvalidOperationException(
                    $"The ServiceBus transport needs {ServiceBusConnectionName}__fullyQualifiedNamespace (name.servicebus.windows.net).");
            case EventTransport.StorageQueue or EventTransport.ServiceBus:
                return;
            default:
                throw new InvalidOperationException($"Unknown event transport '{this.Transport}'.");
        }
    }
}
