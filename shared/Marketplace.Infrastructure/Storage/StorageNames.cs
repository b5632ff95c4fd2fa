namespace Marketplace.Infrastructure.Storage;

/// <summary>Names of the containers, tables and queues the marketplace owns. One place, so infra and code agree.</summary>
public static class StorageNames
{
    /// <summary>The name of the app's storage connection setting.</summary>
    public const string Connection = "MarketplaceStorage";

    /// <summary>Uploaded packages by content hash, and the blob-trigger inbox <c>incoming/{publisherId}/*.zip</c>.</summary>
    public const string StagingContainer = "staging";

    /// <summary>Released packages: write-once.</summary>
    public const string ReleasedContainer = "released";

    /// <summary>Files applied into tenants' targets.</summary>
    public const string TargetsContainer = "targets";

    /// <summary>Receipts of blobs the local runtime's blob trigger has already dispatched.</summary>
    public const string BlobReceiptsTable = "BlobTriggerReceipts";
}
