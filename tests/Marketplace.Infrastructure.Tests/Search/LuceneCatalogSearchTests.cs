using Marketplace.Domain.Search;
using Marketplace.Infrastructure.Search;
using static Marketplace.Infrastructure.Tests.Search.SearchDocuments;

namespace Marketplace.Infrastructure.Tests.Search;

/// <summary>The behaviour of <see cref="LuceneCatalogSearch"/> on a real index; derived classes choose the directory.</summary>
public abstract class LuceneCatalogSearchTests : IDisposable
{
    private LuceneCatalogSearch? _search;

    protected LuceneCatalogSearch Search => _search ??= Open();

    protected abstract LuceneCatalogSearch Open();

    public virtual void Dispose()
    {
        _search?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task IndexAsync(params AssetSearchDocument[] documents)
    {
        foreach (var document in documents)
        {
            await Search.UpsertAsync(document);
        }
    }

    protected async Task<List<string>> IdsAsync(CatalogSearchQuery query) =>
        (await Search.SearchAsync(query)).Items.Select(i => i.AssetId).ToList();

    [Theory]
    [InlineData("gateway")]
    [InlineData("GATEWAY")]
    [InlineData("throttling")]
    [InlineData("edge")]
    [InlineData("fabrikam")]
    [InlineData("fabrikam.api-gateway")]
    public async Task SearchAsync_TextInIdNameDescriptionOrTag_FindsAsset(string text)
    {
        await IndexAsync(
            Asset("fabrikam.api-gateway", "API Gateway", "Rate limiting and throttling.", tags: ["edge"]),
            Asset("contoso.logging", "Logging", "Structured logs.", tags: ["observability"]));

        Assert.Equal(["fabrikam.api-gateway"], await IdsAsync(new CatalogSearchQuery(text)));
    }

    [Fact]
    public async Task SearchAsync_SeveralWords_EveryWordMustMatch()
    {
        await IndexAsync(
            Asset("contoso.http-api", "HTTP API", "Minimal HTTP API."),
            Asset("contoso.grpc-api", "gRPC API", "Minimal gRPC API."));

        Assert.Equal(["contoso.grpc-api"], await IdsAsync(new CatalogSearchQuery("minimal grpc")));
        Assert.Empty(await IdsAsync(new CatalogSearchQuery("grpc logging")));
    }

    [Theory]
    [InlineData("name:http AND (api")]
    [InlineData("http*")]
    [InlineData("\"http")]
    [InlineData("http OR NOT")]
    public async Task SearchAsync_TextWithQuerySyntax_TreatedAsWords(string text)
    {
        await IndexAsync(Asset("contoso.http-api", "HTTP API"));

        var page = await Search.SearchAsync(new CatalogSearchQuery(text));

        Assert.True(page.Total <= 1);
    }

    [Fact]
    public async Task SearchAsync_PunctuationOnlyText_BehavesLikeNoText()
    {
        await IndexAsync(Asset("contoso.a"), Asset("contoso.b"));

        Assert.Equal(2, (await Search.SearchAsync(new CatalogSearchQuery("!!! ..."))).Total);
    }

    [Fact]
    public async Task SearchAsync_KindFilter_ReturnsOnlyThatKind()
    {
        await IndexAsync(Asset("contoso.a", kind: "template"), Asset("contoso.b", kind: "agent"), Asset("contoso.c", kind: "agents"));

        Assert.Equal(["contoso.b"], await IdsAsync(new CatalogSearchQuery(Kind: "agent")));
    }

    [Fact]
    public async Task SearchAsync_TagFilter_MatchesWholeTagExactly()
    {
        await IndexAsync(
            Asset("contoso.a", tags: ["http", "api"]),
            Asset("contoso.b", tags: ["https"]),
            Asset("contoso.c", tags: ["HTTP"]));

        Assert.Equal(["contoso.a"], await IdsAsync(new CatalogSearchQuery(Tag: "http")));
    }

    [Fact]
    public async Task SearchAsync_PublisherFilter_ReturnsOnlyThatPublisher()
    {
        await IndexAsync(Asset("contoso.a"), Asset("fabrikam.a"), Asset("contoso-labs.a"));

        Assert.Equal(["contoso.a"], await IdsAsync(new CatalogSearchQuery(Publisher: "contoso")));
    }

    [Fact]
    public async Task SearchAsync_TextAndAllFilters_CombineWithAnd()
    {
        await IndexAsync(
            Asset("contoso.http-api", "HTTP API", kind: "template", tags: ["http"]),
            Asset("contoso.http-agent", "HTTP agent", kind: "agent", tags: ["http"]),
            Asset("contoso.http-plain", "HTTP plain", kind: "template", tags: ["plain"]),
            Asset("fabrikam.http-api", "HTTP API", kind: "template", tags: ["http"]));

        Assert.Equal(["contoso.http-api"], await IdsAsync(new CatalogSearchQuery("http", Kind: "template", Tag: "http", Publisher: "contoso")));
    }

    [Fact]
    public async Task SearchAsync_Paging_PagesAreDisjointAndTotalCountsAll()
    {
        await IndexAsync(Enumerable.Range(0, 7).Select(i => Asset($"contoso.a{i}", updatedMinutes: i)).ToArray());

        var first = await Search.SearchAsync(new CatalogSearchQuery(Take: 3));
        var second = await Search.SearchAsync(new CatalogSearchQuery(Skip: 3, Take: 3));
        var last = await Search.SearchAsync(new CatalogSearchQuery(Skip: 6, Take: 3));
        var beyond = await Search.SearchAsync(new CatalogSearchQuery(Skip: 10, Take: 3));

        Assert.All([first, second, last, beyond], page => Assert.Equal(7, page.Total));
        Assert.Equal(["contoso.a6", "contoso.a5", "contoso.a4"], first.Items.Select(i => i.AssetId));
        Assert.Equal(["contoso.a3", "contoso.a2", "contoso.a1"], second.Items.Select(i => i.AssetId));
        Assert.Equal(["contoso.a0"], last.Items.Select(i => i.AssetId));
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task SearchAsync_NoText_OrdersByMostRecentlyUpdated()
    {
        await IndexAsync(
            Asset("contoso.old", updatedMinutes: 1),
            Asset("contoso.new", updatedMinutes: 30),
            Asset("contoso.mid", updatedMinutes: 10));

        Assert.Equal(["contoso.new", "contoso.mid", "contoso.old"], await IdsAsync(new CatalogSearchQuery()));
    }

    [Fact]
    public async Task SearchAsync_Text_OrdersByRelevanceNotRecency()
    {
        await IndexAsync(
            Asset("contoso.recent", "Recent thing", "Mentions logging once among many other words about other things.", updatedMinutes: 60),
            Asset("contoso.logging", "Logging", "Logging.", tags: ["logging"], updatedMinutes: 1));

        Assert.Equal(["contoso.logging", "contoso.recent"], await IdsAsync(new CatalogSearchQuery("logging")));
    }

    [Fact]
    public async Task UpsertAsync_SameAssetId_ReplacesDocument()
    {
        await IndexAsync(Asset("contoso.tool", "Old name", tags: ["old"]));

        await Search.UpsertAsync(Asset("contoso.tool", "New name", tags: ["new"]) with { LatestVersion = "2.0.0" });

        var all = await Search.SearchAsync(new CatalogSearchQuery());
        Assert.Equal(1, all.Total);
        Assert.Equal("2.0.0", all.Items[0].LatestVersion);
        Assert.Empty(await IdsAsync(new CatalogSearchQuery(Tag: "old")));
        Assert.Empty(await IdsAsync(new CatalogSearchQuery("old")));
        Assert.Equal(["contoso.tool"], await IdsAsync(new CatalogSearchQuery("new", Tag: "new")));
    }

    [Fact]
    public async Task DeleteAsync_IndexedAsset_RemovedFromResults()
    {
        await IndexAsync(Asset("contoso.a"), Asset("contoso.b"));

        await Search.DeleteAsync("contoso.a");

        Assert.Equal(["contoso.b"], await IdsAsync(new CatalogSearchQuery()));
        Assert.Empty(await IdsAsync(new CatalogSearchQuery("contoso.a")));
    }

    [Fact]
    public async Task DeleteAsync_UnknownAsset_DoesNothing()
    {
        await IndexAsync(Asset("contoso.a"));

        await Search.DeleteAsync("contoso.missing");

        Assert.Equal(1, (await Search.SearchAsync(new CatalogSearchQuery())).Total);
    }

    [Fact]
    public async Task SearchAsync_SuspendedAsset_NeverReturned()
    {
        await IndexAsync(
            Asset("contoso.visible", "Logging", tags: ["logs"]),
            Asset("contoso.hidden", "Logging", tags: ["logs"], suspended: true));

        Assert.Equal(["contoso.visible"], await IdsAsync(new CatalogSearchQuery()));
        Assert.Equal(["contoso.visible"], await IdsAsync(new CatalogSearchQuery("logging", Kind: "template", Tag: "logs", Publisher: "contoso")));
        var byId = await Search.SearchAsync(new CatalogSearchQuery("hidden"));
        Assert.Equal(0, byId.Total);
        Assert.Empty(byId.Items);
    }

    [Fact]
    public async Task UpsertAsync_Reinstated_ReturnedAgain()
    {
        await IndexAsync(Asset("contoso.a", suspended: true));

        await Search.UpsertAsync(Asset("contoso.a", suspended: false));

        Assert.Equal(["contoso.a"], await IdsAsync(new CatalogSearchQuery()));
    }

    [Fact]
    public async Task SearchAsync_IndexedDocument_RoundTripsEveryField()
    {
        var document = new AssetSearchDocument(
            "contoso.http-api", "contoso", "template", "HTTP API", "Minimal HTTP API.", ["http", "api"],
            "1.2.0", ["1.0.0", "1.2.0", "2.0.0-beta.1"], false, new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)));
        await IndexAsync(document);

        var found = Assert.Single((await Search.SearchAsync(new CatalogSearchQuery("http"))).Items);

        Assert.Equal(document with { Tags = found.Tags, Versions = found.Versions }, found);
        Assert.Equal(document.Tags, found.Tags);
        Assert.Equal(document.Versions, found.Versions);
    }

    [Theory]
    [InlineData(0, 0, "Take")]
    [InlineData(0, 101, "Take")]
    [InlineData(-1, 10, "Skip")]
    [InlineData(100_001, 10, "Skip")]
    public async Task SearchAsync_SkipOrTakeOutOfRange_ThrowsArgumentExceptionNamingIt(int skip, int take, string named)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Search.SearchAsync(new CatalogSearchQuery(Skip: skip, Take: take)));

        Assert.StartsWith(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertAsync_MissingKind_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Search.UpsertAsync(Asset("contoso.a", kind: " ")));
    }

    [Fact]
    public async Task UpsertAsync_ConcurrentWriters_AllDocumentsSearchable()
    {
        var search = Search;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => search.UpsertAsync(Asset($"contoso.c{i}", updatedMinutes: i)))));

        Assert.Equal(40, (await search.SearchAsync(new CatalogSearchQuery())).Total);
    }

    [Fact]
    public async Task IsHealthyAsync_OpenThenDisposed_TrueThenFalse()
    {
        Assert.True(await Search.IsHealthyAsync());

        Search.Dispose();

        Assert.False(await Search.IsHealthyAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Search.SearchAsync(new CatalogSearchQuery()));
    }
}

public sealed class InMemoryLuceneCatalogSearchTests : LuceneCatalogSearchTests
{
    protected override LuceneCatalogSearch Open() => new(new LuceneCatalogSearchOptions { InMemory = true });

    [Theory]
    [InlineData(true, "/tmp/x")]
    [InlineData(false, null)]
    [InlineData(false, " ")]
    public void Constructor_NotExactlyOneLocation_ThrowsArgumentException(bool inMemory, string? path)
    {
        var error = Assert.Throws<ArgumentException>(() => new LuceneCatalogSearch(new LuceneCatalogSearchOptions { InMemory = inMemory, IndexPath = path }));

        Assert.Contains("exactly one", error.Message, StringComparison.Ordinal);
    }
}

public sealed class FileSystemLuceneCatalogSearchTests : LuceneCatalogSearchTests
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("marketplace-lucene-");

    protected override LuceneCatalogSearch Open() => new(new LuceneCatalogSearchOptions { IndexPath = _directory.FullName });

    public override void Dispose()
    {
        base.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Open_AfterDispose_KeepsDocumentsAndDeletes()
    {
        using (var first = Open())
        {
            await first.UpsertAsync(Asset("contoso.kept", "Kept"));
            await first.UpsertAsync(Asset("contoso.gone"));
            await first.DeleteAsync("contoso.gone");
        }

        using var reopened = Open();
        var page = await reopened.SearchAsync(new CatalogSearchQuery("kept"));

        Assert.Equal(1, page.Total);
        Assert.Equal("contoso.kept", page.Items[0].AssetId);
        Assert.Equal(1, (await reopened.SearchAsync(new CatalogSearchQuery())).Total);
    }

    [Fact]
    public void Open_SecondWriterOnSameDirectory_ThrowsInvalidOperationException()
    {
        _ = Search;

        var error = Assert.Throws<InvalidOperationException>(Open);

        Assert.Contains("locked", error.Message, StringComparison.Ordinal);
    }
}
