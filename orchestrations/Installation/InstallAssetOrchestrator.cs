using Marketplace.Domain.Events;
using Marketplace.Domain.Findings;
using Marketplace.Domain.Governance;
using Marketplace.Domain.Installation;
using Marketplace.Functions.Orchestrations.Events;
using Marketplace.Functions.Activities.Installation;
using Marketplace.Functions.Orchestrations.Sagas;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Orchestrations.Installation;

/// <summary>
/// The installation saga: Evaluating, Resolving, LicenseCheck, Applying, Installed. Anything before Applying that says
/// no ends Failed with the target untouched; a failure while applying rolls the target back exactly (RolledBack).
/// </summary>
public static class InstallAssetOrchestrator
{
    /// <summary>Runs one installation.</summary>
    [Function(nameof(InstallAssetOrchestrator))]
    public static async Task<InstallAssetResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<InstallAssetInput>() ?? throw new InvalidOperationException("The installation saga needs its input.");
        var logger = context.CreateReplaySafeLogger(nameof(InstallAssetOrchestrator));
        var events = new SagaEvents(context, EventSources.Installation, input.TenantId);
        var subject = EventSubjects.Installation(input.InstallationId);
        var step = 0;
        Task Record(string state, IReadOnlyList<Finding>? findings = null, string? note = null, InstallationUpdate? update = null) =>
            context.CallActivityAsync(nameof(RecordInstallationState),
                new RecordInstallationStateInput(input.InstallationId, ++step, state, findings, note, update), SagaRetries.Step);

        // The steps decide the outcome; the ending (commit or not, unlock, events, counts, and last the terminal record)
        // runs once, outside the try, so a failure while ending can never roll back a committed installation.
        var outcome = await RunStepsAsync(context, input, events, subject, Record, logger);
        await context.CallActivityAsync(nameof(FinishInstallation), new FinishInstallationInput(input, outcome.State == InstallationStates.Installed), SagaRetries.Undo);
        if (outcome.State == InstallationStates.Installed)
        {
            if (outcome.Grants.Count > 0)
            {
                await events.EmitAsync(EventTypes.LicenseGranted, subject, "license-granted", new { input.InstallationId, input.TenantId, outcome.Grants });
            }

            await events.EmitAsync(EventTypes.AssetInstalled, subject, "asset-installed", new
            {
                input.InstallationId, input.TenantId, input.TargetId, input.AssetId, version = outcome.Version,
                outcome.Resolved, installedNow = outcome.ToInstall, artifacts = outcome.Update?.Artifacts?.Count ?? 0,
            });
        }
        else
        {
            await events.EmitAsync(EventTypes.AssetInstallationFailed, subject, "installation-failed", new
            {
                input.InstallationId, input.TenantId, input.TargetId, input.AssetId, requested = input.VersionRange, outcome.State, outcome.Note, outcome.Findings,
            });
        }

        if (outcome.ApplyBegan)
        {
            // Rollbacks count toward escalation, incomplete ones too (they are the worse case).
            await events.RecordFailureAsync(FailureKind.InstallationRollback, new GovernanceSubject(GovernanceSubjectType.Asset, input.AssetId));
        }

        await Record(outcome.State, outcome.Findings, outcome.Note, outcome.Update);
        return new InstallAssetResult(outcome.State, outcome.Findings);
    }

    private static async Task<Outcome> RunStepsAsync(
        TaskOrchestrationContext context, InstallAssetInput input, SagaEvents events, string subject,
        Func<string, IReadOnlyList<Finding>?, string?, InstallationUpdate?, Task> record, ILogger logger)
    {
        var undo = new SagaCompensation();
        string? version = null;
        try
        {
            await record(InstallationStates.Evaluating, null, null, null);
            var evaluation = await context.CallActivityAsync<EvaluationResult>(nameof(EvaluateCompatibility), input, SagaRetries.Step);
            await events.EmitAsync(EventTypes.CompatibilityEvaluated, subject, "compatibility-evaluated", new
            {
                input.InstallationId, input.TenantId, input.TargetId, input.AssetId, version = evaluation.Version,
                evaluation.Verdict.Compatible, evaluation.Verdict.Reasons,
            });
            if (evaluation.Version is null || !evaluation.Verdict.Compatible)
            {
                return Outcome.Failed(evaluation.Verdict.Reasons, "not compatible with the target", new InstallationUpdate(Compatibility: evaluation.Verdict));
            }

            version = evaluation.Version;
            await record(InstallationStates.Resolving, null, $"{input.AssetId} {version} suits the target",
                new InstallationUpdate(Version: version, Compatibility: evaluation.Verdict));
            var resolution = await context.CallActivityAsync<ResolveResult>(nameof(ResolveDependencies), new ResolveInput(input, version), SagaRetries.Step);
            if (resolution.Findings.Count > 0)
            {
                await events.EmitAsync(EventTypes.DependencyConflictDetected, subject, "dependency-conflict", new
                {
                    input.InstallationId, input.AssetId, version, resolution.Findings, resolution.Explanation,
                });
                return Outcome.Failed(resolution.Findings, resolution.Explanation ?? "the resolved set does not fit the target");
            }

            await events.EmitAsync(EventTypes.DependenciesResolved, subject, "dependencies-resolved", new
            {
                input.InstallationId, input.AssetId, version, resolution.Resolved, resolution.ToInstall,
            });
            var work = new InstallationWork(input, resolution.ToInstall);
            await record(InstallationStates.LicenseCheck, null, $"{resolution.ToInstall.Count} to install", new InstallationUpdate(Resolved: resolution.Resolved));
            var licences = await context.CallActivityAsync<CheckResult>(nameof(CheckLicenses), work, SagaRetries.Step);
            if (licences.Findings.Count > 0)
            {
                return Outcome.Failed(licences.Findings, "entitlement missing or expired");
            }

            var verification = await context.CallActivityAsync<CheckResult>(nameof(VerifyPackages), work, SagaRetries.Step);
            if (verification.Findings.Count > 0)
            {
                return Outcome.Failed(verification.Findings, "a package failed verification");
            }

            await record(InstallationStates.Applying, null, licences.Note, null);
            undo.Push(nameof(RollbackInstallation), () => context.CallActivityAsync(nameof(RollbackInstallation), input, SagaRetries.Undo));
            var applied = await context.CallActivityAsync<ApplyResult>(nameof(ApplyInstallation), work, SagaRetries.Step);
            return new Outcome(InstallationStates.Installed, [], $"{applied.Artifacts.Count} files applied", new InstallationUpdate(Artifacts: applied.Artifacts))
            {
                Version = version, Resolved = resolution.Resolved, ToInstall = resolution.ToInstall, Grants = licences.Grants,
            };
        }
        catch (TaskFailedException ex)
        {
            logger.LogWarning("Installation {InstallationId} failed at {Task}: {Message}", input.InstallationId, ex.TaskName, ex.FailureDetails.ErrorMessage);
            var applying = undo.Names.Count > 0;
            var undoFailures = await undo.RunAsync(logger);
            List<Finding> findings = [Finding.Error("step.failed", null, $"{ex.TaskName} failed after retries: {ex.FailureDetails.ErrorMessage}")];
            if (undoFailures.Count > 0)
            {
                findings.Add(Finding.Error("rollback.incomplete", null, "The target could not be fully restored: " + string.Join("; ", undoFailures)));
            }

            var state = applying && undoFailures.Count == 0 ? InstallationStates.RolledBack : InstallationStates.Failed;
            var note = undoFailures.Count == 0 ? (applying ? "target restored" : "nothing changed") : "rollback incomplete: " + string.Join("; ", undoFailures);
            return new Outcome(state, findings, note, null) { ApplyBegan = applying, Version = version };
        }
    }

    /// <summary>How the steps ended, and what the ending needs to report.</summary>
    private sealed record Outcome(string State, IReadOnlyList<Finding> Findings, string Note, InstallationUpdate? Update)
    {
        public string? Version { get; init; }

        public IReadOnlyList<AssetVersionRef> Resolved { get; init; } = [];

        public IReadOnlyList<AssetVersionRef> ToInstall { get; init; } = [];

        public IReadOnlyList<LicenseGrant> Grants { get; init; } = [];

        public bool ApplyBegan { get; init; }

        public static Outcome Failed(IReadOnlyList<Finding> findings, string note, InstallationUpdate? update = null) =>
            new(InstallationStates.Failed, findings, note, update);
    }
}
