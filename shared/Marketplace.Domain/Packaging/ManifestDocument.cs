using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// <c>marketplace.json</c> exactly as written: every field optional and unchecked.
/// <see cref="ManifestValidator"/> turns it into an <see cref="AssetManifest"/>.
/// </summary>
public sealed record ManifestDocument
{
    /// <summary><c>&lt;publisher&gt;.&lt;name&gt;</c>.</summary>
    public string? Id { get; init; }

    /// <summary>SemVer 2.0.0 version.</summary>
    public string? Version { get; init; }

    /// <summary>Publisher id.</summary>
    public string? Publisher { get; init; }

    /// <summary>Asset kind, for example <c>template</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Name shown in the catalogue.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Description shown in the catalogue.</summary>
    public string? Description { get; init; }

    /// <summary>SPDX licence expression.</summary>
    public string? License { get; init; }

    /// <summary><c>free</c> or <c>paid</c>.</summary>
    public string? Pricing { get; init; }

    /// <summary>Search tags.</summary>
    public IReadOnlyList<string?>? Tags { get; init; }

    /// <summary>Asset id to npm-style range.</summary>
    public IReadOnlyDictionary<string, string?>? Dependencies { get; init; }

    /// <summary>Runtime and project-type requirements.</summary>
    public ManifestCompatibilityDocument? Compatibility { get; init; }

    /// <summary>Asset id to npm-style range of versions that cannot share a target with this one.</summary>
    public IReadOnlyDictionary<string, string?>? Conflicts { get; init; }

    /// <summary>Fields the format does not define, kept so they can be reported.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }
}

/// <summary>The <c>compatibility</c> object as written.</summary>
public sealed record ManifestCompatibilityDocument
{
    /// <summary>npm-style range the target runtime must satisfy.</summary>
    public string? Runtime { get; init; }

    /// <summary>Project types the asset supports.</summary>
    public IReadOnlyList<string?>? ProjectTypes { get; init; }
}
