using Marketplace.Domain.Catalog;
using Marketplace.Domain.Findings;
using Marketplace.Functions.Activities.Publishing;
using Marketplace.Functions.Orchestrations.Publishing;

namespace Marketplace.Functions.Tests.Orchestrations;

/// <summary>
/// The publishing saga's decisions, run directly against a mocked orchestration context: which activities it calls,
/// in what order, with what, and what it ends with. The end-to-end behaviour is covered in the Publishing tests.
/// </summary>
public sealed class PublishAssetOrchestratorTests
{
    private const string Record = nameof(RecordPublicationState);

    private static readonly DateTime Now = new(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);
    private static readonly PublishAssetInput Input = new("pub-1", "contoso", null, "sha-abc", TimeSpan.FromHours(48));
    private static readonly PackageFacts Facts = new("contoso.widget", "1.2.0", "contoso", "tool", "Widget", "A widget.", ["demo"], "{}");
    private static readonly VersionRef Claimed = new("pub-1", "contoso.widget", "1.2.0", "sha-abc");
    private static readonly SignPackageOutput Signature = new("sig-base64", "key-7");
    private static readonly PolicyGateOutput Restricted = new([Finding.Warning("publisher.restricted", null, "Restricted publisher.")], true, "restricted");

    private static readonly string[] Scans =
        [nameof(ScanPackageStructure), nameof(ScanPackageStatic), nameof(ScanPackageSecurity), nameof(ScanPackagePolicy)];

    private static readonly string[] ForwardSteps =
    [
        $"{Record}({PublicationStates.Scanning})",
        .. Scans,
        nameof(ReadPackageFacts),
        nameof(CheckPublishingPolicy),
        $"{Record}({PublicationStates.Signing})",
        nameof(SignPackage),
        $"{Record}({PublicationStates.Indexing})",
        nameof(RecordVersion),
        nameof(ReleasePackage),
        nameof(MarkVersionAvailable),
        nameof(IndexAsset),
        $"{Record}({PublicationStates.Available})",
    ];

    [Fact]
    public async Task RunAsync_AllStepsSucceed_CallsStepsInOrderAndEndsAvailable()
    {
        var fake = NewSaga();

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Available, result.State);
        Assert.Empty(result.Findings);
        Assert.Equal(ForwardSteps, Steps(fake));
        AssertStepNumbersIncrease(fake);
    }

    [Fact]
    public async Task RunAsync_AllStepsSucceed_PassesEachStepItsInput()
    {
        var fake = NewSaga();

        await RunAsync(fake);

        var scanInput = new ScanPackageInput(Input.PublicationId, Input.ContentHash, Input.PublisherId, Input.ExpectedAssetId);
        Assert.All(Scans, scan => Assert.Equal(scanInput, Assert.Single(fake.InputsTo<ScanPackageInput>(scan))));
        Assert.Equal(scanInput, Assert.Single(fake.InputsTo<ScanPackageInput>(nameof(ReadPackageFacts))));
        Assert.Equal(
            new PolicyGateInput(Input.PublicationId, Input.PublisherId, Facts.AssetId, Facts.Version, Input.ContentHash),
            Assert.Single(fake.InputsTo<PolicyGateInput>(nameof(CheckPublishingPolicy))));
        Assert.Equal(new SignPackageInput(Input.PublisherId, Input.ContentHash), Assert.Single(fake.InputsTo<SignPackageInput>(nameof(SignPackage))));
        Assert.Equal(
            new RecordVersionInput(Input.PublicationId, Input.ContentHash, Facts, Signature),
            Assert.Single(fake.InputsTo<RecordVersionInput>(nameof(RecordVersion))));
        Assert.Equal(Claimed, Assert.Single(fake.InputsTo<VersionRef>(nameof(ReleasePackage))));
        Assert.Equal(Claimed, Assert.Single(fake.InputsTo<VersionRef>(nameof(MarkVersionAvailable))));
        Assert.Equal(Facts.AssetId, Assert.Single(fake.InputsTo<string>(nameof(IndexAsset))));

        var signing = Records(fake).Single(r => r.State == PublicationStates.Signing);
        Assert.Equal((Facts.AssetId, Facts.Version), (signing.AssetId, signing.Version));
        Assert.Contains(Signature.SigningKeyId, Records(fake).Single(r => r.State == PublicationStates.Indexing).Note, StringComparison.Ordinal);
        Assert.All(Records(fake), r => Assert.Equal(Input.PublicationId, r.PublicationId));
    }

    [Fact]
    public async Task RunAsync_AllStepsSucceed_EveryActivityCallHasARetryPolicy()
    {
        var fake = NewSaga();

        await RunAsync(fake);

        Assert.All(fake.Calls.Concat(fake.ReportingCalls), call => Assert.True(call.Options?.Retry?.Policy?.MaxNumberOfAttempts > 1, $"{call.Name} is called without retries"));
    }

    [Fact]
    public async Task RunAsync_ScansReportTheSameWarning_EndsAvailableWithTheWarningOnce()
    {
        var warning = Finding.Warning("readme.missing", null, "No README.");
        var fake = NewSaga()
            .Returns(nameof(ScanPackageStructure), new ScanPackageOutput("structure", [warning]))
            .Returns(nameof(ScanPackagePolicy), new ScanPackageOutput("policy", [warning]));

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Available, result.State);
        Assert.Equal(warning, Assert.Single(result.Findings));
    }

    [Fact]
    public async Task RunAsync_ScanFindsAnError_RejectsWithoutClaimingSigningOrReleasing()
    {
        var error = Finding.Error("entry.zip-slip", "../evil", "Entry escapes the package.");
        var warning = Finding.Warning("readme.missing", null, "No README.");
        var fake = NewSaga()
            .Returns(nameof(ScanPackageSecurity), new ScanPackageOutput("security", [error]))
            .Returns(nameof(ScanPackageStatic), new ScanPackageOutput("static", [warning]));

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Rejected, result.State);
        Assert.Equal([warning, error], result.Findings.OrderBy(f => f.Severity == FindingSeverity.Error));
        Assert.Equal([$"{Record}({PublicationStates.Scanning})", .. Scans, $"{Record}({PublicationStates.Rejected})"], Steps(fake));
        var rejected = Records(fake)[^1];
        Assert.Contains(error, rejected.Findings!);
        Assert.Null(rejected.AssetId);
        AssertNotCalled(fake, nameof(SignPackage), nameof(RecordVersion), nameof(ReleasePackage), nameof(WithdrawVersion));
        AssertStepNumbersIncrease(fake);
    }

    [Fact]
    public async Task RunAsync_PolicyGateRefuses_RejectsAndWithdrawsTheClaimedVersion()
    {
        var refusal = Finding.Error("asset.owner", null, "Asset belongs to someone else.");
        var fake = NewSaga(gate: new PolicyGateOutput([refusal], false, "verified"));

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Rejected, result.State);
        Assert.Contains(refusal, result.Findings);
        Assert.Equal(
            [nameof(CheckPublishingPolicy), nameof(WithdrawVersion), $"{Record}({PublicationStates.Rejected})"],
            Steps(fake).TakeLast(3));
        Assert.Equal(Claimed, Assert.Single(fake.InputsTo<VersionRef>(nameof(WithdrawVersion))));
        var rejected = Records(fake)[^1];
        Assert.Equal((Facts.AssetId, Facts.Version), (rejected.AssetId, rejected.Version));
        AssertNotCalled(fake, nameof(SignPackage), nameof(RecordVersion), nameof(ReleasePackage));
    }

    [Fact]
    public async Task RunAsync_RestrictedPublisherApproved_WaitsForTheDecisionThenEndsAvailable()
    {
        var fake = NewSaga(gate: Restricted)
            .RaisesEvent(PublishAssetOrchestrator.ReviewDecisionEvent, new ReviewDecision(true, null, "governance@contoso"));

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Available, result.State);
        Assert.Equal(Restricted.Findings, result.Findings);
        Assert.Equal(
            [.. ForwardSteps.Take(7), $"{Record}({PublicationStates.AwaitingApproval})", .. ForwardSteps.Skip(7)],
            Steps(fake));
        var awaiting = Records(fake).Single(r => r.State == PublicationStates.AwaitingApproval);
        Assert.Equal(Restricted.Findings, awaiting.Findings);
        Assert.Contains("restricted", awaiting.Note, StringComparison.Ordinal);
        var timer = Assert.Single(fake.Timers);
        Assert.Equal(Now + Input.ReviewWindow, timer.FireAt);
        Assert.True(timer.Token.IsCancellationRequested, "the review timer is left running after the decision");
        AssertStepNumbersIncrease(fake);
    }

    [Fact]
    public async Task RunAsync_RestrictedPublisherRejected_RejectsWithReviewRejectedAndWithdrawsTheVersion()
    {
        var fake = NewSaga(gate: Restricted)
            .RaisesEvent(PublishAssetOrchestrator.ReviewDecisionEvent, new ReviewDecision(false, "Uses a private API.", "reviewer-9"));

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Rejected, result.State);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("review.rejected", "Uses a private API."), (finding.Code, finding.Message));
        Assert.True(finding.IsError);
        Assert.Equal(
            [$"{Record}({PublicationStates.AwaitingApproval})", nameof(WithdrawVersion), $"{Record}({PublicationStates.Rejected})"],
            Steps(fake).TakeLast(3));
        Assert.Contains("reviewer-9", Records(fake)[^1].Note, StringComparison.Ordinal);
        Assert.Equal(Claimed, Assert.Single(fake.InputsTo<VersionRef>(nameof(WithdrawVersion))));
        AssertNotCalled(fake, nameof(SignPackage), nameof(RecordVersion), nameof(ReleasePackage));
    }

    [Fact]
    public async Task RunAsync_ReviewWindowEndsWithoutDecision_RejectsWithReviewTimedOutAndWithdrawsTheVersion()
    {
        var fake = NewSaga(gate: Restricted).NeverRaisesEvent<ReviewDecision>(PublishAssetOrchestrator.ReviewDecisionEvent);
        fake.TimerFires = true;

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Rejected, result.State);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("review.timed-out", finding.Code);
        Assert.True(finding.IsError);
        Assert.Equal(
            [$"{Record}({PublicationStates.AwaitingApproval})", nameof(WithdrawVersion), $"{Record}({PublicationStates.Rejected})"],
            Steps(fake).TakeLast(3));
        Assert.Equal(Claimed, Assert.Single(fake.InputsTo<VersionRef>(nameof(WithdrawVersion))));
        Assert.True(Assert.Single(fake.EventWaits).Token.IsCancellationRequested, "the event wait is left pending after the timeout");
        AssertNotCalled(fake, nameof(SignPackage), nameof(RecordVersion), nameof(ReleasePackage));
    }

    [Theory]
    [InlineData(nameof(ReadPackageFacts), new string[0])]
    [InlineData(nameof(SignPackage), new[] { nameof(WithdrawVersion) })]
    [InlineData(nameof(RecordVersion), new[] { nameof(WithdrawVersion) })]
    [InlineData(nameof(ReleasePackage), new[] { nameof(WithdrawReleasedPackage), nameof(WithdrawVersion) })]
    [InlineData(nameof(MarkVersionAvailable), new[] { nameof(WithdrawReleasedPackage), nameof(WithdrawVersion) })]
    [InlineData(nameof(IndexAsset), new[] { nameof(WithdrawReleasedPackage), nameof(WithdrawVersion) })]
    public async Task RunAsync_StepFailsAfterRetries_UndoesCompletedStepsNewestFirstAndEndsFailed(string failing, string[] undos)
    {
        var fake = NewSaga().Fails(failing, "disk on fire");

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Failed, result.State);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("step.failed", finding.Code);
        Assert.Contains(failing, finding.Message, StringComparison.Ordinal);
        Assert.Contains("disk on fire", finding.Message, StringComparison.Ordinal);

        var steps = Steps(fake);
        var failedAt = steps.ToList().IndexOf(failing);
        Assert.Equal(ForwardSteps.TakeWhile(s => s != failing), steps.Take(failedAt));
        Assert.Equal([.. undos, $"{Record}({PublicationStates.Failed})"], steps.Skip(failedAt + 1));
        Assert.All(undos, undo => Assert.Equal(Claimed, Assert.Single(fake.InputsTo<VersionRef>(undo))));

        var failed = Records(fake)[^1];
        Assert.Equal(finding, Assert.Single(failed.Findings!));
        Assert.Equal("compensated", failed.Note);
        AssertStepNumbersIncrease(fake);
    }

    [Fact]
    public async Task RunAsync_ScanFailsAfterRetries_EndsFailedWithNothingToUndo()
    {
        var fake = NewSaga().Fails(nameof(ScanPackageSecurity));

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Failed, result.State);
        Assert.Equal([$"{Record}({PublicationStates.Scanning})", .. Scans, $"{Record}({PublicationStates.Failed})"], Steps(fake));
        Assert.Equal("compensated", Records(fake)[^1].Note);
    }

    [Theory]
    [InlineData(nameof(WithdrawReleasedPackage))]
    [InlineData(nameof(WithdrawVersion))]
    public async Task RunAsync_UndoFailsToo_RunsTheOtherUndosAndNotesCompensationIncomplete(string brokenUndo)
    {
        var fake = NewSaga().Fails(nameof(IndexAsset)).Fails(brokenUndo, "store unavailable");

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Failed, result.State);
        Assert.Equal("step.failed", Assert.Single(result.Findings).Code);
        Assert.Equal(
            [nameof(IndexAsset), nameof(WithdrawReleasedPackage), nameof(WithdrawVersion), $"{Record}({PublicationStates.Failed})"],
            Steps(fake).TakeLast(4));
        var note = Records(fake)[^1].Note;
        Assert.StartsWith("compensation incomplete", note, StringComparison.Ordinal);
        Assert.Contains($"{brokenUndo}: ", note, StringComparison.Ordinal);
        Assert.Contains("store unavailable", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EveryUndoFails_StillRecordsFailedNamingBoth()
    {
        var fake = NewSaga()
            .Fails(nameof(MarkVersionAvailable))
            .Fails(nameof(WithdrawReleasedPackage))
            .Throws(nameof(WithdrawVersion), () => new InvalidOperationException("catalogue gone"));

        var result = await RunAsync(fake);

        Assert.Equal(PublicationStates.Failed, result.State);
        Assert.Equal($"{Record}({PublicationStates.Failed})", Steps(fake)[^1]);
        var note = Records(fake)[^1].Note;
        Assert.Contains($"{nameof(WithdrawReleasedPackage)}: ", note, StringComparison.Ordinal);
        Assert.Contains($"{nameof(WithdrawVersion)}: catalogue gone", note, StringComparison.Ordinal);
    }

    private static FakeOrchestrationContext NewSaga(PolicyGateOutput? gate = null)
    {
        var fake = new FakeOrchestrationContext(Input.PublicationId, Now).WithInput(Input);
        foreach (var scan in Scans)
        {
            fake.Returns(scan, new ScanPackageOutput(scan, []));
        }

        return fake
            .Returns(nameof(ReadPackageFacts), Facts)
            .Returns(nameof(CheckPublishingPolicy), gate ?? new PolicyGateOutput([], false, "verified"))
            .Returns(nameof(SignPackage), Signature);
    }

    private static Task<PublishAssetResult> RunAsync(FakeOrchestrationContext fake) =>
        PublishAssetOrchestrator.RunAsync(fake.Context).WaitAsync(TimeSpan.FromSeconds(10));

    private static List<RecordPublicationStateInput> Records(FakeOrchestrationContext fake) =>
        fake.InputsTo<RecordPublicationStateInput>(Record).ToList();

    /// <summary>The activity names in call order, with the state for each RecordPublicationState.</summary>
    private static List<string> Steps(FakeOrchestrationContext fake) =>
        fake.Calls.Select(c => c.Input is RecordPublicationStateInput r ? $"{c.Name}({r.State})" : c.Name).ToList();

    private static void AssertStepNumbersIncrease(FakeOrchestrationContext fake)
    {
        var numbers = Records(fake).Select(r => r.Step).ToList();
        Assert.True(numbers.Count > 1, "expected several state records");
        Assert.All(numbers.Zip(numbers.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"step {pair.Second} follows step {pair.First}"));
    }

    private static void AssertNotCalled(FakeOrchestrationContext fake, params string[] activities) =>
        Assert.All(activities, activity => Assert.Empty(fake.CallsTo(activity)));
}
