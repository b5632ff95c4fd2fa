using System.Text.Json;

namespace Marketplace.Functions.Orchestrations.Events;

/// <summary>
/// A fact a saga established, to be published by the <c>EmitEvent</c> activity. The event id is derived from the
/// correlation id (the saga instance) and the step, so a retried or replayed step re-emits the same id.
/// </summary>
/// <param name="Type">The CloudEvents type (see <c>EventTypes</c>).</param>
/// <param name="Source">The emitting saga (see <c>EventSources</c>).</param>
/// <param name="Subject">What the event is about (see <c>EventSubjects</c>).</param>
/// <param name="CorrelationId">The saga instance id.</param>
/// <param name="Step">The step name, unique within the saga instance.</param>
/// <param name="Data">The event's data.</param>
/// <param name="TenantId">The tenant, for installation events.</param>
/// <param name="CausationId">The event or request that caused it.</param>
public sealed record EmitEventInput(
    string Type, string Source, string Subject, string CorrelationId, string Step, JsonElement Data, string? TenantId = null, string? CausationId = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Builds an input; serializing the data here is pure, so it is safe in orchestrator code.</summary>
    public static EmitEventInput Of<T>(string type, string source, string subject, string correlationId, string step, T data, string? tenantId = null) =>
        new(type, source, subject, correlationId, step, JsonSerializer.SerializeToElement(data, Json), tenantId, correlationId);
}
