using System.Text.Json;
using Marketplace.Domain.Events;
using Marketplace.Domain.Governance;

namespace Marketplace.Infrastructure.Tests.Governance;

public class EscalationEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly EscalationEvaluator evaluator = new(new EscalationOptions());

    private static FailureOccurrence Failure(string id, DateTimeOffset at, FailureKind kind = FailureKind.PublicationFailure, GovernanceSubjectType type = GovernanceSubjectType.Asset) =>
        new(kind, type, "contoso.http-api", id, at);

    private static EscalationMark Mark(string occurrenceId, DateTimeOffset at) => new(occurrenceId, at, "etag");

    [Theory]
    [InlineData(1, EscalationOutcome.BelowThreshold)]
    [InlineData(2, EscalationOutcome.BelowThreshold)]
    [InlineData(3, EscalationOutcome.Escalate)]
    [InlineData(4, EscalationOutcome.Escalate)]
    public void Evaluate_NoPreviousEscalation_CrossesAtThreshold(int count, EscalationOutcome expected)
    {
        Assert.Equal(expected, this.evaluator.Evaluate(Failure("f", T0), count, previous: null).Outcome);
    }

    [Fact]
    public void Evaluate_PreviousEscalationWithinWindow_AlreadyEscalated()
    {
        var decision = this.evaluator.Evaluate(Failure("f4", T0.AddMinutes(59)), 4, Mark("f3", T0));

        Assert.Equal(EscalationOutcome.AlreadyEscalated, decision.Outcome);
    }

    [Fact]
    public void Evaluate_PreviousEscalationAWindowAgo_EscalatesAgain()
    {
        var decision = this.evaluator.Evaluate(Failure("f9", T0.AddHours(1)), 3, Mark("f3", T0));

        Assert.Equal(EscalationOutcome.Escalate, decision.Outcome);
    }

    [Fact]
    public void Evaluate_OlderOccurrenceArrivingLate_AlreadyEscalated()
    {
        Assert.Equal(EscalationOutcome.AlreadyEscalated, this.evaluator.Evaluate(Failure("late", T0.AddMinutes(-5)), 3, Mark("f3", T0)).Outcome);
    }

    [Fact]
    public void Evaluate_RetryOfTheCrossingOccurrence_EscalatesWithTheSameSignalId()
    {
        var crossing = Failure("f3", T0);
        var first = this.evaluator.Evaluate(crossing, 3, null);

        var retry = this.evaluator.Evaluate(crossing, 4, Mark("f3", T0));

        Assert.Equal(EscalationOutcome.Escalate, retry.Outcome);
        Assert.Equal(first.ToSignal().Id, retry.ToSignal().Id);
    }

    [Fact]
    public void Evaluate_RollbacksPerPublisher_NoRule()
    {
        var decision = this.evaluator.Evaluate(Failure("f", T0, FailureKind.InstallationRollback, GovernanceSubjectType.Publisher), 100, null);

        Assert.Equal(EscalationOutcome.NoRule, decision.Outcome);
    }

    [Fact]
    public void Evaluate_DisabledRule_NoRule()
    {
        var options = new EscalationOptions();
        options.PublicationFailurePerAsset.Enabled = false;

        Assert.Equal(EscalationOutcome.NoRule, new EscalationEvaluator(options).Evaluate(Failure("f", T0), 100, null).Outcome);
    }

    [Fact]
    public void Evaluate_PublisherRule_UsesItsOwnThreshold()
    {
        var options = new EscalationOptions();
        var evaluator = new EscalationEvaluator(options);
        var failure = Failure("f", T0, type: GovernanceSubjectType.Publisher);

        Assert.Equal(EscalationOutcome.BelowThreshold, evaluator.Evaluate(failure, options.PublicationFailurePerPublisher.Threshold - 1, null).Outcome);
        Assert.Equal(EscalationOutcome.Escalate, evaluator.Evaluate(failure, options.PublicationFailurePerPublisher.Threshold, null).Outcome);
    }

    [Fact]
    public void ToSignal_Escalation_CarriesSubjectCountWindowAndAction()
    {
        var signal = this.evaluator.Evaluate(Failure("f3", T0), 3, null).ToSignal();

        Assert.Equal(GovernanceSubjectType.Asset, signal.SubjectType);
        Assert.Equal("contoso.http-api", signal.SubjectId);
        Assert.Equal(FailureKind.PublicationFailure, signal.Kind);
        Assert.Equal(3, signal.Count);
        Assert.Equal(TimeSpan.FromHours(1), signal.Window);
        Assert.Equal(EscalationAction.SuspendAsset, signal.Action);
        Assert.Equal(T0, signal.RaisedAt);
        Assert.Contains("3 publication failures of asset 'contoso.http-api'", signal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSignal_OtherOccurrence_OtherId()
    {
        Assert.NotEqual(
            this.evaluator.Evaluate(Failure("f3", T0), 3, null).ToSignal().Id,
            this.evaluator.Evaluate(Failure("f4", T0), 3, null).ToSignal().Id);
    }

    [Fact]
    public void ToSignal_BelowThreshold_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => this.evaluator.Evaluate(Failure("f", T0), 1, null).ToSignal());
    }

    [Fact]
    public void Validate_ZeroThreshold_Throws()
    {
        var options = new EscalationOptions();
        options.InstallationRollbackPerAsset.Threshold = 0;

        Assert.Throws<InvalidOperationException>(options.Validate);
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        new EscalationOptions().Validate();

        Assert.Equal(3, new EscalationOptions().PublicationFailurePerAsset.Threshold);
    }

    [Fact]
    public void ToSignal_AsEventData_UsesTheDocumentedWireNames()
    {
        var signal = this.evaluator.Evaluate(Failure("f3", T0), 3, null).ToSignal();

        var data = EventEnvelopeJson.ToElement(signal);

        Assert.Equal("asset", data.GetProperty("subjectType").GetString());
        Assert.Equal("publication-failure", data.GetProperty("kind").GetString());
        Assert.Equal("suspend-asset", data.GetProperty("action").GetString());
        Assert.Equal("01:00:00", data.GetProperty("window").GetString());
        Assert.Equal(JsonValueKind.Number, data.GetProperty("count").ValueKind);
    }
}
