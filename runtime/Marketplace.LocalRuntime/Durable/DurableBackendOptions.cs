namespace Marketplace.LocalRuntime.Durable;

/// <summary>How the local runtime's durable backend uses Azure Storage (Azurite).</summary>
public sealed class DurableBackendOptions
{
    /// <summary>Storage for the task hub (<c>AzureWebJobsStorage</c>).</summary>
    public required string StorageConnectionString { get; init; }

    /// <summary>The task hub name (<c>Marketplace__TaskHub</c>).</summary>
    public required string TaskHub { get; init; }

    /// <summary>
    /// Stable worker id, so a restarted process takes its own partition leases back at once instead of waiting for
    /// them to expire.
    /// </summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}-local";

    /// <summary>
    /// How long a dequeued message stays hidden. This sidecar never renews message locks, so it must be longer than
    /// the longest activity; short enough that a killed process's work is picked up again soon.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>The longest wait between polls of an idle queue.</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Control-queue partitions; one is plenty on one machine.</summary>
    public int PartitionCount { get; init; } = 1;
}
