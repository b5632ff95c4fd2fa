using Marketplace.Domain.Search;

namespace Marketplace.Infrastructure.Tests.Search;

public sealed class LatestVersionSelectorTests
{
    [Theory]
    [InlineData("1.2.0", "1.0.0", "1.2.0", "1.10.0-beta.1")]
    [InlineData("1.10.0", "1.9.0", "1.10.0", "1.2.0")]
    [InlineData("2.0.0-beta.2", "2.0.0-beta.1", "2.0.0-beta.2", "2.0.0-alpha")]
    [InlineData("1.0.0+build.5", "0.9.0", "1.0.0+build.5")]
    public void Select_Versions_NewestStableElseNewestPrerelease(string expected, params string[] versions)
    {
        Assert.Equal(expected, LatestVersionSelector.Select(versions));
    }

    [Fact]
    public void Select_NoVersions_ReturnsNull()
    {
        Assert.Null(LatestVersionSelector.Select([]));
    }

    [Fact]
    public void Select_InvalidVersion_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => LatestVersionSelector.Select(["1.0"]));

        Assert.Contains("'1.0'", error.Message, StringComparison.Ordinal);
    }
}
