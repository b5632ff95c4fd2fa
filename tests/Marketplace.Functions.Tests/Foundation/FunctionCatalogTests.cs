using System.Text.Json;
using Marketplace.Functions.Configuration;
using Marketplace.LocalRuntime.Blobs;
using Marketplace.LocalRuntime.Catalog;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Foundation;

public sealed class FunctionCatalogTests
{
    private static readonly FunctionCatalog Catalog = FunctionCatalog.FromAssembly(typeof(MarketplaceServiceCollectionExtensions).Assembly);

    [Fact]
    public void FromAssembly_FunctionsApp_MatchesGeneratedFunctionsMetadata()
    {
        // functions.metadata is what the Functions host loads; the local runtime must serve exactly the same set.
        var metadataPath = Path.Combine(RepositoryPaths.Root, "functions", "bin");
        var file = Directory.EnumerateFiles(metadataPath, "functions.metadata", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        Assert.NotNull(file);
        using var metadata = JsonDocument.Parse(File.ReadAllText(file));
        var hostFunctions = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal);

        Assert.Equal(hostFunctions, Catalog.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromAssembly_FunctionsApp_FindsEveryTriggerKindInUse()
    {
        Assert.Contains(Catalog.Functions, f => f.Kind == FunctionKind.Http && f.Name == "Health");
        Assert.Contains(Catalog.Functions, f => f.Kind == FunctionKind.Orchestration);
        Assert.Contains(Catalog.Functions, f => f.Kind == FunctionKind.Activity);
    }

    [Theory]
    [InlineData("staging/incoming/{publisherId}/{name}", "incoming/contoso/pkg.zip", "contoso", "pkg.zip")]
    [InlineData("staging/incoming/{publisherId}/{name}", "incoming/contoso/nested/pkg.zip", "contoso", "nested/pkg.zip")]
    public void BlobPathPattern_MatchingName_ExtractsValues(string path, string blob, string publisher, string name)
    {
        var pattern = BlobPathPattern.Parse(path);

        Assert.Equal("staging", pattern.Container);
        Assert.Equal("incoming/", pattern.Prefix);
        Assert.True(pattern.TryMatch(blob, out var values));
        Assert.Equal(publisher, values["publisherId"]);
        Assert.Equal(name, values["name"]);
    }

    [Theory]
    [InlineData("packages/abc.zip")]
    [InlineData("incoming/contoso")]
    public void BlobPathPattern_OtherName_DoesNotMatch(string blob)
    {
        Assert.False(BlobPathPattern.Parse("staging/incoming/{publisherId}/{name}").TryMatch(blob, out _));
    }
}
