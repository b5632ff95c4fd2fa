namespace Marketplace.Infrastructure.Events;

/// <summary>Which transport carries events.</summary>
public enum EventTransport
{
    /// <summary>An Azure Storage queue (Azurite locally).</summary>
    StorageQueue,

    /// <summary>An Azure Service Bus topic.</summary>
    ServiceBus,
}
