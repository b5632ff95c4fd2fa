using System.Diagnostics.CodeAnalysis;
using Marketplace.Resolution.Versions;
using Semver;

namespace Marketplace.Resolution.Ranges;

/// <summary>
/// An npm-style version range (<c>^1.2.0</c>, <c>~1.2</c>, <c>&gt;=1.0.0 &lt;2.0.0</c>, <c>1.x</c>, <c>*</c>,
/// <c>1.0.0 - 1.4.0</c>, <c>||</c> unions) with npm's matching rules, prereleases included.
/// </summary>
public sealed class NpmRange
{
    private readonly IReadOnlyList<ComparatorSet> alternatives;

    private NpmRange(string text, IReadOnlyList<ComparatorSet> alternatives)
    {
        Text = text;
        this.alternatives = alternatives;
        Versions = alternatives.Aggregate(VersionSet.Empty, (union, set) => union.Union(set.Versions));
    }

    /// <summary>The range as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Every version inside the range's bounds, before npm's prerelease rule. A prerelease in this set
    /// matches only if <see cref="IsSatisfiedBy"/> says so.
    /// </summary>
    public VersionSet Versions { get; }

    /// <summary>Parses <paramref name="text"/>, or returns false.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NpmRange? range) => TryParse(text, out range, out _);

    /// <summary>Parses <paramref name="text"/>, or returns false with a message saying what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NpmRange? range, [NotNullWhen(false)] out string? error)
    {
        range = null;
        if (text is null)
        {
            error = "a range is required";
            return false;
        }

        var alternatives = NpmRangeParser.TryParse(text, out error);
        if (alternatives is null)
        {
            error ??= $"'{text}' is not a valid range";
            return false;
        }

        range = new NpmRange(text, alternatives);
        return true;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not an npm range.</exception>
    public static NpmRange Parse(string text) =>
        TryParse(text, out var range, out var error) ? range : throw new FormatException($"Invalid version range '{text}': {error}.");

    /// <summary>
    /// True when <paramref name="version"/> matches, with npm's prerelease rule: a prerelease matches only
    /// if the alternative that contains it names a prerelease of the same major.minor.patch.
    /// </summary>
    public bool IsSatisfiedBy(SemVersion version)
    {
        foreach (var alternative in alternatives)
        {
            if (alternative.IsSatisfiedBy(version)) return true;
        }

        return false;
    }

    /// <summary>Returns <see cref="Text"/>.</summary>
    public override string ToString() => Text;
}
