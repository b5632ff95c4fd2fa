using System.Diagnostics.CodeAnalysis;

namespace Marketplace.Domain.Events;

/// <summary>The outcome of <see cref="CommandEnvelopeParser.Parse"/>: a typed command, or a reason code and messages.</summary>
public sealed record CommandParseResult
{
    private CommandParseResult(EventEnvelope? envelope, IMarketplaceCommand? command, string? reasonCode, IReadOnlyList<string> errors, string? eventId, string? eventType)
    {
        this.Envelope = envelope;
        this.Command = command;
        this.ReasonCode = reasonCode;
        this.Errors = errors;
        this.EventId = eventId;
        this.EventType = eventType;
    }

    /// <summary>Whether the message holds a valid command.</summary>
    [MemberNotNullWhen(true, nameof(Envelope), nameof(Command), nameof(EventId), nameof(EventType))]
    [MemberNotNullWhen(false, nameof(ReasonCode))]
    public bool Succeeded => this.ReasonCode is null;

    /// <summary>The envelope, when it could be read (also set for <see cref="CommandParseReasons.UnknownType"/> and <see cref="CommandParseReasons.InvalidData"/>).</summary>
    public EventEnvelope? Envelope { get; }

    /// <summary>The typed command (<see cref="InstallAssetCommand"/> or <see cref="PublishAssetCommand"/>) on success.</summary>
    public IMarketplaceCommand? Command { get; }

    /// <summary>One of <see cref="CommandParseReasons"/> on failure.</summary>
    public string? ReasonCode { get; }

    /// <summary>What was wrong, one message per problem; empty on success.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The message's <c>id</c>, when it has a readable one.</summary>
    public string? EventId { get; }

    /// <summary>The message's <c>type</c>, when it has a readable one.</summary>
    public string? EventType { get; }

    /// <summary>A success.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <param name="command">The validated command.</param>
    /// <returns>The result.</returns>
    public static CommandParseResult Success(EventEnvelope envelope, IMarketplaceCommand command) =>
        new(envelope, command, null, [], envelope.Id, envelope.Type);

    /// <summary>A failure.</summary>
    /// <param name="reasonCode">One of <see cref="CommandParseReasons"/>.</param>
    /// <param name="errors">What was wrong.</param>
    /// <param name="envelope">The envelope, when it could be read.</param>
    /// <param name="eventId">The message id, when readable.</param>
    /// <param name="eventType">The message type, when readable.</param>
    /// <returns>The result.</returns>
    public static CommandParseResult Failure(
        string reasonCode, IReadOnlyList<string> errors, EventEnvelope? envelope = null, string? eventId = null, string? eventType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reasonCode);
        return new(envelope, null, reasonCode, errors, eventId ?? envelope?.Id, eventType ?? envelope?.Type);
    }

    /// <summary>All error messages on one line, for logs and dead-letter details.</summary>
    public string ErrorDetail => string.Join(" ", this.Errors);
}
