namespace Marketplace.Domain.Catalog;

/// <summary>An asset in the catalogue; its descriptive fields come from its newest released manifest.</summary>
/// <param name="AssetId">The asset id (<c>publisher.name</c>).</param>
/// <param name="PublisherId">The owning publisher.</param>
/// <param name="Kind">template, component, agent, workflow or policy.</param>
/// <param name="DisplayName">Shown in the catalogue.</param>
/// <param name="Description">Shown in the catalogue.</param>
/// <param name="Tags">Search tags.</param>
/// <param name="Suspended">Hidden from search, no new installs or publications.</param>
/// <param name="SuspensionReason">Why, when suspended.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record AssetRecord(
    string AssetId,
    string PublisherId,
    string Kind,
    string DisplayName,
    string Description,
    IReadOnlyList<string> Tags,
    bool Suspended,
    string? SuspensionReason,
    DateTimeOffset UpdatedAt);
