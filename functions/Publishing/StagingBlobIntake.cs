using Azure.Storage.Blobs;
using Marketplace.Infrastructure.Packages;
using Marketplace.Infrastructure.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Marketplace.Functions.Publishing;

/// <summary>
/// A package written to <c>staging/incoming/{publisherId}/{name}.zip</c> starts the same publication as an upload.
/// In Azure (Flex Consumption) the trigger is fed by Event Grid; the local runtime scans the container.
/// </summary>
public sealed class StagingBlobIntake(PublicationSubmitter submitter, ILogger<StagingBlobIntake> logger)
{
    /// <summary>Submits the blob, then removes it from the inbox (its bytes live on under their content hash).</summary>
    [Function(nameof(StagingBlobIntake))]
    public async Task RunAsync(
        [BlobTrigger("staging/incoming/{publisherId}/{name}.zip", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.Connection)] BlobClient blob,
        string publisherId,
        string name,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        SubmissionResult result;
        try
        {
            await using var content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
            result = await submitter.SubmitAsync(content, publisherId, expectedAssetId: null, "blob", durable, cancellationToken);
        }
        catch (PackageTooLargeException ex)
        {
            logger.LogWarning("Blob {Blob} is over the package limit ({Limit} bytes); left in place", blob.Name, ex.Limit);
            return;
        }

        switch (result)
        {
            case SubmissionResult.Accepted accepted:
                logger.LogInformation("Blob {Blob} is publication {PublicationId}", blob.Name, accepted.Publication.PublicationId);
                await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
                break;
            case SubmissionResult.VersionConflict conflict:
                logger.LogWarning("Blob {Blob}: {AssetId} {Version} is already released or in flight with other bytes; left in place",
                    blob.Name, conflict.AssetId, conflict.Version);
                break;
        }
    }
}
