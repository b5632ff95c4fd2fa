using Semver;

namespace Marketplace.Domain.Search;

/// <summary>Chooses <see cref="AssetSearchDocument.LatestVersion"/> from an asset's available versions.</summary>
public static class LatestVersionSelector
{
    /// <summary>Returns the newest stable version, or the newest prerelease when there is no stable one.</summary>
    /// <param name="versions">SemVer 2.0.0 version strings; build metadata does not affect ordering.</param>
    /// <returns>The chosen version as given, or <see langword="null"/> when there are none.</returns>
    /// <exception cref="ArgumentException">A version is not valid SemVer 2.0.0.</exception>
    public static string? Select(IEnumerable<string> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var parsed = versions
            .Select(text => SemVersion.TryParse(text, SemVersionStyles.Strict, out var version)
                ? (Text: text, Version: version)
                : throw new ArgumentException($"'{text}' is not a SemVer 2.0.0 version.", nameof(versions)))
            .ToList();

        var candidates = parsed.Any(p => !p.Version.IsPrerelease) ? parsed.Where(p => !p.Version.IsPrerelease) : parsed;
        return candidates
            .OrderByDescending(p => p.Version, SemVersion.PrecedenceComparer)
            .Select(p => p.Text)
            .FirstOrDefault();
    }
}
