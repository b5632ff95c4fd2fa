namespace Marketplace.Domain.Events;

/// <summary>
/// Dead-letter ids: a version-5 UUID (32 hex digits, no dashes) of the source queue and the transport's message id, so the
/// same poison message recorded twice is one entry.
/// </summary>
public static class DeadLetterIds
{
    /// <summary>The namespace for dead-letter ids (fixed forever).</summary>
    public static readonly Guid Namespace = new("c3a9f1d4-2b7e-4f08-8a6c-93e5d07b14af");

    /// <summary>The dead-letter id of message <paramref name="messageId"/> from <paramref name="source"/>.</summary>
    /// <param name="source">The queue or subscription the message came from.</param>
    /// <param name="messageId">The transport's message id (or, when it has none, a hash of the raw text).</param>
    /// <returns>32 lowercase hex digits.</returns>
    public static string Derive(string source, string messageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return NameBasedGuid.Create(Namespace, NameBasedGuid.JoinParts(source, messageId)).ToString("N");
    }
}
