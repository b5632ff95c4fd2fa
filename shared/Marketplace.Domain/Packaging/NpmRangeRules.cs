using Semver;

namespace Marketplace.Domain.Packaging;

/// <summary>Checks npm-style version ranges (<c>^1.2.0</c>, <c>~1.2</c>, <c>1.x</c>, <c>*</c>, <c>||</c> unions).</summary>
public static class NpmRangeRules
{
    private const int MaxLength = 256;

    /// <summary>Returns why a range is invalid, or <see langword="null"/> when it parses.</summary>
    public static string? Validate(string? range)
    {
        if (string.IsNullOrWhiteSpace(range))
        {
            return "The range is empty; use '*' for any version.";
        }

        return SemVersionRange.TryParseNpm(range, out _, MaxLength)
            ? null
            : $"'{range}' is not a valid npm-style version range.";
    }
}
