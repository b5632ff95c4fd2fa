using Azure;
using Azure.Storage.Blobs;
using Marketplace.Domain.Events;
using Marketplace.Functions.Installation;
using Marketplace.Functions.Publishing;
using Marketplace.Infrastructure.Packages;
using Marketplace.Infrastructure.Storage;
using Microsoft.DurableTask.Client;

namespace Marketplace.Functions.Commands;

/// <summary>
/// Carries out a valid command through the same entry points as the HTTP API, so a redelivered or replayed command
/// starts the same saga: an installation keyed by the command's event id, a publication keyed by the package bytes.
/// </summary>
internal sealed class CommandExecutor(InstallationSubmitter installations, PublicationSubmitter publications, BlobServiceClient blobs)
{
    /// <summary>Runs <paramref name="command"/>; unexpected failures throw.</summary>
    public Task<CommandOutcome> ExecuteAsync(EventEnvelope envelope, IMarketplaceCommand command, DurableTaskClient durable, CancellationToken cancellationToken) =>
        command switch
        {
            InstallAssetCommand install => this.InstallAsync(envelope, install, durable, cancellationToken),
            PublishAssetCommand publish => this.PublishAsync(publish, durable, cancellationToken),
            _ => throw new InvalidOperationException($"No handler for command {command.GetType().Name}."),
        };

    private async Task<CommandOutcome> InstallAsync(EventEnvelope envelope, InstallAssetCommand command, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var result = await installations.SubmitAsync(
            command.TenantId, command.TargetId, command.AssetId, command.Version, idempotencyKey: envelope.Id, durable, cancellationToken);
        return result switch
        {
            InstallationSubmission.Accepted accepted => CommandOutcome.Done(
                $"installation {accepted.Installation.InstallationId} ({(accepted.IsNew ? "started" : "already exists")})"),
            InstallationSubmission.TargetNotFound => CommandOutcome.Refused(
                $"target-not-found: tenant '{command.TenantId}' has no target '{command.TargetId}'."),
            InstallationSubmission.TargetBusy busy => CommandOutcome.Refused(
                $"target-busy: target '{command.TargetId}' of tenant '{command.TenantId}' is being changed by installation {busy.Holder.InstallationId}."),
            _ => throw new InvalidOperationException($"Unexpected installation submission {result.GetType().Name}."),
        };
    }

    private async Task<CommandOutcome> PublishAsync(PublishAssetCommand command, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var blob = blobs.GetBlobContainerClient(StorageNames.StagingContainer).GetBlobClient(command.BlobName);
        SubmissionResult result;
        try
        {
            await using var content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
            result = await publications.SubmitAsync(content, command.PublisherId, expectedAssetId: null, "command", durable, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return CommandOutcome.Refused($"blob-not-found: no blob '{command.BlobName}' in container '{StorageNames.StagingContainer}'.");
        }
        catch (PackageTooLargeException ex)
        {
            return CommandOutcome.Refused($"package-too-large: blob '{command.BlobName}' is over the package limit ({ex.Limit} bytes).");
        }

        switch (result)
        {
            case SubmissionResult.Accepted accepted:
                // Its bytes live on under their content hash; removing it keeps the blob intake from taking it again.
                await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
                return CommandOutcome.Done($"publication {accepted.Publication.PublicationId} ({(accepted.IsNew ? "started" : "already exists")})");
            case SubmissionResult.VersionConflict conflict:
                return CommandOutcome.Refused(
                    $"version-conflict: {conflict.AssetId} {conflict.Version} is already released or in flight with other bytes (publication {conflict.Holder.PublicationId}).");
            default:
                throw new InvalidOperationException($"Unexpected publication submission {result.GetType().Name}.");
        }
    }
}
