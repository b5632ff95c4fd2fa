using Azure.Data.Tables;
using Marketplace.Domain.Governance;
using Marketplace.Infrastructure.Governance;
using Marketplace.Infrastructure.Tests.Events;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Governance;

[Collection(EventsStorage.Name)]
public class TableAuditLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private readonly TableAuditLog log = new(new TableServiceClient(azurite.ConnectionString), EventsStorage.UniqueName("audit"));

    private static AuditEntry Entry(string id, string subjectId, DateTimeOffset at, string reason = "threshold crossed") =>
        new(id, "system:governance", "asset.suspended", "asset", subjectId, reason, at);

    [Fact]
    public async Task ReadAsync_All_NewestFirst()
    {
        await this.log.AppendAsync(Entry("e2", "contoso.a", T0.AddMinutes(2)), CancellationToken.None);
        await this.log.AppendAsync(Entry("e1", "contoso.a", T0), CancellationToken.None);
        await this.log.AppendAsync(Entry("e3", "contoso.b", T0.AddMinutes(3)), CancellationToken.None);

        Assert.Equal(["e3", "e2", "e1"], (await this.log.ReadAsync(null, 10, CancellationToken.None)).Select(e => e.Id));
        Assert.Equal(["e3", "e2"], (await this.log.ReadAsync(null, 2, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task ReadAsync_BySubject_OnlyThatSubjectNewestFirst()
    {
        await this.log.AppendAsync(Entry("e1", "contoso.a", T0), CancellationToken.None);
        await this.log.AppendAsync(Entry("e2", "contoso.b", T0.AddMinutes(1)), CancellationToken.None);
        await this.log.AppendAsync(Entry("e3", "contoso.a", T0.AddMinutes(2)), CancellationToken.None);

        Assert.Equal(["e3", "e1"], (await this.log.ReadAsync("contoso.a", 10, CancellationToken.None)).Select(e => e.Id));
    }

    [Fact]
    public async Task AppendAsync_SameIdOtherContent_ThrowsAndKeepsTheOriginal()
    {
        var original = Entry("e1", "contoso.a", T0);
        await this.log.AppendAsync(original, CancellationToken.None);

        await Assert.ThrowsAsync<AuditEntryConflictException>(
            () => this.log.AppendAsync(original with { Reason = "rewritten" }, CancellationToken.None));
        await Assert.ThrowsAsync<AuditEntryConflictException>(
            () => this.log.AppendAsync(original with { At = T0.AddDays(1), Reason = "rewritten" }, CancellationToken.None));

        Assert.Equal([original], await this.log.ReadAsync(null, 10, CancellationToken.None));
        Assert.Equal([original], await this.log.ReadAsync("contoso.a", 10, CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_IdenticalRetry_IsStoredOnce()
    {
        var entry = Entry("e1", "contoso.a", T0);

        await this.log.AppendAsync(entry, CancellationToken.None);
        await this.log.AppendAsync(entry, CancellationToken.None);

        Assert.Equal([entry], await this.log.ReadAsync(null, 10, CancellationToken.None));
        Assert.Equal([entry], await this.log.ReadAsync("contoso.a", 10, CancellationToken.None));
    }
}
