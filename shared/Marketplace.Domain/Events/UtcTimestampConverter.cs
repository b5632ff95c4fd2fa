using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.Domain.Events;

/// <summary>Writes timestamps as RFC 3339 UTC with a <c>Z</c> (<c>2026-12-03T12:00:00Z</c>); reads any RFC 3339 offset.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset?>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A CloudEvents 'time' must be an RFC 3339 string.");
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            ? value.ToUniversalTime()
            : throw new JsonException($"'{reader.GetString()}' is not an RFC 3339 timestamp.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
