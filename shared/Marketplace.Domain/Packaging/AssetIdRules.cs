using System.Text.RegularExpressions;

namespace Marketplace.Domain.Packaging;

/// <summary>Syntax of asset and publisher ids: lowercase <c>[a-z0-9]</c> runs joined by single separators.</summary>
public static partial class AssetIdRules
{
    /// <summary>Shortest allowed asset id.</summary>
    public const int MinIdLength = 3;

    /// <summary>Longest allowed asset id.</summary>
    public const int MaxIdLength = 100;

    /// <summary>Longest allowed publisher id.</summary>
    public const int MaxPublisherLength = 64;

    /// <summary>Checks an asset id's syntax (<c>&lt;publisher&gt;.&lt;name&gt;</c>); returns why it is invalid, or <see langword="null"/>.</summary>
    public static string? ValidateId(string id)
    {
        if (id.Length is < MinIdLength or > MaxIdLength)
        {
            return $"'{id}' must be {MinIdLength} to {MaxIdLength} characters long.";
        }

        if (!IdPattern().IsMatch(id))
        {
            return $"'{id}' must be lowercase [a-z0-9] with single '-' or '.' between.";
        }

        return id.Contains('.', StringComparison.Ordinal) ? null : $"'{id}' must be <publisher>.<name>.";
    }

    /// <summary>Checks a publisher id's syntax; returns why it is invalid, or <see langword="null"/>.</summary>
    public static string? ValidatePublisher(string publisher) =>
        publisher.Length <= MaxPublisherLength && PublisherPattern().IsMatch(publisher)
            ? null
            : $"'{publisher}' must be 1 to {MaxPublisherLength} characters of lowercase [a-z0-9] with single '-' between.";

    /// <summary>The publisher part of an asset id: everything before the first '.'.</summary>
    public static string PrefixOf(string id)
    {
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? id : id[..dot];
    }

    [GeneratedRegex("^[a-z0-9]+(?:[.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PublisherPattern();
}
