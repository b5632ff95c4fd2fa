using Marketplace.Domain.Events;
using Marketplace.Domain.Findings;
using Marketplace.Domain.Governance;
using Marketplace.Domain.Installation;
using Marketplace.Functions.Activities.Events;
using Marketplace.Functions.Activities.Governance;
using Marketplace.Functions.Activities.Installation;
using Marketplace.Functions.Orchestrations.Events;
using Marketplace.Functions.Orchestrations.Installation;

namespace Marketplace.Functions.Tests.Orchestrations;

/// <summary>
/// The installation saga's decisions, run directly against a mocked orchestration context: which activities it calls,
/// in what order, with what, what it reports, and what it ends with. The end-to-end behaviour (real target, journal,
/// rollback) is covered in the Installation tests.
/// </summary>
public sealed class InstallAssetOrchestratorTests
{
    private const string Record = nameof(RecordInstallationState);
    private const string Finish = nameof(FinishInstallation);

    private static readonly DateTime Now = new(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);
    private static readonly InstallAssetInput Input = new("inst-1", "contoso", "target-1", "contoso.widget", "^1.0.0");
    private static readonly CompatibilityVerdict Suits = new(true, []);
    private static readonly EvaluationResult Evaluated = new("1.2.0", Suits);
    private static readonly AssetVersionRef Widget = new("contoso.widget", "1.2.0");
    private static readonly AssetVersionRef Library = new("contoso.lib", "2.0.0");
    private static readonly AssetVersionRef Present = new("contoso.base", "1.0.0");
    private static readonly ResolveResult Resolved = new([Widget, Library, Present], [Widget, Library], [], null);
    private static readonly CheckResult Licensed = new([], "all free");
    private static readonly CheckResult Verified = new([], null);
    private static readonly ApplyResult Applied = new(
        [new AppliedFile("tools/widget.ps1", new string('a', 64), Widget.AssetId, Widget.Version),
         new AppliedFile("lib/lib.psm1", new string('b', 64), Library.AssetId, Library.Version)],
        4);

    private static readonly LicenseGrant Grant = new(
        Widget.AssetId, Widget.Version, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), null);

    private static readonly string[] ForwardSteps =
    [
        $"{Record}({InstallationStates.Evaluating})",
        nameof(EvaluateCompatibility),
        $"{Record}({InstallationStates.Resolving})",
        nameof(ResolveDependencies),
        $"{Record}({InstallationStates.LicenseCheck})",
        nameof(CheckLicenses),
        nameof(VerifyPackages),
        $"{Record}({InstallationStates.Applying})",
        nameof(ApplyInstallation),
        Finish,
        $"{Record}({InstallationStates.Installed})",
    ];

    [Fact]
    public async Task RunAsync_AllStepsSucceed_CallsStepsInOrderAndEndsInstalled()
    {
        var fake = NewSaga();

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.Installed, result.State);
        Assert.Empty(result.Findings);
        Assert.Equal(ForwardSteps, Steps(fake));
        Assert.Equal(new FinishInstallationInput(Input, true), Assert.Single(fake.InputsTo<FinishInstallationInput>(Finish)));
        var installed = Records(fake)[^1];
        Assert.Equal(InstallationStates.Installed, installed.State);
        Assert.Empty(installed.Findings!);
        Assert.Equal(Applied.Artifacts, installed.Update?.Artifacts);
        AssertNotCalled(fake, nameof(RollbackInstallation), nameof(RecordGovernanceFailure));
        AssertStepNumbersIncrease(fake);
    }

    [Fact]
    public async Task RunAsync_AllStepsSucceed_PassesEachStepItsInputAndRecordsWhatItLearnt()
    {
        var fake = NewSaga();

        await RunAsync(fake);

        Assert.Equal(Input, Assert.Single(fake.InputsTo<InstallAssetInput>(nameof(EvaluateCompatibility))));
        Assert.Equal(new ResolveInput(Input, Evaluated.Version!), Assert.Single(fake.InputsTo<ResolveInput>(nameof(ResolveDependencies))));
        var work = new InstallationWork(Input, Resolved.ToInstall);
        Assert.Equal(work, Assert.Single(fake.InputsTo<InstallationWork>(nameof(CheckLicenses))));
        Assert.Equal(work, Assert.Single(fake.InputsTo<InstallationWork>(nameof(VerifyPackages))));
        Assert.Equal(work, Assert.Single(fake.InputsTo<InstallationWork>(nameof(ApplyInstallation))));

        var records = Records(fake);
        Assert.All(records, r => Assert.Equal(Input.InstallationId, r.InstallationId));
        var resolving = records.Single(r => r.State == InstallationStates.Resolving);
        Assert.Equal((Evaluated.Version, Suits), (resolving.Update?.Version, resolving.Update?.Compatibility));
        Assert.Equal(Resolved.Resolved, records.Single(r => r.State == InstallationStates.LicenseCheck).Update?.Resolved);
        Assert.Equal(Licensed.Note, records.Single(r => r.State == InstallationStates.Applying).Note);
    }

    [Fact]
    public async Task RunAsync_AllStepsSucceed_EveryActivityCallHasARetryPolicy()
    {
        var fake = NewSaga();

        await RunAsync(fake);

        Assert.All(fake.Calls.Concat(fake.ReportingCalls), call => Assert.True(call.Options?.Retry?.Policy?.MaxNumberOfAttempts > 1, $"{call.Name} is called without retries"));
    }

    [Fact]
    public async Task RunAsync_AllStepsSucceed_EmitsEvaluatedResolvedAndInstalledEventsInOrder()
    {
        var fake = NewSaga();

        await RunAsync(fake);

        Assert.Equal([EventTypes.CompatibilityEvaluated, EventTypes.DependenciesResolved, EventTypes.AssetInstalled], EventTypesOf(fake));
        var events = Events(fake);
        Assert.All(events, e =>
        {
            Assert.Equal(EventSources.Installation, e.Source);
            Assert.Equal(EventSubjects.Installation(Input.InstallationId), e.Subject);
            Assert.Equal(Input.InstallationId, e.CorrelationId);
            Assert.Equal(Input.TenantId, e.TenantId);
        });
        Assert.Equal(events.Count, events.Select(e => e.Step).Distinct().Count());
        var installed = events[^1].Data;
        Assert.Equal(Evaluated.Version, installed.GetProperty("version").GetString());
        Assert.Equal(Applied.Artifacts.Count, installed.GetProperty("artifacts").GetInt32());
    }

    [Fact]
    public async Task RunAsync_LicenceCheckReturnsGrants_EmitsLicenseGrantedBeforeAssetInstalled()
    {
        var fake = NewSaga().Returns(nameof(CheckLicenses), Licensed with { Grants = [Grant] });

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.Installed, result.State);
        Assert.Equal(
            [EventTypes.CompatibilityEvaluated, EventTypes.DependenciesResolved, EventTypes.LicenseGranted, EventTypes.AssetInstalled],
            EventTypesOf(fake));
        var grants = Events(fake).Single(e => e.Type == EventTypes.LicenseGranted).Data.GetProperty("grants");
        Assert.Equal(Grant.AssetId, Assert.Single(grants.EnumerateArray()).GetProperty("assetId").GetString());
    }

    [Theory]
    [InlineData("1.2.0", false)]
    [InlineData(null, true)]
    [InlineData(null, false)]
    public async Task RunAsync_EvaluationSaysNo_FailsBeforeResolvingAndLeavesTheTargetAlone(string? version, bool compatible)
    {
        Finding reason = compatible
            ? Finding.Warning("install.prerelease", null, "Only a prerelease matches.")
            : Finding.Error("install.runtime", null, "The target's runtime is too old.");
        var verdict = new CompatibilityVerdict(compatible, [reason]);
        var fake = NewSaga(evaluation: new EvaluationResult(version, verdict));

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.Failed, result.State);
        Assert.Equal(reason, Assert.Single(result.Findings));
        Assert.Equal(
            [$"{Record}({InstallationStates.Evaluating})", nameof(EvaluateCompatibility), Finish, $"{Record}({InstallationStates.Failed})"],
            Steps(fake));
        Assert.Equal(new FinishInstallationInput(Input, false), Assert.Single(fake.InputsTo<FinishInstallationInput>(Finish)));
        var failed = Records(fake)[^1];
        Assert.Equal(verdict, failed.Update?.Compatibility);
        Assert.Equal("not compatible with the target", failed.Note);
        Assert.Equal([EventTypes.CompatibilityEvaluated, EventTypes.AssetInstallationFailed], EventTypesOf(fake));
        AssertNotCalled(fake, nameof(ResolveDependencies), nameof(ApplyInstallation), nameof(RollbackInstallation), nameof(RecordGovernanceFailure));
        AssertStepNumbersIncrease(fake);
    }

    [Theory]
    [InlineData("contoso.lib 2.0.0 needs contoso.base >= 2.0.0", "contoso.lib 2.0.0 needs contoso.base >= 2.0.0")]
    [InlineData(null, "the resolved set does not fit the target")]
    public async Task RunAsync_ResolutionFindsAConflict_FailsWithDependencyConflictDetectedAndAppliesNothing(string? explanation, string expectedNote)
    {
        var conflict = Finding.Error("install.dependency-conflict", null, "contoso.base 1.0.0 is installed; 2.0.0 is needed.");
        var fake = NewSaga(resolution: new ResolveResult([], [], [conflict], explanation));

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.Failed, result.State);
        Assert.Equal(conflict, Assert.Single(result.Findings));
        Assert.Equal([nameof(ResolveDependencies), Finish, $"{Record}({InstallationStates.Failed})"], Steps(fake).TakeLast(3));
        Assert.Equal(expectedNote, Records(fake)[^1].Note);
        Assert.Equal(conflict, Assert.Single(Records(fake)[^1].Findings!));
        Assert.False(Assert.Single(fake.InputsTo<FinishInstallationInput>(Finish)).Installed);
        Assert.Equal(
            [EventTypes.CompatibilityEvaluated, EventTypes.DependencyConflictDetected, EventTypes.AssetInstallationFailed],
            EventTypesOf(fake));
        AssertNotCalled(fake, nameof(CheckLicenses), nameof(VerifyPackages), nameof(ApplyInstallation), nameof(RollbackInstallation), nameof(RecordGovernanceFailure));
        AssertStepNumbersIncrease(fake);
    }

    [Fact]
    public async Task RunAsync_LicenceCheckFindsNoEntitlement_FailsWithoutGrantingOrApplying()
    {
        var missing = Finding.Error("license.missing", null, "No entitlement for contoso.lib.");
        var fake = NewSaga().Returns(nameof(CheckLicenses), new CheckResult([missing], null) { Grants = [Grant] });

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.Failed, result.State);
        Assert.Equal(missing, Assert.Single(result.Findings));
        Assert.Equal([nameof(CheckLicenses), Finish, $"{Record}({InstallationStates.Failed})"], Steps(fake).TakeLast(3));
        Assert.Equal("entitlement missing or expired", Records(fake)[^1].Note);
        Assert.False(Assert.Single(fake.InputsTo<FinishInstallationInput>(Finish)).Installed);
        Assert.Equal(
            [EventTypes.CompatibilityEvaluated, EventTypes.DependenciesResolved, EventTypes.AssetInstallationFailed],
            EventTypesOf(fake));
        AssertNotCalled(fake, nameof(VerifyPackages), nameof(ApplyInstallation), nameof(RollbackInstallation), nameof(RecordGovernanceFailure));
    }

    [Fact]
    public async Task RunAsync_PackageFailsVerification_FailsWithoutEnteringApplying()
    {
        var tampered = Finding.Error("package.tampered", "contoso.lib/2.0.0", "The package's hash does not match its signature.");
        var fake = NewSaga().Returns(nameof(VerifyPackages), new CheckResult([tampered], null));

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.Failed, result.State);
        Assert.Equal(tampered, Assert.Single(result.Findings));
        Assert.Equal([nameof(CheckLicenses), nameof(VerifyPackages), Finish, $"{Record}({InstallationStates.Failed})"], Steps(fake).TakeLast(4));
        Assert.Equal("a package failed verification", Records(fake)[^1].Note);
        Assert.DoesNotContain(Records(fake), r => r.State == InstallationStates.Applying);
        Assert.False(Assert.Single(fake.InputsTo<FinishInstallationInput>(Finish)).Installed);
        Assert.Equal(EventTypes.AssetInstallationFailed, EventTypesOf(fake)[^1]);
        AssertNotCalled(fake, nameof(ApplyInstallation), nameof(RollbackInstallation), nameof(RecordGovernanceFailure));
    }

    [Fact]
    public async Task RunAsync_ApplyFailsAfterRetries_RollsBackThenFinishesThenRecordsRolledBack()
    {
        var fake = NewSaga().Fails(nameof(ApplyInstallation), "disk full");

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.RolledBack, result.State);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("step.failed", finding.Code);
        Assert.True(finding.IsError);
        Assert.Contains(nameof(ApplyInstallation), finding.Message, StringComparison.Ordinal);
        Assert.Contains("disk full", finding.Message, StringComparison.Ordinal);
        Assert.Equal(
            [.. ForwardSteps.TakeWhile(s => s != Finish), nameof(RollbackInstallation), Finish, $"{Record}({InstallationStates.RolledBack})"],
            Steps(fake));
        var rollback = Assert.Single(fake.CallsTo(nameof(RollbackInstallation)));
        Assert.Equal(Input, rollback.Input);
        Assert.True(rollback.Options?.Retry?.Policy?.MaxNumberOfAttempts > 1, "the rollback is called without retries");
        Assert.False(Assert.Single(fake.InputsTo<FinishInstallationInput>(Finish)).Installed);

        var rolledBack = Records(fake)[^1];
        Assert.Equal(finding, Assert.Single(rolledBack.Findings!));
        Assert.Equal("target restored", rolledBack.Note);
        AssertStepNumbersIncrease(fake);

        Assert.Equal(
            [EventTypes.CompatibilityEvaluated, EventTypes.DependenciesResolved, EventTypes.AssetInstallationFailed],
            EventTypesOf(fake));
        Assert.Equal(InstallationStates.RolledBack, Events(fake)[^1].Data.GetProperty("state").GetString());
        var governance = Assert.Single(fake.InputsTo<GovernanceFailureInput>(nameof(RecordGovernanceFailure)));
        Assert.Equal(FailureKind.InstallationRollback, governance.Kind);
        Assert.Equal(new GovernanceSubject(GovernanceSubjectType.Asset, Input.AssetId), Assert.Single(governance.Subjects));
        Assert.StartsWith($"{Input.InstallationId}/", governance.OccurrenceId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ApplyAndRollbackBothFail_EndsFailedNotingTheRollbackIncomplete()
    {
        var fake = NewSaga().Fails(nameof(ApplyInstallation), "disk full").Fails(nameof(RollbackInstallation), "journal unreadable");

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.Failed, result.State);
        Assert.Equal(["step.failed", "rollback.incomplete"], result.Findings.Select(f => f.Code));
        var governance = Assert.Single(fake.InputsTo<GovernanceFailureInput>(nameof(RecordGovernanceFailure)));
        Assert.Equal(FailureKind.InstallationRollback, governance.Kind);
        Assert.Equal(
            [nameof(ApplyInstallation), nameof(RollbackInstallation), Finish, $"{Record}({InstallationStates.Failed})"],
            Steps(fake).TakeLast(4));
        Assert.False(Assert.Single(fake.InputsTo<FinishInstallationInput>(Finish)).Installed);
        var note = Records(fake)[^1].Note;
        Assert.StartsWith("rollback incomplete", note, StringComparison.Ordinal);
        Assert.Contains($"{nameof(RollbackInstallation)}: ", note, StringComparison.Ordinal);
        Assert.Contains("journal unreadable", note, StringComparison.Ordinal);
        Assert.Equal(EventTypes.AssetInstallationFailed, EventTypesOf(fake)[^1]);
    }

    [Theory]
    [InlineData(nameof(EvaluateCompatibility))]
    [InlineData(nameof(ResolveDependencies))]
    [InlineData(nameof(CheckLicenses))]
    [InlineData(nameof(VerifyPackages))]
    public async Task RunAsync_StepBeforeApplyingFailsAfterRetries_EndsFailedWithNothingChangedAndNoRollback(string failing)
    {
        var fake = NewSaga().Fails(failing, "store unavailable");

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.Failed, result.State);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("step.failed", finding.Code);
        Assert.Contains(failing, finding.Message, StringComparison.Ordinal);
        Assert.Contains("store unavailable", finding.Message, StringComparison.Ordinal);
        Assert.Equal(
            [.. ForwardSteps.TakeWhile(s => s != failing), failing, Finish, $"{Record}({InstallationStates.Failed})"],
            Steps(fake));
        Assert.False(Assert.Single(fake.InputsTo<FinishInstallationInput>(Finish)).Installed);
        var failed = Records(fake)[^1];
        Assert.Equal("nothing changed", failed.Note);
        Assert.Equal(finding, Assert.Single(failed.Findings!));
        Assert.Equal(EventTypes.AssetInstallationFailed, EventTypesOf(fake)[^1]);
        AssertNotCalled(fake, nameof(ApplyInstallation), nameof(RollbackInstallation), nameof(RecordGovernanceFailure));
        AssertStepNumbersIncrease(fake);
    }

    [Fact]
    public async Task RunAsync_EventTransportStaysDown_StillEndsInstalled()
    {
        var fake = NewSaga().Fails(nameof(EmitEvent), "event grid unavailable");

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.Installed, result.State);
        Assert.Empty(result.Findings);
        Assert.Equal(ForwardSteps, Steps(fake));
        Assert.Equal([EventTypes.CompatibilityEvaluated, EventTypes.DependenciesResolved, EventTypes.AssetInstalled], EventTypesOf(fake));
        AssertNotCalled(fake, nameof(RollbackInstallation));
    }

    [Fact]
    public async Task RunAsync_ApplyFailsAndReportingStaysDown_StillEndsRolledBack()
    {
        var fake = NewSaga()
            .Fails(nameof(ApplyInstallation))
            .Fails(nameof(EmitEvent), "event grid unavailable")
            .Fails(nameof(RecordGovernanceFailure), "governance store unavailable");

        var result = await RunAsync(fake);

        Assert.Equal(InstallationStates.RolledBack, result.State);
        Assert.Equal($"{Record}({InstallationStates.RolledBack})", Steps(fake)[^1]);
        Assert.Single(fake.CallsTo(nameof(RecordGovernanceFailure)));
    }

    private static FakeOrchestrationContext NewSaga(EvaluationResult? evaluation = null, ResolveResult? resolution = null) =>
        new FakeOrchestrationContext(Input.InstallationId, Now)
            .WithInput(Input)
            .Returns(nameof(EvaluateCompatibility), evaluation ?? Evaluated)
            .Returns(nameof(ResolveDependencies), resolution ?? Resolved)
            .Returns(nameof(CheckLicenses), Licensed)
            .Returns(nameof(VerifyPackages), Verified)
            .Returns(nameof(ApplyInstallation), Applied);

    private static Task<InstallAssetResult> RunAsync(FakeOrchestrationContext fake) =>
        InstallAssetOrchestrator.RunAsync(fake.Context).WaitAsync(TimeSpan.FromSeconds(10));

    private static List<RecordInstallationStateInput> Records(FakeOrchestrationContext fake) =>
        fake.InputsTo<RecordInstallationStateInput>(Record).ToList();

    private static List<EmitEventInput> Events(FakeOrchestrationContext fake) =>
        fake.InputsTo<EmitEventInput>(nameof(EmitEvent)).ToList();

    private static List<string> EventTypesOf(FakeOrchestrationContext fake) => Events(fake).Select(e => e.Type).ToList();

    /// <summary>The step activity names in call order, with the state for each RecordInstallationState.</summary>
    private static List<string> Steps(FakeOrchestrationContext fake) =>
        fake.Calls.Select(c => c.Input is RecordInstallationStateInput r ? $"{c.Name}({r.State})" : c.Name).ToList();

    private static void AssertStepNumbersIncrease(FakeOrchestrationContext fake)
    {
        var numbers = Records(fake).Select(r => r.Step).ToList();
        Assert.True(numbers.Count > 1, "expected several state records");
        Assert.All(numbers.Zip(numbers.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"step {pair.Second} follows step {pair.First}"));
    }

    private static void AssertNotCalled(FakeOrchestrationContext fake, params string[] activities) =>
        Assert.All(activities, activity => Assert.Empty(fake.CallsTo(activity)));
}
