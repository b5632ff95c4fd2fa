using Marketplace.Domain.Events;
using Marketplace.Infrastructure.Events;

namespace Marketplace.Infrastructure.Tests.Events;

public class ServiceBusMessageFactoryTests
{
    private static EventEnvelope Envelope(string? tenantId) => EventEnvelope.Create(
        EventTypes.AssetInstalled,
        EventSources.Installation,
        EventSubjects.Installation("inst-1"),
        "install-1",
        "installed",
        new { installationId = "inst-1" },
        new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero),
        tenantId: tenantId);

    [Fact]
    public void Create_Envelope_MapsBrokerProperties()
    {
        var envelope = Envelope("t-1");

        var message = ServiceBusMessageFactory.Create(envelope);

        Assert.Equal(envelope.Id, message.MessageId);
        Assert.Equal("marketplace.asset.installed", message.Subject);
        Assert.Equal("application/cloudevents+json", message.ContentType);
        Assert.Equal("install-1", message.CorrelationId);
    }

    [Fact]
    public void Create_Envelope_CopiesTypeSubjectAndTenantToApplicationProperties()
    {
        var message = ServiceBusMessageFactory.Create(Envelope("t-1"));

        Assert.Equal("marketplace.asset.installed", message.ApplicationProperties["type"]);
        Assert.Equal("installations/inst-1", message.ApplicationProperties["subject"]);
        Assert.Equal("/marketplace/installation", message.ApplicationProperties["source"]);
        Assert.Equal("t-1", message.ApplicationProperties["tenantid"]);
    }

    [Fact]
    public void Create_NoTenant_HasNoTenantProperty()
    {
        Assert.False(ServiceBusMessageFactory.Create(Envelope(null)).ApplicationProperties.ContainsKey("tenantid"));
    }

    [Fact]
    public void Create_Envelope_BodyIsTheEnvelopeJson()
    {
        var envelope = Envelope("t-1");

        var body = ServiceBusMessageFactory.Create(envelope).Body.ToString();

        Assert.Equal(EventEnvelopeJson.Serialize(envelope), body);
        Assert.Equal(envelope.Id, EventEnvelopeJson.Deserialize(body).Id);
    }
}
