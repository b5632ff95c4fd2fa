using Azure.Storage.Queues;
using Marketplace.Domain.Events;
using Marketplace.Infrastructure.Events;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Events;

[Collection(EventsStorage.Name)]
public class StorageQueueEventPublisherTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private QueueServiceClient Queues() =>
        new(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    private static EventEnvelope Event(string step) => EventEnvelope.Create(
        EventTypes.AssetPublished, EventSources.Publishing, EventSubjects.AssetVersion("contoso.http-api", "1.2.0"),
        "publish-queue-test", step, new { assetId = "contoso.http-api", step }, Noon, tenantId: "t-1");

    private static async Task<List<EventEnvelope>> ReadAllAsync(QueueClient queue)
    {
        var messages = (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value;
        return messages.Select(m => EventEnvelopeJson.Deserialize(m.Body.ToString())).ToList();
    }

    [Fact]
    public async Task PublishAsync_MissingQueue_CreatesItAndSendsTheEnvelope()
    {
        var name = EventsStorage.UniqueName("events");
        var publisher = new StorageQueueEventPublisher(this.Queues(), name);
        var envelope = Event("published");

        await publisher.PublishAsync(envelope, CancellationToken.None);

        var received = Assert.Single(await ReadAllAsync(this.Queues().GetQueueClient(name)));
        Assert.Equal(envelope.Id, received.Id);
        Assert.Equal(envelope.Type, received.Type);
        Assert.Equal(envelope.Subject, received.Subject);
        Assert.Equal("t-1", received.TenantId);
        Assert.Equal("published", received.Data.GetProperty("step").GetString());
    }

    [Fact]
    public async Task PublishAsync_Sequential_PreservesIdsAndOrder()
    {
        var queue = this.Queues().GetQueueClient(EventsStorage.UniqueName("events"));
        var publisher = new StorageQueueEventPublisher(queue);
        var sent = Enumerable.Range(1, 5).Select(i => Event($"step-{i}")).ToList();

        foreach (var envelope in sent)
        {
            await publisher.PublishAsync(envelope, CancellationToken.None);
        }

        Assert.Equal(sent.Select(e => e.Id), (await ReadAllAsync(queue)).Select(e => e.Id));
    }

    [Fact]
    public async Task PublishAsync_MessageOnTheWire_IsBase64OfTheJson()
    {
        var name = EventsStorage.UniqueName("events");
        var envelope = Event("wire");
        await new StorageQueueEventPublisher(this.Queues(), name).PublishAsync(envelope, CancellationToken.None);

        var raw = new QueueClient(azurite.ConnectionString, name); // no decoding: what the Functions trigger sees
        var text = (await raw.ReceiveMessageAsync()).Value.Body.ToString();

        Assert.Equal(EventEnvelopeJson.Serialize(envelope), System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text)));
    }

    [Fact]
    public async Task PublishAsync_TooLarge_ThrowsEventTooLarge()
    {
        var envelope = Event("big") with { Data = EventEnvelopeJson.ToElement(new { blob = new string('x', 50_000) }) };
        var publisher = new StorageQueueEventPublisher(this.Queues(), EventsStorage.UniqueName("events"));

        var error = await Assert.ThrowsAsync<EventTooLargeException>(() => publisher.PublishAsync(envelope, CancellationToken.None));

        Assert.Equal(envelope.Id, error.EventId);
    }
}
