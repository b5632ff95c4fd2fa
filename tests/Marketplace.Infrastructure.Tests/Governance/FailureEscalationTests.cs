using Azure.Data.Tables;
using Marketplace.Domain.Governance;
using Marketplace.Infrastructure.Governance;
using Marketplace.Infrastructure.Tests.Events;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Governance;

/// <summary>The whole escalation path on a real ledger: exactly one escalation per crossing.</summary>
[Collection(EventsStorage.Name)]
public class FailureEscalationTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly string subject = "contoso.a" + Guid.NewGuid().ToString("N")[..8];

    private FailureEscalation Escalation()
    {
        var options = new EscalationOptions();
        var ledger = new TableFailureLedger(new TableServiceClient(azurite.ConnectionString), options, new ManualClock(T0), EventsStorage.UniqueName("failures"));
        return new FailureEscalation(ledger, new EscalationEvaluator(options));
    }

    private FailureOccurrence Failure(string id, DateTimeOffset at) =>
        new(FailureKind.PublicationFailure, GovernanceSubjectType.Asset, this.subject, id, at);

    [Fact]
    public async Task RecordAsync_FailuresInOneWindow_EscalatesOnceAtTheThird()
    {
        var escalation = this.Escalation();
        var outcomes = new List<EscalationOutcome>();

        for (var i = 1; i <= 6; i++)
        {
            outcomes.Add((await escalation.RecordAsync(this.Failure($"p{i}", T0.AddMinutes(i)), CancellationToken.None)).Outcome);
        }

        Assert.Equal(
            [EscalationOutcome.BelowThreshold, EscalationOutcome.BelowThreshold, EscalationOutcome.Escalate,
             EscalationOutcome.AlreadyEscalated, EscalationOutcome.AlreadyEscalated, EscalationOutcome.AlreadyEscalated],
            outcomes);
    }

    [Fact]
    public async Task RecordAsync_AfterTheWindowWithFreshFailures_EscalatesAgain()
    {
        var escalation = this.Escalation();
        for (var i = 1; i <= 3; i++)
        {
            await escalation.RecordAsync(this.Failure($"p{i}", T0.AddMinutes(i)), CancellationToken.None);
        }

        var later = new List<EscalationOutcome>();
        foreach (var minutes in new[] { 70, 80, 90 })
        {
            later.Add((await escalation.RecordAsync(this.Failure($"q{minutes}", T0.AddMinutes(minutes)), CancellationToken.None)).Outcome);
        }

        Assert.Equal([EscalationOutcome.BelowThreshold, EscalationOutcome.BelowThreshold, EscalationOutcome.Escalate], later);
    }

    [Fact]
    public async Task RecordAsync_RetryOfTheCrossing_EscalatesWithTheSameSignal()
    {
        var escalation = this.Escalation();
        await escalation.RecordAsync(this.Failure("p1", T0), CancellationToken.None);
        await escalation.RecordAsync(this.Failure("p2", T0.AddMinutes(1)), CancellationToken.None);
        var first = await escalation.RecordAsync(this.Failure("p3", T0.AddMinutes(2)), CancellationToken.None);

        var retry = await escalation.RecordAsync(this.Failure("p3", T0.AddMinutes(2)), CancellationToken.None);

        Assert.True(retry.ShouldEscalate);
        Assert.Equal(first.ToSignal(), retry.ToSignal());
    }

    [Fact]
    public async Task RecordAsync_ConcurrentFailuresOverTheThreshold_EscalateExactlyOnce()
    {
        var escalation = this.Escalation();
        await escalation.RecordAsync(this.Failure("p1", T0), CancellationToken.None);
        await escalation.RecordAsync(this.Failure("p2", T0.AddMinutes(1)), CancellationToken.None);

        var decisions = await Task.WhenAll(
            Enumerable.Range(3, 6).Select(i => escalation.RecordAsync(this.Failure($"p{i}", T0.AddMinutes(2)), CancellationToken.None)));

        Assert.Single(decisions, d => d.ShouldEscalate);
    }
}
