using Marketplace.Domain.Installation;

namespace Marketplace.Domain.Tests.Installation;

public sealed class TargetPathsTests
{
    [Theory]
    [InlineData("Program.cs")]
    [InlineData("src/Api/Program.cs")]
    [InlineData(".github/workflows/ci.yml")]
    public void Validate_RelativePath_IsValid(string path) => Assert.Null(TargetPaths.Validate(path));

    [Theory]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("../secrets.txt")]
    [InlineData("src/../../x")]
    [InlineData("src\\Program.cs")]
    [InlineData("C:/x.txt")]
    [InlineData("src//x.txt")]
    [InlineData("src/./x.txt")]
    [InlineData("src/")]
    [InlineData("a\u0000b")]
    public void Validate_UnsafePath_ReturnsProblem(string path) => Assert.NotNull(TargetPaths.Validate(path));

    [Fact]
    public void Require_UnsafePath_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => TargetPaths.Require("../x"));
}
