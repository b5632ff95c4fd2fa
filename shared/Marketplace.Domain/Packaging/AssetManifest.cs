namespace Marketplace.Domain.Packaging;

/// <summary>A manifest that passed every field rule of the package format.</summary>
/// <param name="Id"><c>&lt;publisher&gt;.&lt;name&gt;</c>, lowercase.</param>
/// <param name="Version">SemVer 2.0.0 version, as written.</param>
/// <param name="Publisher">Publisher id; equals the id prefix.</param>
/// <param name="Kind">What the asset is.</param>
/// <param name="DisplayName">Name shown in the catalogue, if given.</param>
/// <param name="Description">Description shown in the catalogue, if given.</param>
/// <param name="License">SPDX licence expression.</param>
/// <param name="Pricing">Whether installing needs an entitlement.</param>
/// <param name="Tags">Search tags (possibly empty).</param>
/// <param name="Dependencies">Asset id to npm-style range (possibly empty).</param>
/// <param name="Compatibility">Runtime and project-type requirements.</param>
/// <param name="Conflicts">Asset id to npm-style range that cannot share a target (possibly empty).</param>
public sealed record AssetManifest(
    string Id,
    string Version,
    string Publisher,
    AssetKind Kind,
    string? DisplayName,
    string? Description,
    string License,
    AssetPricing Pricing,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Dependencies,
    AssetCompatibility Compatibility,
    IReadOnlyDictionary<string, string> Conflicts);

/// <summary>Where an asset can be installed.</summary>
/// <param name="Runtime">npm-style range the target runtime must satisfy; <see langword="null"/> means any.</param>
/// <param name="ProjectTypes">Supported project types; empty means any.</param>
public sealed record AssetCompatibility(string? Runtime, IReadOnlyList<string> ProjectTypes);
