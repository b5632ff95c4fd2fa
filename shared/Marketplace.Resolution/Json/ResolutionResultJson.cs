using System.Text.Encodings.Web;
using System.Text.Json;

namespace Marketplace.Resolution.Json;

/// <summary>
/// Writes a <see cref="ResolutionResult"/> as the contract's output document:
/// <c>{ "ok": true, "solution": {...} }</c> or <c>{ "ok": false, "conflicts": [...], "explanation": "..." }</c>.
/// </summary>
public static class ResolutionResultJson
{
    /// <summary>The result as an indented JSON document.</summary>
    public static string Write(ResolutionResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("ok", result.IsSolved);
            switch (result)
            {
                case ResolutionSucceeded succeeded:
                    writer.WriteStartObject("solution");
                    foreach (var (assetId, version) in succeeded.Solution) writer.WriteString(assetId, version);
                    writer.WriteEndObject();
                    break;
                case ResolutionFailed failed:
                    WriteConflicts(writer, failed.Conflicts);
                    writer.WriteString("explanation", failed.Explanation);
                    break;
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteConflicts(Utf8JsonWriter writer, IReadOnlyList<AssetConflict> conflicts)
    {
        writer.WriteStartArray("conflicts");
        foreach (var conflict in conflicts)
        {
            writer.WriteStartObject();
            writer.WriteString("assetId", conflict.AssetId);
            writer.WriteStartArray("ranges");
            foreach (var range in conflict.Ranges)
            {
                writer.WriteStartObject();
                writer.WriteString("range", range.Range);
                writer.WriteString("requiredBy", range.RequiredBy);
                writer.WriteString("kind", range.Kind == RequirementKind.Excludes ? "excludes" : "requires");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
