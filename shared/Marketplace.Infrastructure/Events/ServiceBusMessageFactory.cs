using Azure.Messaging.ServiceBus;
using Marketplace.Domain.Events;

namespace Marketplace.Infrastructure.Events;

/// <summary>
/// Maps an envelope to a Service Bus message: CloudEvents structured mode (the body is the envelope JSON), with the
/// attributes subscriptions filter on copied to broker and application properties.
/// </summary>
public static class ServiceBusMessageFactory
{
    /// <summary>The content type of a structured-mode CloudEvent.</summary>
    public const string CloudEventsContentType = "application/cloudevents+json";

    /// <summary>Application property holding the CloudEvents <c>type</c>.</summary>
    public const string TypeProperty = "type";

    /// <summary>Application property holding the CloudEvents <c>subject</c>.</summary>
    public const string SubjectProperty = "subject";

    /// <summary>Application property holding the CloudEvents <c>source</c>.</summary>
    public const string SourceProperty = "source";

    /// <summary>Application property holding the <c>tenantid</c>, when there is one.</summary>
    public const string TenantIdProperty = "tenantid";

    /// <summary>
    /// The message for <paramref name="envelope"/>: <c>MessageId</c> is the event id (duplicate detection drops a re-send),
    /// <c>Subject</c> the type, <c>CorrelationId</c> the saga id.
    /// </summary>
    /// <param name="envelope">The envelope.</param>
    /// <returns>A new message.</returns>
    public static ServiceBusMessage Create(EventEnvelope envelope)
    {
        var message = new ServiceBusMessage(BinaryData.FromString(EventEnvelopeJson.Serialize(envelope)))
        {
            MessageId = envelope.Id,
            Subject = envelope.Type,
            ContentType = CloudEventsContentType,
            CorrelationId = envelope.CorrelationId,
        };
        message.ApplicationProperties[TypeProperty] = envelope.Type;
        message.ApplicationProperties[SourceProperty] = envelope.Source;
        if (envelope.Subject is not null)
        {
            message.ApplicationProperties[SubjectProperty] = envelope.Subject;
        }

        if (envelope.TenantId is not null)
        {
            message.ApplicationProperties[TenantIdProperty] = envelope.TenantId;
        }

        return message;
    }
}
