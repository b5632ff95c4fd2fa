using System.Text.Json;

namespace Marketplace.Domain.Events;

/// <summary>Serializes <see cref="EventEnvelope"/> exactly as the contract's JSON, and payloads camelCase.</summary>
public static class EventEnvelopeJson
{
    /// <summary>Options for the envelope: attribute names come from the record's attributes; nothing else is added.</summary>
    private static readonly JsonSerializerOptions EnvelopeOptions = new(JsonSerializerDefaults.General);

    /// <summary>Options for <see cref="EventEnvelope.Data"/> payloads and commands: camelCase, like the HTTP API.</summary>
    public static JsonSerializerOptions DataOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The envelope as CloudEvents structured-mode JSON.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <returns>Its JSON text.</returns>
    public static string Serialize(EventEnvelope envelope) => JsonSerializer.Serialize(envelope, EnvelopeOptions);

    /// <summary>Reads an envelope. Attribute names are case-sensitive, as CloudEvents requires.</summary>
    /// <param name="json">CloudEvents structured-mode JSON.</param>
    /// <returns>The envelope.</returns>
    /// <exception cref="JsonException">When the text is not JSON or does not fit the envelope.</exception>
    public static EventEnvelope Deserialize(string json) =>
        JsonSerializer.Deserialize<EventEnvelope>(json, EnvelopeOptions) ?? throw new JsonException("The envelope is null.");

    /// <summary>A payload as a detached <see cref="JsonElement"/> (camelCase).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="data">The payload.</param>
    /// <returns>The element.</returns>
    public static JsonElement ToElement<T>(T data) => JsonSerializer.SerializeToElement(data, DataOptions);
}
