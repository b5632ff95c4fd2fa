using Marketplace.Domain.Catalog;
using Marketplace.Domain.Events;
using Marketplace.Domain.Findings;
using Marketplace.Domain.Governance;
using Marketplace.Functions.Orchestrations.Events;
using Marketplace.Functions.Activities.Publishing;
using Marketplace.Functions.Orchestrations.Sagas;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Orchestrations.Publishing;

/// <summary>
/// The publishing saga: Scanning, policy gate (AwaitingApproval for restricted publishers), Signing, Indexing
/// (catalogue row, release to the immutable store, availability, search), Available. Findings reject; a step that
/// fails after its retries compensates in reverse order and ends Failed with nothing half-published.
/// </summary>
public static class PublishAssetOrchestrator
{
    /// <summary>The external event a governance decision raises.</summary>
    public const string ReviewDecisionEvent = "ReviewDecision";

    /// <summary>Runs the saga for one publication.</summary>
    [Function(nameof(PublishAssetOrchestrator))]
    public static async Task<PublishAssetResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<PublishAssetInput>() ?? throw new InvalidOperationException("The publishing saga needs its input.");
        var logger = context.CreateReplaySafeLogger(nameof(PublishAssetOrchestrator));
        var events = new SagaEvents(context, EventSources.Publishing);
        var saga = new PublicationSteps(context, input, events);
        var subject = EventSubjects.Publication(input.PublicationId);
        var undo = new SagaCompensation();
        VersionRef? claimed = null;
        (PackageFacts Facts, List<Finding> Findings) released;

        try
        {
            await saga.RecordAsync(PublicationStates.Scanning);
            var scanInput = new ScanPackageInput(input.PublicationId, input.ContentHash, input.PublisherId, input.ExpectedAssetId);
            var scans = await Task.WhenAll(
                context.CallActivityAsync<ScanPackageOutput>(nameof(ScanPackageStructure), scanInput, SagaRetries.Step),
                context.CallActivityAsync<ScanPackageOutput>(nameof(ScanPackageStatic), scanInput, SagaRetries.Step),
                context.CallActivityAsync<ScanPackageOutput>(nameof(ScanPackageSecurity), scanInput, SagaRetries.Step),
                context.CallActivityAsync<ScanPackageOutput>(nameof(ScanPackagePolicy), scanInput, SagaRetries.Step));
            var findings = scans.SelectMany(s => s.Findings).Distinct().ToList();
            await events.EmitAsync(EventTypes.AssetQualityScanned, subject, "quality-scanned", new
            {
                input.PublicationId, input.PublisherId, input.ContentHash,
                errors = findings.Count(f => f.IsError), warnings = findings.Count(f => !f.IsError), findings,
            });
            if (findings.Any(f => f.IsError))
            {
                return await saga.RejectAsync(findings, "quality scan found errors", claimed);
            }

            var facts = await context.CallActivityAsync<PackageFacts>(nameof(ReadPackageFacts), scanInput, SagaRetries.Step);
            claimed = new VersionRef(input.PublicationId, facts.AssetId, facts.Version, input.ContentHash);

            // The gate claims the version for this publication: from here any failure must give it back (the undo
            // only removes a claim this publication holds, so it is safe even when the gate refused).
            var versionRef = claimed;
            undo.Push(nameof(WithdrawVersion), () => context.CallActivityAsync(nameof(WithdrawVersion), versionRef, SagaRetries.Undo));
            var gate = await context.CallActivityAsync<PolicyGateOutput>(
                nameof(CheckPublishingPolicy),
                new PolicyGateInput(input.PublicationId, input.PublisherId, facts.AssetId, facts.Version, input.ContentHash), SagaRetries.Step);
            findings.AddRange(gate.Findings);
            if (gate.Findings.Any(f => f.IsError))
            {
                return await saga.RejectAsync(findings, "policy gate refused", claimed);
            }

            if (gate.NeedsReview)
            {
                await saga.RecordAsync(PublicationStates.AwaitingApproval, findings, $"trust tier '{gate.TrustTier}' needs a governance decision");
                var decision = await WaitForDecisionAsync(context, input.ReviewWindow);
                if (decision is null)
                {
                    return await saga.RejectAsync([Finding.Error("review.timed-out", null, $"No governance decision within {input.ReviewWindow}.")], "review window ended", claimed);
                }

                if (!decision.Approved)
                {
                    return await saga.RejectAsync([Finding.Error("review.rejected", null, decision.Reason ?? "Rejected by governance.")], $"rejected by {decision.DecidedBy}", claimed);
                }

                logger.LogInformation("Publication {PublicationId} approved by {DecidedBy}", input.PublicationId, decision.DecidedBy);
            }

            await saga.RecordAsync(PublicationStates.Signing, note: null, assetId: facts.AssetId, version: facts.Version);
            var signature = await context.CallActivityAsync<SignPackageOutput>(
                nameof(SignPackage), new SignPackageInput(input.PublisherId, input.ContentHash), SagaRetries.Step);

            await saga.RecordAsync(PublicationStates.Indexing, note: $"signed with {signature.SigningKeyId}");
            await context.CallActivityAsync(nameof(RecordVersion), new RecordVersionInput(input.PublicationId, input.ContentHash, facts, signature), SagaRetries.Step);
            // Registered before the call: a release that wrote its bytes and then failed must still be withdrawn.
            undo.Push(nameof(WithdrawReleasedPackage), () => context.CallActivityAsync(nameof(WithdrawReleasedPackage), versionRef, SagaRetries.Undo));
            await context.CallActivityAsync(nameof(ReleasePackage), versionRef, SagaRetries.Step);
            var versionSubject = EventSubjects.AssetVersion(facts.AssetId, facts.Version);
            await events.EmitAsync(EventTypes.AssetVersionReleased, versionSubject, "version-released", new
            {
                facts.AssetId, facts.Version, input.ContentHash, signature.SigningKeyId, signature.Signature, input.PublicationId,
            });
            await context.CallActivityAsync(nameof(MarkVersionAvailable), versionRef, SagaRetries.Step);
            await context.CallActivityAsync(nameof(IndexAsset), facts.AssetId, SagaRetries.Step);
            await events.EmitAsync(EventTypes.AssetIndexed, EventSubjects.Asset(facts.AssetId), "asset-indexed", new { facts.AssetId, facts.Version });

            released = (facts, findings);
        }
        catch (TaskFailedException ex)
        {
            logger.LogWarning("Publication {PublicationId} failed at {Task}: {Message}; compensating {Steps}",
                input.PublicationId, ex.TaskName, ex.FailureDetails.ErrorMessage, string.Join(", ", undo.Names));
            var undoFailures = await undo.RunAsync(logger);
            var failure = Finding.Error("step.failed", null, $"{ex.TaskName} failed after retries: {ex.FailureDetails.ErrorMessage}");
            var note = undoFailures.Count == 0 ? "compensated" : "compensation incomplete: " + string.Join("; ", undoFailures);
            await saga.CountFailureAsync(claimed?.AssetId);
            await saga.RecordAsync(PublicationStates.Failed, [failure], note, claimed?.AssetId, claimed?.Version);
            return new PublishAssetResult(PublicationStates.Failed, [failure]);
        }

        // Released: nothing below may trigger compensation any more. The terminal state is recorded last, so a client
        // that sees it sees every effect of the saga.
        var (done, kept) = released;
        await events.EmitAsync(EventTypes.AssetPublished, EventSubjects.AssetVersion(done.AssetId, done.Version), "asset-published", new
        {
            done.AssetId, done.Version, input.PublisherId, input.ContentHash, input.PublicationId, done.Kind,
        });
        await saga.RecordAsync(PublicationStates.Available, note: $"{done.AssetId} {done.Version} released");
        return new PublishAssetResult(PublicationStates.Available, kept);
    }

    private static async Task<ReviewDecision?> WaitForDecisionAsync(TaskOrchestrationContext context, TimeSpan window)
    {
        using var timerCancellation = new CancellationTokenSource();
        var decision = context.WaitForExternalEvent<ReviewDecision>(ReviewDecisionEvent, timerCancellation.Token);
        var timeout = context.CreateTimer(context.CurrentUtcDateTime.Add(window), timerCancellation.Token);
        var winner = await Task.WhenAny(decision, timeout);
        // Synchronous on purpose: CancelAsync would await a thread-pool task, which an orchestrator must never do.
#pragma warning disable CA1849 // Cancel() is the replay-safe call here.
        timerCancellation.Cancel();
#pragma warning restore CA1849
        return winner == decision ? await decision : null;
    }

    /// <summary>Numbered state records, so a retried record activity writes once; and the rejection path.</summary>
    private sealed class PublicationSteps(TaskOrchestrationContext context, PublishAssetInput input, SagaEvents events)
    {
        private int step;

        public Task RecordAsync(string state, IReadOnlyList<Finding>? findings = null, string? note = null, string? assetId = null, string? version = null) =>
            context.CallActivityAsync(
                nameof(RecordPublicationState),
                new RecordPublicationStateInput(input.PublicationId, ++this.step, state, findings, note, assetId, version),
                SagaRetries.Step);

        public async Task<PublishAssetResult> RejectAsync(IReadOnlyList<Finding> findings, string note, VersionRef? claimed)
        {
            if (claimed is not null)
            {
                try
                {
                    await context.CallActivityAsync(nameof(WithdrawVersion), claimed, SagaRetries.Undo);
                }
                catch (TaskFailedException)
                {
                    // The publication stays Rejected; a claim held by a rejected publication is taken over by the next one.
                }
            }

            await events.EmitAsync(EventTypes.PublicationRejected, EventSubjects.Publication(input.PublicationId), "publication-rejected", new
            {
                input.PublicationId, input.PublisherId, assetId = claimed?.AssetId ?? input.ExpectedAssetId, version = claimed?.Version, input.ContentHash, note, findings,
            });
            await this.CountFailureAsync(claimed?.AssetId ?? input.ExpectedAssetId);
            await this.RecordAsync(PublicationStates.Rejected, findings, note, claimed?.AssetId, claimed?.Version);
            return new PublishAssetResult(PublicationStates.Rejected, findings);
        }

        // Rejections and failures count toward escalation, per asset (when known) and per publisher.
        public Task CountFailureAsync(string? assetId) =>
            events.RecordFailureAsync(FailureKind.PublicationFailure, assetId is null
                ? [new GovernanceSubject(GovernanceSubjectType.Publisher, input.PublisherId)]
                : [new GovernanceSubject(GovernanceSubjectType.Asset, assetId), new GovernanceSubject(GovernanceSubjectType.Publisher, input.PublisherId)]);
    }
}
