namespace Marketplace.Functions.Commands;

/// <summary>
/// Dead-letter reason codes of the command queue beyond the parser's (<see cref="Domain.Events.CommandParseReasons"/>).
/// </summary>
public static class CommandReasons
{
    /// <summary>The command was valid but could not be carried out (no such target, target busy, version conflict, missing blob).</summary>
    public const string Rejected = "rejected";

    /// <summary>Handling kept failing with an unexpected error until the last delivery attempt.</summary>
    public const string FailedAfterRetries = "failed-after-retries";

    /// <summary>The consumer name the command queue deduplicates under in <see cref="Domain.Events.IProcessedEventStore"/>.</summary>
    public const string Consumer = "commands";

    /// <summary>Deliveries of one message before it is given up (host.json <c>extensions.queues.maxDequeueCount</c>).</summary>
    public const int MaxDequeueCount = 5;
}
