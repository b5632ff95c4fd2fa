using Marketplace.Domain.Packaging;

namespace Marketplace.Domain.Events;

/// <summary>Shared field checks for commands; each adds a message to the list when the field is wrong.</summary>
internal static class CommandFieldRules
{
    /// <summary>Longest accepted tenant or target id.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Longest accepted version or version range.</summary>
    public const int MaxVersionLength = 128;

    /// <summary>Requires 1 to <see cref="MaxIdLength"/> printable characters without path separators.</summary>
    public static void RequireId(List<string> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"'{field}' is required.");
        }
        else if (value.Length > MaxIdLength)
        {
            errors.Add($"'{field}' must be at most {MaxIdLength} characters.");
        }
        else if (value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '/' or '\\' or '#' or '?'))
        {
            errors.Add($"'{field}' must not contain whitespace, control characters, '/', '\\', '#' or '?'.");
        }
    }

    /// <summary>Requires a syntactically valid asset id.</summary>
    public static void RequireAssetId(List<string> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"'{field}' is required.");
        }
        else if (AssetIdRules.ValidateId(value) is { } problem)
        {
            errors.Add($"'{field}': {problem}");
        }
    }

    /// <summary>Requires a syntactically valid publisher id.</summary>
    public static void RequirePublisherId(List<string> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"'{field}' is required.");
        }
        else if (AssetIdRules.ValidatePublisher(value) is { } problem)
        {
            errors.Add($"'{field}': {problem}");
        }
    }

    /// <summary>Allows an absent version; a present one must be non-blank, short and printable.</summary>
    public static void OptionalVersion(List<string> errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxVersionLength || value.Any(char.IsControl))
        {
            errors.Add($"'{field}', when given, must be 1 to {MaxVersionLength} printable characters.");
        }
    }
}
