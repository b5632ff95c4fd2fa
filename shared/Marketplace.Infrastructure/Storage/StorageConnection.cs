using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Infrastructure.Storage;

/// <summary>
/// Builds Blob, Queue and Table clients from a Functions-style connection setting: either a connection string
/// (<c>MarketplaceStorage=UseDevelopmentStorage=true</c>) or identity-based service URIs
/// (<c>MarketplaceStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, or <c>__accountName</c>),
/// exactly as the Functions host reads the same setting for triggers.
/// </summary>
public sealed class StorageConnection
{
    private readonly string? connectionString;
    private readonly Uri? blobUri;
    private readonly Uri? queueUri;
    private readonly Uri? tableUri;
    private readonly TokenCredential? credential;

    private StorageConnection(string? connectionString, Uri? blobUri, Uri? queueUri, Uri? tableUri, TokenCredential? credential)
    {
        this.connectionString = connectionString;
        this.blobUri = blobUri;
        this.queueUri = queueUri;
        this.tableUri = tableUri;
        this.credential = credential;
    }

    /// <summary>The setting name this connection was read from, for messages.</summary>
    public string Name { get; private init; } = "";

    /// <summary>Creates a connection from a connection string (Azurite or an account key).</summary>
    public static StorageConnection FromConnectionString(string connectionString, string name = "connection") =>
        new(connectionString, null, null, null, null) { Name = name };

    /// <summary>Reads the connection named <paramref name="name"/> from configuration.</summary>
    /// <exception cref="InvalidOperationException">When neither a connection string nor service URIs are set.</exception>
    public static StorageConnection FromConfiguration(IConfiguration configuration, string name)
    {
        var value = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return FromConnectionString(value, name);
        }

        var section = configuration.GetSection(name);
        var accountName = section["accountName"];
        Uri? Service(string key, string kind) =>
            section[key] is { Length: > 0 } uri ? new Uri(uri)
            : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.{kind}.core.windows.net")
            : null;

        var blob = Service("blobServiceUri", "blob");
        var queue = Service("queueServiceUri", "queue");
        var table = Service("tableServiceUri", "table");
        if (blob is null && queue is null && table is null)
        {
            throw new InvalidOperationException(
                $"Storage connection '{name}' is not configured: set '{name}' to a connection string, or " +
                $"'{name}__accountName' (or '{name}__blobServiceUri', '__queueServiceUri', '__tableServiceUri') for a managed identity.");
        }

        var clientId = section["clientId"];
        TokenCredential credential = string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return new StorageConnection(null, blob, queue, table, credential) { Name = name };
    }

    /// <summary>The connection string, when this connection uses one (local runs, Azurite).</summary>
    public string? ConnectionString => this.connectionString;

    /// <summary>A client for the blob service.</summary>
    public BlobServiceClient CreateBlobServiceClient() =>
        this.connectionString is not null ? new BlobServiceClient(this.connectionString)
        : new BlobServiceClient(this.blobUri ?? throw this.Missing("blobServiceUri"), this.credential);

    /// <summary>A client for the queue service; messages are base64 like the Functions queue trigger expects.</summary>
    public QueueServiceClient CreateQueueServiceClient()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return this.connectionString is not null ? new QueueServiceClient(this.connectionString, options)
            : new QueueServiceClient(this.queueUri ?? throw this.Missing("queueServiceUri"), this.credential, options);
    }

    /// <summary>A client for the table service.</summary>
    public TableServiceClient CreateTableServiceClient() =>
        this.connectionString is not null ? new TableServiceClient(this.connectionString)
        : new TableServiceClient(this.tableUri ?? throw this.Missing("tableServiceUri"), this.credential);

    private InvalidOperationException Missing(string key) =>
        new($"Storage connection '{this.Name}' has no '{this.Name}__{key}' setting.");
}
