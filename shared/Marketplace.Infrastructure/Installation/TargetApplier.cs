using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Marketplace.Domain.Installation;

namespace Marketplace.Infrastructure.Installation;

/// <summary>
/// Applies an installation's files to a target crash-safely and can restore the target exactly.
/// Before each write, the <see cref="RollbackJournal"/> records what the path held (first attempt wins); then the
/// new bytes are committed atomically and the artifact row is recorded. Installed-asset rows are journaled and
/// recorded last. Every step is idempotent, so a retried apply resumes and a rollback works after a crash anywhere.
/// </summary>
/// <remarks>
/// <see cref="CommitAsync"/> deletes the saved prior bytes (they can be as large as the target) and keeps the journal
/// rows (path, existed, SHA-256, prior owner) as a small audit summary; after commit, rollback is refused.
/// </remarks>
public sealed class TargetApplier(TableServiceClient tables, BlobServiceClient blobs, TimeProvider clock)
{
    private readonly TableTargetStore targets = new(tables, clock);
    private readonly TargetFileStore files = new(blobs);
    private readonly RollbackJournal journal = new(tables, blobs, clock);

    /// <summary>
    /// Applies <paramref name="request"/>. <paramref name="beforeWrite"/> (a test hook) runs for each file after its
    /// journal entry is durable and before its bytes are written (or deleted), with the path and its 0-based index
    /// (writes first, then <see cref="TargetApplyRequest.RemovedPaths"/>); throwing from it simulates a crash there.
    /// </summary>
    /// <exception cref="InvalidOperationException">The installation was already committed or rolled back.</exception>
    /// <exception cref="ArgumentException">A path is invalid or repeated.</exception>
    public async Task<RollbackToken> ApplyAsync(
        TargetApplyRequest request, Func<string, int, Task>? beforeWrite = null, CancellationToken cancellationToken = default)
    {
        var (tenantId, targetId, installationId) = (request.TenantId, request.TargetId, request.InstallationId);
        ValidatePaths(request);
        var state = await this.journal.BeginAsync(tenantId, targetId, installationId, cancellationToken);
        if (state != JournalStates.Applying)
        {
            throw new InvalidOperationException($"Installation {installationId} is already {state}; it cannot be applied again.");
        }

        var index = 0;
        foreach (var file in request.Files)
        {
            await this.JournalAsync(request, file.Path, index, cancellationToken);
            await InvokeAsync(beforeWrite, file.Path, index++);
            TargetFileInfo written;
            await using (var content = await file.OpenAsync(cancellationToken))
            {
                written = await this.files.WriteAsync(tenantId, targetId, file.Path, content, cancellationToken);
            }

            await this.targets.RecordArtifactsAsync(
                tenantId, targetId, installationId, [new AppliedFile(file.Path, written.Sha256, file.AssetId, file.Version)], cancellationToken);
        }

        foreach (var path in request.RemovedPaths)
        {
            await this.JournalAsync(request, path, index, cancellationToken);
            await InvokeAsync(beforeWrite, path, index++);
            await this.files.DeleteAsync(tenantId, targetId, path, cancellationToken);
            await this.targets.DeleteArtifactAsync(tenantId, targetId, path, cancellationToken);
        }

        foreach (var asset in request.Assets)
        {
            await this.journal.RecordAssetAsync(tenantId, targetId, installationId, asset.AssetId,
                () => this.targets.GetInstalledAssetAsync(tenantId, targetId, asset.AssetId, cancellationToken), cancellationToken);
        }

        await this.targets.RecordInstalledAssetsAsync(tenantId, targetId, installationId, request.Assets, cancellationToken);
        var count = await this.journal.CountEntriesAsync(tenantId, targetId, installationId, cancellationToken);
        return new RollbackToken(tenantId, targetId, installationId, count);
    }

    /// <summary>
    /// Restores every journaled path to its prior bytes (or absence) and artifact row, puts back replaced
    /// installed-asset rows, removes any other row the installation wrote, and marks the journal rolled back.
    /// Idempotent; safe after a crash at any point. Returns how many paths the journal covers.
    /// </summary>
    /// <exception cref="InvalidOperationException">The installation was committed, or saved bytes are missing or corrupt.</exception>
    public async Task<int> RollbackAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default)
    {
        var state = await this.journal.BeginAsync(tenantId, targetId, installationId, cancellationToken);
        if (state == JournalStates.Committed)
        {
            throw new InvalidOperationException($"Installation {installationId} is committed; it can no longer be rolled back.");
        }

        var entries = await this.journal.ListFileEntriesAsync(tenantId, targetId, installationId, cancellationToken);
        if (state != JournalStates.RolledBack)
        {
            foreach (var entry in entries.Reverse())
            {
                await this.RestoreFileAsync(tenantId, targetId, installationId, entry, cancellationToken);
                await this.targets.RestoreArtifactAsync(tenantId, targetId, entry.Path, entry.PriorArtifact, cancellationToken);
            }

            foreach (var asset in await this.journal.ListAssetEntriesAsync(tenantId, targetId, installationId, cancellationToken))
            {
                await this.targets.RestoreInstalledAssetAsync(tenantId, targetId, asset.AssetId, asset.PriorInstalled, cancellationToken);
            }

            await this.targets.RemoveArtifactsAsync(tenantId, targetId, installationId, cancellationToken);
            await this.targets.RemoveInstalledAssetsAsync(tenantId, targetId, installationId, cancellationToken);
            await this.journal.SetStateAsync(tenantId, targetId, installationId, JournalStates.RolledBack, cancellationToken);
        }

        await this.journal.DeletePriorBytesAsync(tenantId, targetId, installationId, cancellationToken);
        return entries.Count;
    }

    /// <summary>
    /// Marks a successful installation committed and deletes its saved prior bytes, keeping the journal rows as a
    /// summary. Idempotent.
    /// </summary>
    /// <exception cref="InvalidOperationException">The installation was rolled back.</exception>
    public async Task CommitAsync(string tenantId, string targetId, string installationId, CancellationToken cancellationToken = default)
    {
        var state = await this.journal.GetStateAsync(tenantId, targetId, installationId, cancellationToken);
        if (state == JournalStates.RolledBack)
        {
            throw new InvalidOperationException($"Installation {installationId} was rolled back; it cannot be committed.");
        }

        if (state is null)
        {
            throw new InvalidOperationException($"Installation {installationId} has not been applied to target {targetId}.");
        }

        await this.journal.SetStateAsync(tenantId, targetId, installationId, JournalStates.Committed, cancellationToken);
        await this.journal.DeletePriorBytesAsync(tenantId, targetId, installationId, cancellationToken);
    }

    private static async Task InvokeAsync(Func<string, int, Task>? beforeWrite, string path, int index)
    {
        if (beforeWrite is not null)
        {
            await beforeWrite(path, index);
        }
    }

    private static void ValidatePaths(TargetApplyRequest request)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in request.Files.Select(f => f.Path).Concat(request.RemovedPaths))
        {
            TargetPaths.Require(path);
            if (!seen.Add(path))
            {
                throw new ArgumentException($"The path '{path}' appears more than once in installation {request.InstallationId}.", nameof(request));
            }
        }
    }

    private async Task JournalAsync(TargetApplyRequest request, string path, int index, CancellationToken cancellationToken)
    {
        var (tenantId, targetId, installationId) = (request.TenantId, request.TargetId, request.InstallationId);
        if (await this.journal.GetFileEntryAsync(tenantId, targetId, installationId, path, cancellationToken) is null)
        {
            var priorArtifact = await this.targets.GetArtifactAsync(tenantId, targetId, path, cancellationToken);
            await this.journal.RecordFileAsync(tenantId, targetId, installationId, path, index, priorArtifact, cancellationToken);
        }
    }

    private async Task RestoreFileAsync(string tenantId, string targetId, string installationId, JournalFileEntry entry, CancellationToken cancellationToken)
    {
        if (!entry.Existed)
        {
            await this.files.DeleteAsync(tenantId, targetId, entry.Path, cancellationToken);
            return;
        }

        if (await this.files.GetSha256Async(tenantId, targetId, entry.Path, cancellationToken) == entry.Sha256)
        {
            return;
        }

        TargetFileInfo restored;
        await using (var prior = await this.journal.OpenPriorBytesAsync(tenantId, targetId, installationId, entry.Path, cancellationToken))
        {
            restored = await this.files.WriteAsync(tenantId, targetId, entry.Path, prior, cancellationToken);
        }

        if (restored.Sha256 != entry.Sha256)
        {
            throw new InvalidOperationException(
                $"Restoring '{entry.Path}' for installation {installationId} produced SHA-256 {restored.Sha256}, not the journaled {entry.Sha256}.");
        }
    }
}
