namespace Marketplace.Domain.Events;

/// <summary>Why a command message could not be taken; also the dead-letter reason code.</summary>
public static class CommandParseReasons
{
    /// <summary>The message is not a JSON object.</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>A required CloudEvents attribute (<c>specversion</c> 1.0, <c>id</c>, <c>source</c>, <c>type</c>) is missing or wrong.</summary>
    public const string NotCloudEvent = "not-cloudevent";

    /// <summary>The <c>type</c> is not one of <see cref="CommandTypes"/>.</summary>
    public const string UnknownType = "unknown-type";

    /// <summary>The <c>data</c> is missing, malformed, or fails the command's validation.</summary>
    public const string InvalidData = "invalid-data";
}
