using Azure.Search.Documents.Indexes.Models;

namespace Marketplace.Infrastructure.Search;

/// <summary>The Azure AI Search index schema and the document shape stored in it.</summary>
internal static class AzureSearchFields
{
    public const string Key = "key";
    public const string AssetId = "assetId";
    public const string IdTerms = "idTerms";
    public const string PublisherId = "publisherId";
    public const string Kind = "kind";
    public const string DisplayName = "displayName";
    public const string Description = "description";
    public const string Tags = "tags";
    public const string LatestVersion = "latestVersion";
    public const string Versions = "versions";
    public const string Suspended = "suspended";
    public const string UpdatedAt = "updatedAt";
    public const string ScoringProfile = "catalog";

    /// <summary>The fields free text searches.</summary>
    public static readonly string[] Searchable = [AssetId, IdTerms, DisplayName, Tags, Description];

    /// <summary>The index definition: searchable text, exact filters, and weights that favour id, name and tags over description.</summary>
    public static SearchIndex Index(string name) => new(name)
    {
        Fields =
        {
            new SimpleField(Key, SearchFieldDataType.String) { IsKey = true },
            new SearchableField(AssetId) { IsFilterable = true, IsSortable = true },
            new SearchableField(IdTerms) { IsHidden = true },
            new SimpleField(PublisherId, SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
            new SimpleField(Kind, SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
            new SearchableField(DisplayName),
            new SearchableField(Description),
            new SearchableField(Tags, collection: true) { IsFilterable = true, IsFacetable = true },
            new SimpleField(LatestVersion, SearchFieldDataType.String),
            new SimpleField(Versions, SearchFieldDataType.Collection(SearchFieldDataType.String)),
            new SimpleField(Suspended, SearchFieldDataType.Boolean) { IsFilterable = true },
            new SimpleField(UpdatedAt, SearchFieldDataType.DateTimeOffset) { IsFilterable = true, IsSortable = true },
        },
        ScoringProfiles =
        {
            new ScoringProfile(ScoringProfile)
            {
                TextWeights = new TextWeights(new Dictionary<string, double>
                {
                    [AssetId] = 3, [IdTerms] = 3, [DisplayName] = 2, [Tags] = 2, [Description] = 1,
                }),
            },
        },
        DefaultScoringProfile = ScoringProfile,
    };
}
