using System.Text.RegularExpressions;
using Marketplace.Domain.Search;
using Marketplace.Infrastructure.Search;

namespace Marketplace.Infrastructure.Tests.Search;

public sealed partial class AzureSearchQueriesTests
{
    [Fact]
    public void Filter_NoFilters_OnlyExcludesSuspended()
    {
        Assert.Equal("suspended eq false", AzureSearchQueries.Filter(new CatalogSearchQuery("text")));
    }

    [Fact]
    public void Filter_AllFilters_JoinsExactClausesWithAnd()
    {
        var filter = AzureSearchQueries.Filter(new CatalogSearchQuery(Kind: "template", Tag: "http", Publisher: "contoso"));

        Assert.Equal("suspended eq false and kind eq 'template' and tags/any(t: t eq 'http') and publisherId eq 'contoso'", filter);
    }

    [Theory]
    [InlineData("x' or true or kind eq 'y", "kind eq 'x'' or true or kind eq ''y'")]
    [InlineData("''", "kind eq ''''''")]
    public void Filter_ValueWithQuotes_QuotesDoubledSoValueStaysOneLiteral(string kind, string expectedClause)
    {
        var filter = AzureSearchQueries.Filter(new CatalogSearchQuery(Kind: kind));

        Assert.Equal($"suspended eq false and {expectedClause}", filter);
    }

    [Theory]
    [InlineData(null, "*")]
    [InlineData("   ", "*")]
    [InlineData(" http api ", "http api")]
    [InlineData("a+b|c -d", @"a\+b\|c \-d")]
    [InlineData("\"quoted\" wild* (x)", @"\""quoted\"" wild\* \(x\)")]
    [InlineData(@"back\slash", @"back\\slash")]
    public void SearchText_UserText_OperatorsEscaped(string? text, string expected)
    {
        Assert.Equal(expected, AzureSearchQueries.SearchText(text));
    }

    [Theory]
    [InlineData("contoso.http-api")]
    [InlineData("a.b")]
    [InlineData("fabrikam.very-long.name-with.many-parts")]
    [InlineData("ünïcode.id")]
    public void Keys_AssetId_EncodedKeyIsAzureSafeAndDecodesBack(string assetId)
    {
        var key = AzureSearchKeys.Encode(assetId);

        Assert.Matches(AllowedKey(), key);
        Assert.Equal(assetId, AzureSearchKeys.Decode(key));
    }

    [Fact]
    public void Keys_DifferentIds_DifferentKeys()
    {
        Assert.NotEqual(AzureSearchKeys.Encode("contoso.a-b"), AzureSearchKeys.Encode("contoso.a.b"));
        Assert.Equal("Y29udG9zby5odHRwLWFwaQ", AzureSearchKeys.Encode("contoso.http-api"));
    }

    [GeneratedRegex("^[A-Za-z0-9_=-]+$")]
    private static partial Regex AllowedKey();
}
