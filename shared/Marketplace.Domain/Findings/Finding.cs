using System.Text.Json.Serialization;

namespace Marketplace.Domain.Findings;

/// <summary>
/// One problem found in a package: <c>{ code, severity, path?, message }</c> on the wire.
/// Codes are stable and listed in docs/package-rules.md.
/// </summary>
/// <param name="Code">Stable dotted code, for example <c>entry.zip-slip</c>.</param>
/// <param name="Severity">Whether the finding rejects the package.</param>
/// <param name="Path">The entry or file the finding is about, when there is one.</param>
/// <param name="Message">A human-readable explanation.</param>
public sealed record Finding(
    string Code,
    FindingSeverity Severity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Path,
    string Message)
{
    /// <summary>Creates an error finding.</summary>
    public static Finding Error(string code, string? path, string message) => new(code, FindingSeverity.Error, path, message);

    /// <summary>Creates a warning finding.</summary>
    public static Finding Warning(string code, string? path, string message) => new(code, FindingSeverity.Warning, path, message);

    /// <summary>True when this finding rejects the package.</summary>
    [JsonIgnore]
    public bool IsError => Severity == FindingSeverity.Error;
}
