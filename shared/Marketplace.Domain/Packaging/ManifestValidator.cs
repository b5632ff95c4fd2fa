using Marketplace.Domain.Findings;
using Semver;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Applies every field rule of the package format to a manifest document. One finding per broken
/// rule, coded <c>manifest.&lt;field&gt;</c>; the validated manifest is returned only when none is an error.
/// </summary>
public static class ManifestValidator
{
    /// <summary>Longest accepted <c>displayName</c>.</summary>
    public const int MaxDisplayNameLength = 100;

    /// <summary>Longest accepted <c>description</c>.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>Most accepted <c>tags</c>.</summary>
    public const int MaxTags = 20;

    /// <summary>Longest accepted tag or project type.</summary>
    public const int MaxTagLength = 32;

    /// <summary>Most accepted entries in <c>dependencies</c> or in <c>conflicts</c>.</summary>
    public const int MaxReferences = 100;

    private const string Path = ManifestParser.FileName;

    /// <summary>Validates a document against the package-format field rules.</summary>
    public static ManifestValidationResult Validate(ManifestDocument document)
    {
        var findings = new List<Finding>();
        void Error(string code, string message) => findings.Add(Finding.Error(code, Path, message));

        CheckId(document, Error);
        CheckVersion(document.Version, Error);
        if (Required(document.Publisher, FindingCodes.ManifestPublisher, "publisher", Error) is { } publisher
            && AssetIdRules.ValidatePublisher(publisher) is { } publisherError)
        {
            Error(FindingCodes.ManifestPublisher, publisherError);
        }

        var kind = Lookup(ManifestVocabulary.Kinds, document.Kind, FindingCodes.ManifestKind, "kind", Error);
        var pricing = Lookup(ManifestVocabulary.Pricings, document.Pricing, FindingCodes.ManifestPricing, "pricing", Error);
        if (Required(document.License, FindingCodes.ManifestLicense, "license", Error) is { } license
            && SpdxExpression.Validate(license) is { } licenseError)
        {
            Error(FindingCodes.ManifestLicense, licenseError);
        }

        CheckText(document.DisplayName, MaxDisplayNameLength, FindingCodes.ManifestDisplayName, FindingCodes.ManifestMissingDisplayName, "displayName", findings);
        CheckText(document.Description, MaxDescriptionLength, FindingCodes.ManifestDescription, FindingCodes.ManifestMissingDescription, "description", findings);
        CheckNames(document.Tags, FindingCodes.ManifestTags, "tags", MaxTags, Error);
        CheckReferences(document.Dependencies, document.Id, FindingCodes.ManifestDependencies, "dependencies", Error);
        CheckReferences(document.Conflicts, document.Id, FindingCodes.ManifestConflicts, "conflicts", Error);
        if (document.Compatibility?.Runtime is { } runtime && NpmRangeRules.Validate(runtime) is { } runtimeError)
        {
            Error(FindingCodes.ManifestCompatibilityRuntime, $"compatibility.runtime: {runtimeError}");
        }

        CheckNames(document.Compatibility?.ProjectTypes, FindingCodes.ManifestCompatibilityProjectTypes, "compatibility.projectTypes", int.MaxValue, Error);
        findings.AddRange((document.UnknownFields?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal).Select(field =>
            Finding.Warning(FindingCodes.ManifestUnknownField, Path, $"'{field}' is not a manifest field and is ignored.")));

        var manifest = findings.Any(f => f.IsError) ? null : Build(document, kind!.Value, pricing!.Value);
        return new ManifestValidationResult(manifest, findings);
    }

    private static void CheckId(ManifestDocument document, Action<string, string> error)
    {
        if (Required(document.Id, FindingCodes.ManifestId, "id", error) is not { } id)
        {
            return;
        }

        if (AssetIdRules.ValidateId(id) is { } idError)
        {
            error(FindingCodes.ManifestId, $"id: {idError}");
        }
        else if (document.Publisher is { } publisher && AssetIdRules.PrefixOf(id) != publisher)
        {
            error(FindingCodes.ManifestId, $"id: '{id}' must start with the publisher '{publisher}' followed by '.'.");
        }
    }

    private static void CheckVersion(string? version, Action<string, string> error)
    {
        if (Required(version, FindingCodes.ManifestVersion, "version", error) is { } value
            && !SemVersion.TryParse(value, SemVersionStyles.Strict, out _))
        {
            error(FindingCodes.ManifestVersion, $"version: '{value}' is not a SemVer 2.0.0 version such as 1.2.0 or 2.0.0-beta.1.");
        }
    }

    private static string? Required(string? value, string code, string field, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            error(code, $"{field} is required.");
            return null;
        }

        return value;
    }

    private static T? Lookup<T>(IReadOnlyDictionary<string, T> allowed, string? value, string code, string field, Action<string, string> error)
        where T : struct
    {
        if (Required(value, code, field, error) is not { } text)
        {
            return null;
        }

        if (allowed.TryGetValue(text, out var parsed))
        {
            return parsed;
        }

        error(code, $"{field}: '{text}' must be one of {string.Join(", ", allowed.Keys)}.");
        return null;
    }

    private static void CheckText(string? value, int maxLength, string code, string missingCode, string field, List<Finding> findings)
    {
        if (value is null)
        {
            findings.Add(Finding.Warning(missingCode, Path, $"{field} is missing; the catalogue will show the id instead."));
        }
        else if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            findings.Add(Finding.Error(code, Path, $"{field} must be 1 to {maxLength} characters of text without control characters."));
        }
    }

    private static void CheckNames(IReadOnlyList<string?>? names, string code, string field, int maxCount, Action<string, string> error)
    {
        if (names is null)
        {
            return;
        }

        if (names.Count > maxCount)
        {
            error(code, $"{field}: at most {maxCount} entries are allowed.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name is null || name.Length > MaxTagLength || AssetIdRules.ValidatePublisher(name) is not null)
            {
                error(code, $"{field}: '{name}' must be 1 to {MaxTagLength} characters of lowercase [a-z0-9] with single '-' between.");
            }
            else if (!seen.Add(name))
            {
                error(code, $"{field}: '{name}' appears more than once.");
            }
        }
    }

    private static void CheckReferences(IReadOnlyDictionary<string, string?>? references, string? ownId, string code, string field, Action<string, string> error)
    {
        if (references is null)
        {
            return;
        }

        if (references.Count > MaxReferences)
        {
            error(code, $"{field}: at most {MaxReferences} entries are allowed.");
        }

        foreach (var (id, range) in references)
        {
            if (AssetIdRules.ValidateId(id) is { } idError)
            {
                error(code, $"{field}: {idError}");
            }
            else if (id == ownId)
            {
                error(code, $"{field}: an asset cannot name itself.");
            }

            if (NpmRangeRules.Validate(range) is { } rangeError)
            {
                error(code, $"{field}.{id}: {rangeError}");
            }
        }
    }

    private static AssetManifest Build(ManifestDocument document, AssetKind kind, AssetPricing pricing) => new(
        Id: document.Id!,
        Version: document.Version!,
        Publisher: document.Publisher!,
        Kind: kind,
        DisplayName: document.DisplayName,
        Description: document.Description,
        License: document.License!,
        Pricing: pricing,
        Tags: [.. document.Tags?.OfType<string>() ?? []],
        Dependencies: Copy(document.Dependencies),
        Compatibility: new AssetCompatibility(document.Compatibility?.Runtime, [.. document.Compatibility?.ProjectTypes?.OfType<string>() ?? []]),
        Conflicts: Copy(document.Conflicts));

    private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string?>? source) =>
        source?.ToDictionary(p => p.Key, p => p.Value ?? "*", StringComparer.Ordinal) ?? [];
}

/// <summary>The findings of validating a manifest, and the manifest itself when no finding is an error.</summary>
/// <param name="Manifest">The validated manifest, or <see langword="null"/> when a rule was broken.</param>
/// <param name="Findings">Every broken rule, errors and warnings.</param>
public sealed record ManifestValidationResult(AssetManifest? Manifest, IReadOnlyList<Finding> Findings);
