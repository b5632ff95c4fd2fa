using Azure.Data.Tables;
using Marketplace.Infrastructure.Events;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Events;

[Collection(EventsStorage.Name)]
public class TableProcessedEventStoreTests(AzuriteFixture azurite)
{
    private TableProcessedEventStore Store() =>
        new(new TableServiceClient(azurite.ConnectionString), TimeProvider.System);

    [Fact]
    public async Task TryMarkProcessedAsync_FirstTime_True_SecondTime_False()
    {
        var store = this.Store();
        var eventId = Guid.NewGuid().ToString();

        Assert.True(await store.TryMarkProcessedAsync("search-indexer", eventId, CancellationToken.None));
        Assert.False(await store.TryMarkProcessedAsync("search-indexer", eventId, CancellationToken.None));
    }

    [Fact]
    public async Task TryMarkProcessedAsync_OtherConsumer_IsIndependent()
    {
        var store = this.Store();
        var eventId = Guid.NewGuid().ToString();

        Assert.True(await store.TryMarkProcessedAsync("search-indexer", eventId, CancellationToken.None));
        Assert.True(await store.TryMarkProcessedAsync("audit", eventId, CancellationToken.None));
        Assert.False(await store.TryMarkProcessedAsync("audit", eventId, CancellationToken.None));
    }

    [Fact]
    public async Task TryMarkProcessedAsync_SecondStoreInstance_SeesTheMark()
    {
        var eventId = Guid.NewGuid().ToString();

        Assert.True(await this.Store().TryMarkProcessedAsync("billing", eventId, CancellationToken.None));
        Assert.False(await this.Store().TryMarkProcessedAsync("billing", eventId, CancellationToken.None));
    }

    [Fact]
    public async Task TryMarkProcessedAsync_KeyUnsafeCharacters_StillDeduplicates()
    {
        var store = this.Store();
        var eventId = $"ext/{Guid.NewGuid()}#?\\%";

        Assert.True(await store.TryMarkProcessedAsync("consumer/with#odd?chars", eventId, CancellationToken.None));
        Assert.False(await store.TryMarkProcessedAsync("consumer/with#odd?chars", eventId, CancellationToken.None));
        Assert.True(await store.TryMarkProcessedAsync("consumer/with#odd?chars", eventId.Replace('%', '_'), CancellationToken.None));
    }

    [Fact]
    public async Task ForgetAsync_MarkedEvent_CanBeMarkedAgain()
    {
        var store = this.Store();
        var eventId = Guid.NewGuid().ToString();
        await store.TryMarkProcessedAsync("search-indexer", eventId, CancellationToken.None);

        await store.ForgetAsync("search-indexer", eventId, CancellationToken.None);

        Assert.True(await store.TryMarkProcessedAsync("search-indexer", eventId, CancellationToken.None));
    }

    [Fact]
    public async Task ForgetAsync_NeverMarked_DoesNothing()
    {
        var store = this.Store();
        var eventId = Guid.NewGuid().ToString();

        await store.ForgetAsync("search-indexer", eventId, CancellationToken.None);

        Assert.True(await store.TryMarkProcessedAsync("search-indexer", eventId, CancellationToken.None));
    }
}
