using Azure.Data.Tables;
using Marketplace.Domain.Governance;
using Marketplace.Infrastructure.Governance;
using Marketplace.Infrastructure.Tests.Events;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Governance;

[Collection(EventsStorage.Name)]
public class TableFailureLedgerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly string subject = "contoso.a" + Guid.NewGuid().ToString("N")[..8];
    private readonly ManualClock clock = new(T0);

    private TableFailureLedger Ledger(string? table = null) =>
        new(new TableServiceClient(azurite.ConnectionString), new EscalationOptions(), this.clock, table ?? EventsStorage.UniqueName("failures"));

    private FailureOccurrence Failure(string id, DateTimeOffset at, FailureKind kind = FailureKind.PublicationFailure) =>
        new(kind, GovernanceSubjectType.Asset, this.subject, id, at);

    [Fact]
    public async Task RecordAsync_Occurrences_CountsEach()
    {
        var ledger = this.Ledger();

        Assert.Equal(1, await ledger.RecordAsync(this.Failure("p1", T0), CancellationToken.None));
        Assert.Equal(2, await ledger.RecordAsync(this.Failure("p2", T0.AddMinutes(1)), CancellationToken.None));
        Assert.Equal(3, await ledger.RecordAsync(this.Failure("p3", T0.AddMinutes(2)), CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_SameOccurrenceTwice_RecordsOnce()
    {
        var ledger = this.Ledger();
        await ledger.RecordAsync(this.Failure("p1", T0), CancellationToken.None);

        Assert.Equal(1, await ledger.RecordAsync(this.Failure("p1", T0), CancellationToken.None));
        Assert.Equal(2, await ledger.RecordAsync(this.Failure("p2", T0.AddMinutes(1)), CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_OccurrencesOlderThanWindow_DoNotCount()
    {
        var ledger = this.Ledger();
        await ledger.RecordAsync(this.Failure("old", T0), CancellationToken.None);
        await ledger.RecordAsync(this.Failure("edge", T0.AddMinutes(30)), CancellationToken.None);

        // Window is (at - 1h, at]: "old" is exactly 1h before and falls out; "edge" is inside.
        Assert.Equal(2, await ledger.RecordAsync(this.Failure("new", T0.AddHours(1)), CancellationToken.None));
        Assert.Equal(1, await ledger.RecordAsync(this.Failure("later", T0.AddHours(2)), CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_OtherKindOrSubject_CountsSeparately()
    {
        var ledger = this.Ledger();
        await ledger.RecordAsync(this.Failure("p1", T0), CancellationToken.None);
        await ledger.RecordAsync(this.Failure("p2", T0), CancellationToken.None);

        Assert.Equal(1, await ledger.RecordAsync(this.Failure("i1", T0, FailureKind.InstallationRollback), CancellationToken.None));
        Assert.Equal(1, await ledger.RecordAsync(this.Failure("p1", T0) with { SubjectType = GovernanceSubjectType.Publisher, SubjectId = "contoso" }, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_LongAfter_PrunesOldRows()
    {
        var table = EventsStorage.UniqueName("failures");
        var ledger = this.Ledger(table);
        await ledger.RecordAsync(this.Failure("old", T0), CancellationToken.None);
        this.clock.Now = T0.AddHours(3);

        await ledger.RecordAsync(this.Failure("new", T0.AddHours(3)), CancellationToken.None);

        var rows = new TableServiceClient(azurite.ConnectionString).GetTableClient(table).QueryAsync<TableEntity>(e => e.RowKey.CompareTo("o_") >= 0 && e.RowKey.CompareTo("o`") < 0);
        var ids = new List<string?>();
        await foreach (var row in rows)
        {
            ids.Add(row.GetString("OccurrenceId"));
        }

        Assert.Equal(["new"], ids);
    }

    [Fact]
    public async Task TryMarkEscalatedAsync_TwoCrossingsFromNothing_OnlyFirstWins()
    {
        var ledger = this.Ledger();
        var a = this.Failure("a", T0);
        var b = this.Failure("b", T0);

        Assert.True(await ledger.TryMarkEscalatedAsync(a, null, CancellationToken.None));
        Assert.False(await ledger.TryMarkEscalatedAsync(b, null, CancellationToken.None));
        Assert.True(await ledger.TryMarkEscalatedAsync(a, null, CancellationToken.None));
        Assert.Equal("a", (await ledger.GetLastEscalationAsync(a.Kind, a.SubjectType, a.SubjectId, CancellationToken.None))!.OccurrenceId);
    }

    [Fact]
    public async Task TryMarkEscalatedAsync_StalePrevious_Fails_CurrentPrevious_Succeeds()
    {
        var ledger = this.Ledger();
        var a = this.Failure("a", T0);
        await ledger.TryMarkEscalatedAsync(a, null, CancellationToken.None);
        var stale = await ledger.GetLastEscalationAsync(a.Kind, a.SubjectType, a.SubjectId, CancellationToken.None);
        Assert.True(await ledger.TryMarkEscalatedAsync(this.Failure("b", T0.AddHours(1)), stale, CancellationToken.None));

        Assert.False(await ledger.TryMarkEscalatedAsync(this.Failure("c", T0.AddHours(2)), stale, CancellationToken.None));

        var current = await ledger.GetLastEscalationAsync(a.Kind, a.SubjectType, a.SubjectId, CancellationToken.None);
        Assert.Equal("b", current!.OccurrenceId);
        Assert.Equal(T0.AddHours(1), current.At);
        Assert.True(await ledger.TryMarkEscalatedAsync(this.Failure("c", T0.AddHours(2)), current, CancellationToken.None));
    }
}
