using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Marketplace.Infrastructure.Storage;
using Marketplace.LocalRuntime.Catalog;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.LocalRuntime.Blobs;

/// <summary>
/// Dispatches <c>[BlobTrigger]</c> functions for new or changed blobs by scanning their containers, with a receipt per
/// blob version (name and ETag) so each version triggers once, as the Functions host's receipts do. A blob whose
/// function keeps failing is marked poisoned after <see cref="MaxAttempts"/> tries and left alone.
/// </summary>
internal sealed class BlobTriggerDispatcher(
    FunctionCatalog catalog,
    IConfiguration configuration,
    IServiceProvider services,
    LocalRuntimeOptions options,
    ILogger<BlobTriggerDispatcher> logger) : BackgroundService
{
    public const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watchers = catalog.OfKind(FunctionKind.Blob).Select(this.CreateWatcher).ToList();
        if (watchers.Count == 0)
        {
            return;
        }

        foreach (var watcher in watchers)
        {
            await watcher.Receipts.CreateIfNotExistsAsync(stoppingToken);
            await watcher.Container.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        }

        using var timer = new PeriodicTimer(options.BlobPollInterval);
        do
        {
            foreach (var watcher in watchers)
            {
                try
                {
                    await this.ScanAsync(watcher, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Scanning blobs for {Function} failed; retrying next poll", watcher.Function.Name);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private Watcher CreateWatcher(FunctionDescriptor function)
    {
        var trigger = (BlobTriggerAttribute)function.Trigger;
        var pattern = BlobPathPattern.Parse(trigger.BlobPath);
        var connection = StorageConnection.FromConfiguration(configuration, trigger.Connection ?? "AzureWebJobsStorage");
        var container = connection.CreateBlobServiceClient().GetBlobContainerClient(pattern.Container);
        var receipts = connection.CreateTableServiceClient().GetTableClient(StorageNames.BlobReceiptsTable);
        return new Watcher(function, pattern, container, receipts);
    }

    private async Task ScanAsync(Watcher watcher, CancellationToken cancellationToken)
    {
        await foreach (var item in watcher.Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, watcher.Pattern.Prefix, cancellationToken))
        {
            if (!watcher.Pattern.TryMatch(item.Name, out var values))
            {
                continue;
            }

            var etag = item.Properties.ETag?.ToString() ?? "";
            var rowKey = ReceiptKey(watcher.Pattern.Container, item.Name, etag);
            var receipt = await watcher.Receipts.GetEntityIfExistsAsync<TableEntity>(watcher.Function.Name, rowKey, cancellationToken: cancellationToken);
            var attempts = receipt.HasValue ? receipt.Value!.GetInt32("Attempts") ?? 0 : 0;
            var status = receipt.HasValue ? receipt.Value!.GetString("Status") : null;
            if (status is "Done" or "Poisoned")
            {
                continue;
            }

            var blob = watcher.Container.GetBlobClient(item.Name);
            var entity = new TableEntity(watcher.Function.Name, rowKey)
            {
                ["BlobName"] = $"{watcher.Pattern.Container}/{item.Name}",
                ["BlobETag"] = etag,
                ["Attempts"] = attempts + 1,
            };
            try
            {
                await FunctionInvoker.InvokeAsync(watcher.Function, services, p => Bind(watcher.Function, p, blob, values, cancellationToken));
                entity["Status"] = "Done";
                logger.LogInformation("Blob trigger {Function} processed {Blob}", watcher.Function.Name, entity["BlobName"]);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                entity["Status"] = attempts + 1 >= MaxAttempts ? "Poisoned" : "Failed";
                entity["LastError"] = ex.Message;
                logger.LogError(ex, "Blob trigger {Function} failed on {Blob} (attempt {Attempt} of {Max})",
                    watcher.Function.Name, entity["BlobName"], attempts + 1, MaxAttempts);
            }

            await watcher.Receipts.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    private object? Bind(FunctionDescriptor function, ParameterInfo parameter, BlobClient blob, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var type = parameter.ParameterType;
        if (parameter.Position == function.TriggerParameter.Position)
        {
            if (type == typeof(BlobClient) || type == typeof(BlobBaseClient)) return blob;
            if (type == typeof(Stream)) return blob.OpenRead(cancellationToken: cancellationToken);
            if (type == typeof(BinaryData)) return blob.DownloadContent(cancellationToken).Value.Content;
            if (type == typeof(byte[])) return blob.DownloadContent(cancellationToken).Value.Content.ToArray();
            if (type == typeof(string)) return blob.DownloadContent(cancellationToken).Value.Content.ToString();
            throw new InvalidOperationException($"Blob trigger '{function.Name}' binds to {type.Name}, which the local runtime does not support.");
        }

        if (type == typeof(CancellationToken)) return cancellationToken;
        if (parameter.Name is { } name && values.TryGetValue(name, out var value)) return value;
        return services.GetService(type)
            ?? throw new InvalidOperationException($"Blob trigger '{function.Name}' has parameter '{parameter.Name}' that cannot be bound.");
    }

    private static string ReceiptKey(string container, string blobName, string etag) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{container}/{blobName}\n{etag}")));

    private sealed record Watcher(FunctionDescriptor Function, BlobPathPattern Pattern, BlobContainerClient Container, TableClient Receipts);
}
