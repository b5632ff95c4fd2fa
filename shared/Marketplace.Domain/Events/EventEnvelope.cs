using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.Domain.Events;

/// <summary>
/// The marketplace's one message envelope: a CloudEvents 1.0 structured-mode JSON document (see docs/events.md).
/// Serialize it with <see cref="EventEnvelopeJson"/>; property names are the lowercase CloudEvents attribute names.
/// </summary>
/// <param name="Id">The event id (<c>eventId</c>); consumers deduplicate on it. Derived with <see cref="EventIds.Derive"/>.</param>
/// <param name="Type">The event or command type, one of <see cref="EventTypes"/> or <see cref="CommandTypes"/>.</param>
/// <param name="Source">The emitting context, for example <see cref="EventSources.Publishing"/>.</param>
/// <param name="Subject">What the event is about, for example <c>assets/contoso.http-api/versions/1.2.0</c>.</param>
/// <param name="Time">When the fact happened (UTC; written as RFC 3339 with <c>Z</c>).</param>
/// <param name="CorrelationId">The saga instance id.</param>
/// <param name="CausationId">The id of the event or request that caused this one.</param>
/// <param name="TenantId">The tenant the event concerns; omitted from the JSON when <see langword="null"/>.</param>
/// <param name="Data">The payload: a JSON object (camelCase).</param>
public sealed record EventEnvelope(
    [property: JsonPropertyName("id"), JsonPropertyOrder(1)] string Id,
    [property: JsonPropertyName("type"), JsonPropertyOrder(2)] string Type,
    [property: JsonPropertyName("source"), JsonPropertyOrder(3)] string Source,
    [property: JsonPropertyName("subject"), JsonPropertyOrder(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject,
    [property: JsonPropertyName("time"), JsonPropertyOrder(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset? Time,
    [property: JsonPropertyName("correlationid"), JsonPropertyOrder(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CorrelationId,
    [property: JsonPropertyName("causationid"), JsonPropertyOrder(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CausationId,
    [property: JsonPropertyName("tenantid"), JsonPropertyOrder(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TenantId,
    [property: JsonPropertyName("data"), JsonPropertyOrder(10)] JsonElement Data)
{
    /// <summary>The only CloudEvents version the marketplace speaks.</summary>
    public const string CloudEventsVersion = "1.0";

    /// <summary>The content type of <see cref="Data"/>.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>The CloudEvents spec version: always <c>1.0</c>.</summary>
    [JsonPropertyName("specversion")]
    [JsonPropertyOrder(0)]
    public string SpecVersion { get; init; } = CloudEventsVersion;

    /// <summary>The content type of <see cref="Data"/>: <c>application/json</c>.</summary>
    [JsonPropertyName("datacontenttype")]
    [JsonPropertyOrder(6)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DataContentType { get; init; } = JsonContentType;

    /// <summary>
    /// Creates an envelope whose id is derived from <paramref name="correlationId"/> and <paramref name="step"/>,
    /// so a retried step re-emits the same id.
    /// </summary>
    /// <typeparam name="T">The payload type; serialized camelCase.</typeparam>
    /// <param name="type">The event or command type.</param>
    /// <param name="source">The emitting context.</param>
    /// <param name="subject">What the event is about.</param>
    /// <param name="correlationId">The saga instance id.</param>
    /// <param name="step">The saga step that emits this event, unique within the saga (for example <c>released</c>).</param>
    /// <param name="data">The payload.</param>
    /// <param name="time">When the fact happened (from the orchestration's clock, never <c>DateTime.Now</c> in an orchestrator).</param>
    /// <param name="causationId">The id of the event or request that caused this one.</param>
    /// <param name="tenantId">The tenant concerned, if any.</param>
    /// <returns>The envelope.</returns>
    /// <exception cref="ArgumentException">When a required attribute is empty.</exception>
    public static EventEnvelope Create<T>(
        string type,
        string source,
        string subject,
        string correlationId,
        string step,
        T data,
        DateTimeOffset time,
        string? causationId = null,
        string? tenantId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var id = EventIds.Derive(correlationId, step).ToString("D");
        return new EventEnvelope(
            id, type, source, subject, time.ToUniversalTime(), correlationId, causationId, tenantId,
            EventEnvelopeJson.ToElement(data));
    }

    /// <summary>Reads <see cref="Data"/> as <typeparamref name="T"/> (camelCase).</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <returns>The payload.</returns>
    /// <exception cref="JsonException">When the data does not fit <typeparamref name="T"/>.</exception>
    public T DataAs<T>() =>
        this.Data.Deserialize<T>(EventEnvelopeJson.DataOptions)
        ?? throw new JsonException($"Event {this.Id} has null data.");
}
