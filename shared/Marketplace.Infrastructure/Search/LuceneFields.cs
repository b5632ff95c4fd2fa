using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Marketplace.Domain.Search;

namespace Marketplace.Infrastructure.Search;

/// <summary>How an <see cref="AssetSearchDocument"/> is laid out in a Lucene document.</summary>
internal static class LuceneFields
{
    /// <summary>Exact asset id: the term that upserts and deletes replace.</summary>
    public const string Id = "id";

    /// <summary>Asset id as text, also split at '.' and '-' so "http" finds "contoso.http-api".</summary>
    public const string IdText = "id_text";

    public const string Name = "name";
    public const string Description = "description";
    public const string TagsText = "tags_text";

    /// <summary>Exact filter fields.</summary>
    public const string Kind = "kind";
    public const string Publisher = "publisher";
    public const string Tag = "tag";
    public const string Suspended = "suspended";

    /// <summary>Doc values for ordering: UTC ticks of <see cref="AssetSearchDocument.UpdatedAt"/>, and the id.</summary>
    public const string UpdatedSort = "updated_sort";
    public const string IdSort = "id_sort";

    /// <summary>The whole search document as JSON, returned as is.</summary>
    public const string Stored = "document";

    public const string True = "true";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Document ToLucene(AssetSearchDocument asset)
    {
        var document = new Document
        {
            new StringField(Id, asset.AssetId, Field.Store.NO),
            new TextField(IdText, asset.AssetId + " " + asset.AssetId.Replace('.', ' ').Replace('-', ' '), Field.Store.NO),
            new TextField(Name, asset.DisplayName ?? string.Empty, Field.Store.NO),
            new TextField(Description, asset.Description ?? string.Empty, Field.Store.NO),
            new StringField(Kind, asset.Kind, Field.Store.NO),
            new StringField(Publisher, asset.PublisherId, Field.Store.NO),
            new StringField(Suspended, asset.Suspended ? True : "false", Field.Store.NO),
            new NumericDocValuesField(UpdatedSort, asset.UpdatedAt.UtcTicks),
            new SortedDocValuesField(IdSort, new BytesRef(asset.AssetId)),
            new StoredField(Stored, JsonSerializer.Serialize(asset, Json)),
        };
        foreach (var tag in asset.Tags.Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Tag, tag, Field.Store.NO));
            document.Add(new TextField(TagsText, tag, Field.Store.NO));
        }

        return document;
    }

    public static AssetSearchDocument FromLucene(Document document) =>
        JsonSerializer.Deserialize<AssetSearchDocument>(document.Get(Stored), Json)
        ?? throw new InvalidOperationException("The Lucene index holds an empty search document.");
}
