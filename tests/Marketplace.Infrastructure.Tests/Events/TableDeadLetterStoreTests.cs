using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Marketplace.Domain.Events;
using Marketplace.Infrastructure.Events;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Events;

[Collection(EventsStorage.Name)]
public class TableDeadLetterStoreTests(AzuriteFixture azurite)
{
    private const string Queue = "marketplace-commands";
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private readonly TableDeadLetterStore store = new(
        new TableServiceClient(azurite.ConnectionString),
        new BlobServiceClient(azurite.ConnectionString),
        EventsStorage.UniqueName("deadletters"),
        EventsStorage.UniqueName("deadletters"));

    private static DeadLetterEntry Entry(string messageId, string raw, DateTimeOffset at, int attempts = 5) =>
        DeadLetterEntry.FromParseFailure(Queue, messageId, raw, CommandEnvelopeParser.Parse(raw), attempts, at);

    [Fact]
    public async Task AddAsync_ThenGet_KeepsTheWholeRawMessageAndMetadata()
    {
        var raw = "{\"specversion\":\"1.0\",\"id\":\"cmd-9\",\"type\":\"marketplace.command.install-asset\",\"source\":\"/x\",\"data\":{},\"pad\":\""
            + new string('p', 300_000) + "\"}";
        var entry = Entry("m-1", raw, T0);

        Assert.True(await this.store.AddAsync(entry, CancellationToken.None));
        var back = await this.store.GetAsync(entry.Id, CancellationToken.None);

        Assert.NotNull(back);
        Assert.Equal(raw, back.RawMessage);
        Assert.Equal(entry, back);
        Assert.Equal(CommandParseReasons.InvalidData, back.ReasonCode);
        Assert.Equal("cmd-9", back.EventId);
        Assert.Equal(CommandTypes.InstallAsset, back.EventType);
        Assert.Equal(DeadLetterStatus.Pending, back.Status);
    }

    [Fact]
    public async Task AddAsync_SameMessageTwice_IsOneMergedEntry()
    {
        var first = Entry("m-2", "garbage", T0, attempts: 5);
        var second = Entry("m-2", "garbage", T0.AddMinutes(10), attempts: 7);

        Assert.True(await this.store.AddAsync(first, CancellationToken.None));
        Assert.False(await this.store.AddAsync(second, CancellationToken.None));

        var entry = Assert.Single(await this.store.ListAsync(null, 10, CancellationToken.None));
        Assert.Equal(first.Id, entry.Id);
        Assert.Equal(T0, entry.FirstSeenAt);
        Assert.Equal(T0.AddMinutes(10), entry.LastSeenAt);
        Assert.Equal(7, entry.Attempts);
        Assert.Equal(CommandParseReasons.InvalidJson, entry.ReasonCode);
        Assert.Null(entry.RawMessage);
    }

    [Fact]
    public async Task ListAsync_ByStatus_NewestFirstAndTake()
    {
        var a = Entry("a", "x", T0);
        var b = Entry("b", "y", T0.AddMinutes(1));
        var c = Entry("c", "z", T0.AddMinutes(2));
        foreach (var entry in new[] { a, b, c })
        {
            await this.store.AddAsync(entry, CancellationToken.None);
        }

        Assert.True(await this.store.MarkReplayedAsync(b.Id, T0.AddHours(1), CancellationToken.None));

        Assert.Equal([c.Id, a.Id], (await this.store.ListAsync(DeadLetterStatus.Pending, 10, CancellationToken.None)).Select(e => e.Id));
        Assert.Equal([b.Id], (await this.store.ListAsync(DeadLetterStatus.Replayed, 10, CancellationToken.None)).Select(e => e.Id));
        Assert.Equal([c.Id, b.Id], (await this.store.ListAsync(null, 2, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task MarkReplayedAsync_Existing_SetsStatusAndTime_KeepsRaw()
    {
        var entry = Entry("m-3", "raw text", T0);
        await this.store.AddAsync(entry, CancellationToken.None);

        Assert.True(await this.store.MarkReplayedAsync(entry.Id, T0.AddHours(2), CancellationToken.None));

        var back = await this.store.GetAsync(entry.Id, CancellationToken.None);
        Assert.Equal(DeadLetterStatus.Replayed, back!.Status);
        Assert.Equal(T0.AddHours(2), back.ReplayedAt);
        Assert.Equal("raw text", back.RawMessage);
    }

    [Fact]
    public async Task AddAsync_AfterReplay_IsPendingAgain()
    {
        var entry = Entry("m-4", "raw", T0);
        await this.store.AddAsync(entry, CancellationToken.None);
        await this.store.MarkReplayedAsync(entry.Id, T0.AddHours(1), CancellationToken.None);

        Assert.False(await this.store.AddAsync(Entry("m-4", "raw", T0.AddHours(2)), CancellationToken.None));

        Assert.Equal(DeadLetterStatus.Pending, (await this.store.GetAsync(entry.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task MarkReplayedAsync_Unknown_False_GetAsync_Unknown_Null()
    {
        Assert.False(await this.store.MarkReplayedAsync("nope", T0, CancellationToken.None));
        Assert.Null(await this.store.GetAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_WithoutRawMessage_Throws()
    {
        var entry = Entry("m-5", "raw", T0) with { RawMessage = null };

        await Assert.ThrowsAsync<ArgumentException>(() => this.store.AddAsync(entry, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_RawMessage_IsInTheDocumentedBlob()
    {
        var container = EventsStorage.UniqueName("deadletters");
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var store = new TableDeadLetterStore(new TableServiceClient(azurite.ConnectionString), blobs, EventsStorage.UniqueName("dl"), container);
        var entry = Entry("m-6", "the raw body", T0);

        await store.AddAsync(entry, CancellationToken.None);

        var blob = blobs.GetBlobContainerClient(container).GetBlobClient($"deadletters/{entry.Id}.json");
        Assert.Equal("the raw body", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }
}
