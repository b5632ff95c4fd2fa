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
    private static readonly TaskOptions StepRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    private static readonly TaskOptions UndoRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

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
                new RecordInstallationStateInput(input.InstallationId, ++step, state, findings, note, update), StepRetry);

        // The terminal state is recorded last: a client that sees it sees every effect (commit, unlock, events, counts).
        async Task<InstallAssetResult> End(string state, IReadOnlyList<Finding> findings, string note, InstallationUpdate? update = null)
        {
            await context.CallActivityAsync(nameof(FinishInstallation), new FinishInstallationInput(input, state == InstallationStates.Installed), UndoRetry);
            if (state != InstallationStates.Installed)
            {
                await events.EmitAsync(EventTypes.AssetInstallationFailed, subject, "installation-failed", new
                {
                    input.InstallationId, input.TenantId, input.TargetId, input.AssetId, requested = input.VersionRange, state, note, findings,
                });
            }

            if (state == InstallationStates.RolledBack)
            {
                await events.RecordFailureAsync(FailureKind.InstallationRollback, new GovernanceSubject(GovernanceSubjectType.Asset, input.AssetId));
            }

            await Record(state, findings, note, update);
            return new InstallAssetResult(state, findings);
        }

        var undo = new SagaCompensation();
        try
        {
            await Record(InstallationStates.Evaluating);
            var evaluation = await context.CallActivityAsync<EvaluationResult>(nameof(EvaluateCompatibility), input, StepRetry);
            await events.EmitAsync(EventTypes.CompatibilityEvaluated, subject, "compatibility-evaluated", new
            {
                input.InstallationId, input.TenantId, input.TargetId, input.AssetId, version = evaluation.Version,
                evaluation.Verdict.Compatible, evaluation.Verdict.Reasons,
            });
            if (evaluation.Version is null || !evaluation.Verdict.Compatible)
            {
                return await End(InstallationStates.Failed, evaluation.Verdict.Reasons, "not compatible with the target",
                    new InstallationUpdate(Compatibility: evaluation.Verdict));
            }

            await Record(InstallationStates.Resolving, note: $"{input.AssetId} {evaluation.Version} suits the target",
                update: new InstallationUpdate(Version: evaluation.Version, Compatibility: evaluation.Verdict));
            var resolution = await context.CallActivityAsync<ResolveResult>(
                nameof(ResolveDependencies), new ResolveInput(input, evaluation.Version), StepRetry);
            if (resolution.Findings.Count > 0)
            {
                await events.EmitAsync(EventTypes.DependencyConflictDetected, subject, "dependency-conflict", new
                {
                    input.InstallationId, input.AssetId, version = evaluation.Version, resolution.Findings, resolution.Explanation,
                });
                return await End(InstallationStates.Failed, resolution.Findings, resolution.Explanation ?? "the resolved set does not fit the target");
            }

            await events.EmitAsync(EventTypes.DependenciesResolved, subject, "dependencies-resolved", new
            {
                input.InstallationId, input.AssetId, version = evaluation.Version, resolution.Resolved, resolution.ToInstall,
            });
            var work = new InstallationWork(input, resolution.ToInstall);
            await Record(InstallationStates.LicenseCheck, note: $"{resolution.ToInstall.Count} to install",
                update: new InstallationUpdate(Resolved: resolution.Resolved));
            var licences = await context.CallActivityAsync<CheckResult>(nameof(CheckLicenses), work, StepRetry);
            if (licences.Findings.Count > 0)
            {
                return await End(InstallationStates.Failed, licences.Findings, "entitlement missing or expired");
            }

            if (licences.Grants.Count > 0)
            {
                await events.EmitAsync(EventTypes.LicenseGranted, subject, "license-granted", new { input.InstallationId, input.TenantId, licences.Grants });
            }

            var verification = await context.CallActivityAsync<CheckResult>(nameof(VerifyPackages), work, StepRetry);
            if (verification.Findings.Count > 0)
            {
                return await End(InstallationStates.Failed, verification.Findings, "a package failed verification");
            }

            await Record(InstallationStates.Applying, note: licences.Note);
            undo.Push(nameof(RollbackInstallation), () => context.CallActivityAsync(nameof(RollbackInstallation), input, UndoRetry));
            var applied = await context.CallActivityAsync<ApplyResult>(nameof(ApplyInstallation), work, StepRetry);

            await events.EmitAsync(EventTypes.AssetInstalled, subject, "asset-installed", new
            {
                input.InstallationId, input.TenantId, input.TargetId, input.AssetId, version = evaluation.Version,
                resolution.Resolved, installedNow = resolution.ToInstall, artifacts = applied.Artifacts.Count,
            });
            return await End(InstallationStates.Installed, [], $"{applied.Artifacts.Count} files applied",
                new InstallationUpdate(Artifacts: applied.Artifacts));
        }
        catch (TaskFailedException ex)
        {
            logger.LogWarning("Installation {InstallationId} failed at {Task}: {Message}", input.InstallationId, ex.TaskName, ex.FailureDetails.ErrorMessage);
            var applying = undo.Names.Count > 0;
            var undoFailures = await undo.RunAsync(logger);
            var failure = Finding.Error("step.failed", null, $"{ex.TaskName} failed after retries: {ex.FailureDetails.ErrorMessage}");
            var state = applying && undoFailures.Count == 0 ? InstallationStates.RolledBack : InstallationStates.Failed;
            var note = undoFailures.Count == 0 ? (applying ? "target restored" : "nothing changed") : "rollback incomplete: " + string.Join("; ", undoFailures);
            return await End(state, [failure], note);
        }
    }
}
