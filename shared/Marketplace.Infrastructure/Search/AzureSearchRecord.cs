using System.Text.Json.Serialization;
using Marketplace.Domain.Search;

namespace Marketplace.Infrastructure.Search;

/// <summary>One asset as stored in the Azure AI Search index.</summary>
internal sealed class AzureSearchRecord
{
    [JsonPropertyName(AzureSearchFields.Key)]
    public string Key { get; set; } = string.Empty;

    [JsonPropertyName(AzureSearchFields.AssetId)]
    public string AssetId { get; set; } = string.Empty;

    [JsonPropertyName(AzureSearchFields.IdTerms)]
    public string? IdTerms { get; set; }

    [JsonPropertyName(AzureSearchFields.PublisherId)]
    public string PublisherId { get; set; } = string.Empty;

    [JsonPropertyName(AzureSearchFields.Kind)]
    public string Kind { get; set; } = string.Empty;

    [JsonPropertyName(AzureSearchFields.DisplayName)]
    public string? DisplayName { get; set; }

    [JsonPropertyName(AzureSearchFields.Description)]
    public string? Description { get; set; }

    [JsonPropertyName(AzureSearchFields.Tags)]
    public IReadOnlyList<string>? Tags { get; set; }

    [JsonPropertyName(AzureSearchFields.LatestVersion)]
    public string? LatestVersion { get; set; }

    [JsonPropertyName(AzureSearchFields.Versions)]
    public IReadOnlyList<string>? Versions { get; set; }

    [JsonPropertyName(AzureSearchFields.Suspended)]
    public bool Suspended { get; set; }

    [JsonPropertyName(AzureSearchFields.UpdatedAt)]
    public DateTimeOffset UpdatedAt { get; set; }

    public static AzureSearchRecord From(AssetSearchDocument document) => new()
    {
        Key = AzureSearchKeys.Encode(document.AssetId),
        AssetId = document.AssetId,
        IdTerms = document.AssetId.Replace('.', ' ').Replace('-', ' '),
        PublisherId = document.PublisherId,
        Kind = document.Kind,
        DisplayName = document.DisplayName,
        Description = document.Description,
        Tags = document.Tags,
        LatestVersion = document.LatestVersion,
        Versions = document.Versions,
        Suspended = document.Suspended,
        UpdatedAt = document.UpdatedAt,
    };

    public AssetSearchDocument ToDocument() => new(
        AssetId, PublisherId, Kind, DisplayName ?? string.Empty, Description ?? string.Empty,
        Tags ?? [], LatestVersion ?? string.Empty, Versions ?? [], Suspended, UpdatedAt);
}
