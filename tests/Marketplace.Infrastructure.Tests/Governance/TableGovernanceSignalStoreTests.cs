using Azure.Data.Tables;
using Marketplace.Domain.Governance;
using Marketplace.Infrastructure.Governance;
using Marketplace.Infrastructure.Tests.Events;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Governance;

[Collection(EventsStorage.Name)]
public class TableGovernanceSignalStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private readonly TableGovernanceSignalStore store = new(new TableServiceClient(azurite.ConnectionString), EventsStorage.UniqueName("signals"));

    private static GovernanceSignal Signal(string id, DateTimeOffset at, string reason = "3 publication failures") => new(
        id, GovernanceSubjectType.Asset, "contoso.http-api", reason, FailureKind.PublicationFailure, 3,
        TimeSpan.FromHours(1), EscalationAction.SuspendAsset, at);

    [Fact]
    public async Task AddAsync_SameIdTwice_StoresOnceAndKeepsTheFirst()
    {
        Assert.True(await this.store.AddAsync(Signal("s1", T0), CancellationToken.None));
        Assert.False(await this.store.AddAsync(Signal("s1", T0.AddMinutes(5), "changed"), CancellationToken.None));

        var only = Assert.Single(await this.store.ListAsync(10, CancellationToken.None));
        Assert.Equal(Signal("s1", T0), only);
    }

    [Fact]
    public async Task ListAsync_Signals_NewestFirstAndTake()
    {
        await this.store.AddAsync(Signal("b", T0.AddMinutes(1)), CancellationToken.None);
        await this.store.AddAsync(Signal("c", T0.AddMinutes(2)), CancellationToken.None);
        await this.store.AddAsync(Signal("a", T0), CancellationToken.None);

        Assert.Equal(["c", "b", "a"], (await this.store.ListAsync(10, CancellationToken.None)).Select(s => s.Id));
        Assert.Equal(["c", "b"], (await this.store.ListAsync(2, CancellationToken.None)).Select(s => s.Id));
    }

    [Fact]
    public async Task GetAsync_Stored_RoundTrips_Unknown_Null()
    {
        var signal = Signal("s2", T0) with { SubjectType = GovernanceSubjectType.Publisher, SubjectId = "contoso", Action = EscalationAction.RestrictPublisher };
        await this.store.AddAsync(signal, CancellationToken.None);

        Assert.Equal(signal, await this.store.GetAsync("s2", CancellationToken.None));
        Assert.Null(await this.store.GetAsync("missing", CancellationToken.None));
    }
}
