using System.Text.Json;

namespace Marketplace.Domain.Events;

/// <summary>
/// Reads a command message taken from a queue: a CloudEvents 1.0 JSON envelope whose <c>type</c> is one of
/// <see cref="CommandTypes"/> and whose <c>data</c> is the command. Never throws on bad input: a message that cannot be
/// processed gets a reason code (<see cref="CommandParseReasons"/>) so the caller can dead-letter it.
/// </summary>
public static class CommandEnvelopeParser
{
    private static readonly string[] RequiredAttributes = ["id", "source", "type"];

    /// <summary>Parses and validates a raw message.</summary>
    /// <param name="raw">The message text (already base64-decoded by the queue client).</param>
    /// <returns>The command, or the reason it cannot be processed.</returns>
    public static CommandParseResult Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return CommandParseResult.Failure(CommandParseReasons.InvalidJson, ["The message is empty."]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw);
        }
        catch (JsonException exception)
        {
            return CommandParseResult.Failure(CommandParseReasons.InvalidJson, [$"The message is not JSON: {exception.Message}"]);
        }

        using (document)
        {
            return ParseDocument(document.RootElement, raw);
        }
    }

    private static CommandParseResult ParseDocument(JsonElement root, string raw)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return CommandParseResult.Failure(CommandParseReasons.InvalidJson, [$"The message is a JSON {root.ValueKind}, not an object."]);
        }

        var id = StringAttribute(root, "id");
        var type = StringAttribute(root, "type");
        var problems = new List<string>();
        if (StringAttribute(root, "specversion") != EventEnvelope.CloudEventsVersion)
        {
            problems.Add($"'specversion' must be \"{EventEnvelope.CloudEventsVersion}\".");
        }

        foreach (var name in RequiredAttributes)
        {
            if (string.IsNullOrEmpty(StringAttribute(root, name)))
            {
                problems.Add($"'{name}' is required and must be a non-empty string.");
            }
        }

        EventEnvelope? envelope = null;
        if (problems.Count == 0)
        {
            try
            {
                envelope = EventEnvelopeJson.Deserialize(raw);
            }
            catch (JsonException exception)
            {
                problems.Add($"The envelope's attributes are malformed: {exception.Message}");
            }
        }

        if (envelope is null)
        {
            return CommandParseResult.Failure(CommandParseReasons.NotCloudEvent, problems, eventId: id, eventType: type);
        }

        if (!CommandTypes.All.Contains(envelope.Type))
        {
            return CommandParseResult.Failure(
                CommandParseReasons.UnknownType, [$"'{envelope.Type}' is not a command type; expected one of: {string.Join(", ", CommandTypes.All)}."], envelope);
        }

        return ParseData(envelope);
    }

    private static CommandParseResult ParseData(EventEnvelope envelope)
    {
        if (envelope.DataContentType is { } contentType && !contentType.StartsWith(EventEnvelope.JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            return InvalidData(envelope, $"'datacontenttype' must be {EventEnvelope.JsonContentType}, not '{contentType}'.");
        }

        if (envelope.Data.ValueKind != JsonValueKind.Object)
        {
            return InvalidData(envelope, "'data' must be a JSON object.");
        }

        IMarketplaceCommand? command;
        try
        {
            command = envelope.Type switch
            {
                CommandTypes.InstallAsset => envelope.DataAs<InstallAssetCommand>(),
                CommandTypes.PublishAsset => envelope.DataAs<PublishAssetCommand>(),
                _ => null,
            };
        }
        catch (JsonException exception)
        {
            return InvalidData(envelope, $"'data' does not fit the command: {exception.Message}");
        }

        if (command is null)
        {
            return CommandParseResult.Failure(CommandParseReasons.UnknownType, [$"'{envelope.Type}' has no command reader."], envelope);
        }

        var errors = command.Validate();
        return errors.Count == 0
            ? CommandParseResult.Success(envelope, command)
            : CommandParseResult.Failure(CommandParseReasons.InvalidData, errors, envelope);
    }

    private static CommandParseResult InvalidData(EventEnvelope envelope, string message) =>
        CommandParseResult.Failure(CommandParseReasons.InvalidData, [message], envelope);

    private static string? StringAttribute(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
