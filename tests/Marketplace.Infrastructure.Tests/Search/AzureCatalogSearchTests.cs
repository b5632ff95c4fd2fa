using System.Text.Json.Nodes;
using Azure.Search.Documents;
using Marketplace.Domain.Search;
using Marketplace.Infrastructure.Search;
using Marketplace.Infrastructure.Tests.Signing.Fakes;
using static Marketplace.Infrastructure.Tests.Search.SearchDocuments;

namespace Marketplace.Infrastructure.Tests.Search;

/// <summary>Request shapes of <see cref="AzureCatalogSearch"/> against a recording HTTPS fake (no Azure access here).</summary>
public sealed class AzureCatalogSearchTests : IAsyncLifetime
{
    private readonly TestTokenCredential _credential = new(FakeSearchService.Token);
    private FakeSearchService? _service;
    private AzureCatalogSearch? _search;

    private FakeSearchService Service => _service!;

    private AzureCatalogSearch Search => _search!;

    public async Task InitializeAsync()
    {
        _service = await FakeSearchService.StartAsync();
        _search = NewSearch(_credential);
    }

    public async Task DisposeAsync()
    {
        _search?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    private AzureCatalogSearch NewSearch(TestTokenCredential credential)
    {
        var clientOptions = new SearchClientOptions { Transport = Service.CreateTransport() };
        clientOptions.Retry.MaxRetries = 0;
        return new AzureCatalogSearch(new AzureSearchOptions { Endpoint = Service.Endpoint, IndexName = "assets" }, credential, clientOptions: clientOptions);
    }

    private FakeSearchService.RecordedRequest Last(string pathSuffix) =>
        Service.Requests.Last(r => r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    [Fact]
    public async Task UpsertAsync_IndexMissing_CreatesIndexWithFilterableFieldsAndKey()
    {
        await Search.UpsertAsync(Asset("contoso.http-api", tags: ["http"]));

        Assert.Equal(["GET /indexes('assets')", "POST /indexes", "POST /indexes('assets')/docs/search.index"], Service.Requests.Select(r => $"{r.Method} {r.Path}"));
        var fields = Last("/indexes").Json["fields"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => f!);
        Assert.True((bool)fields["key"]["key"]!);
        Assert.Equal("Collection(Edm.String)", (string)fields["tags"]["type"]!);
        Assert.True((bool)fields["tags"]["filterable"]!);
        Assert.True((bool)fields["tags"]["searchable"]!);
        Assert.True((bool)fields["kind"]["filterable"]!);
        Assert.True((bool)fields["publisherId"]["filterable"]!);
        Assert.Equal("Edm.Boolean", (string)fields["suspended"]["type"]!);
        Assert.True((bool)fields["suspended"]["filterable"]!);
        Assert.True((bool)fields["updatedAt"]["sortable"]!);
        Assert.True((bool)fields["description"]["searchable"]!);
    }

    [Fact]
    public async Task UpsertAsync_Document_MergeOrUploadWithUrlSafeKeyAndBearerToken()
    {
        await Search.UpsertAsync(Asset("contoso.http-api", "HTTP API", tags: ["http", "api"]));

        var request = Last("/docs/search.index");
        var action = request.Json["value"]![0]!;
        Assert.Equal("mergeOrUpload", (string)action["@search.action"]!);
        Assert.Equal(AzureSearchKeys.Encode("contoso.http-api"), (string)action["key"]!);
        Assert.Equal("contoso.http-api", (string)action["assetId"]!);
        Assert.Equal("contoso http api", (string)action["idTerms"]!);
        Assert.Equal(["http", "api"], action["tags"]!.AsArray().Select(t => (string)t!));
        Assert.False((bool)action["suspended"]!);
        Assert.Equal($"Bearer {FakeSearchService.Token}", request.Authorization);
        Assert.Contains("https://search.azure.com/.default", _credential.RequestedScopes);
    }

    [Fact]
    public async Task UpsertAsync_Twice_ChecksIndexOnlyOnce()
    {
        await Search.UpsertAsync(Asset("contoso.a"));
        await Search.UpsertAsync(Asset("contoso.b"));

        Assert.Single(Service.Requests, r => r.Method == "GET" && r.Path == "/indexes('assets')");
        Assert.Single(Service.Requests, r => r.Method == "POST" && r.Path == "/indexes");
    }

    [Fact]
    public async Task DeleteAsync_AssetId_SendsDeleteActionWithEncodedKey()
    {
        await Search.DeleteAsync("contoso.http-api");

        var action = Last("/docs/search.index").Json["value"]![0]!;
        Assert.Equal("delete", (string)action["@search.action"]!);
        Assert.Equal(AzureSearchKeys.Encode("contoso.http-api"), (string)action["key"]!);
    }

    [Fact]
    public async Task SearchAsync_TextAndFilters_SendsEscapedQueryFilterPagingAndRelevanceOrder()
    {
        await Search.SearchAsync(new CatalogSearchQuery("http+api (v2)", Kind: "template", Tag: "o'reilly", Publisher: "contoso", Skip: 20, Take: 10));

        var body = Last("/docs/search.post.search").Json;
        Assert.Equal(@"http\+api \(v2\)", (string)body["search"]!);
        Assert.Equal("suspended eq false and kind eq 'template' and tags/any(t: t eq 'o''reilly') and publisherId eq 'contoso'", (string)body["filter"]!);
        Assert.Equal(20, (int)body["skip"]!);
        Assert.Equal(10, (int)body["top"]!);
        Assert.True((bool)body["count"]!);
        Assert.Equal("all", (string)body["searchMode"]!);
        Assert.Equal("assetId,idTerms,displayName,tags,description", (string)body["searchFields"]!);
        Assert.Equal("search.score() desc,updatedAt desc", (string)body["orderby"]!);
    }

    [Fact]
    public async Task SearchAsync_NoText_SearchesEverythingByMostRecentlyUpdated()
    {
        await Search.SearchAsync(new CatalogSearchQuery());

        var body = Last("/docs/search.post.search").Json;
        Assert.Equal("*", (string)body["search"]!);
        Assert.Equal("suspended eq false", (string)body["filter"]!);
        Assert.Equal("updatedAt desc,assetId asc", (string)body["orderby"]!);
        Assert.Null(body["searchFields"]);
    }

    [Fact]
    public async Task SearchAsync_Results_MapBackToDocumentsWithServiceTotal()
    {
        var document = new AssetSearchDocument(
            "contoso.http-api", "contoso", "template", "HTTP API", "Minimal.", ["http"], "1.2.0", ["1.0.0", "1.2.0"],
            false, new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
        await Search.UpsertAsync(document);

        var page = await Search.SearchAsync(new CatalogSearchQuery("http"));

        Assert.Equal(42, page.Total);
        var found = Assert.Single(page.Items);
        Assert.Equal(document with { Tags = found.Tags, Versions = found.Versions }, found);
        Assert.Equal(document.Tags, found.Tags);
        Assert.Equal(document.Versions, found.Versions);
    }

    [Fact]
    public async Task SearchAsync_TakeOutOfRange_ThrowsBeforeAnyRequest()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Search.SearchAsync(new CatalogSearchQuery(Take: 500)));

        Assert.Empty(Service.Requests);
    }

    [Fact]
    public async Task IsHealthyAsync_IndexNotCreatedYet_True()
    {
        Assert.True(await Search.IsHealthyAsync());
        Assert.Equal("/indexes('assets')/search.stats", Service.Requests.Single().Path);
    }

    [Fact]
    public async Task IsHealthyAsync_ServiceFails_False()
    {
        Service.FailNext(503);

        Assert.False(await Search.IsHealthyAsync());
    }

    [Fact]
    public async Task IsHealthyAsync_WrongToken_False()
    {
        using var search = NewSearch(new TestTokenCredential("someone-else"));

        Assert.False(await search.IsHealthyAsync());
    }

    [Theory]
    [InlineData("http://search.example", "assets")]
    [InlineData(null, "assets")]
    [InlineData("https://search.example", "Assets")]
    [InlineData("https://search.example", "a")]
    [InlineData("https://search.example", "-assets")]
    public void Constructor_InvalidOptions_ThrowsArgumentException(string? endpoint, string indexName)
    {
        var options = new AzureSearchOptions { Endpoint = endpoint is null ? null : new Uri(endpoint), IndexName = indexName };

        Assert.Throws<ArgumentException>(() => new AzureCatalogSearch(options, _credential));
    }
}
