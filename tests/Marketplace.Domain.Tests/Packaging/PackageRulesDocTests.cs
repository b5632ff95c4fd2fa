using System.Reflection;
using Marketplace.Domain.Packaging;

namespace Marketplace.Domain.Tests.Packaging;

public class PackageRulesDocTests
{
    public static TheoryData<string> AllCodes() => [.. CodeConstants()];

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void FindingCode_Defined_DocumentedInPackageRules(string code)
    {
        Assert.Contains($"| `{code}` |", File.ReadAllText(DocPath()), StringComparison.Ordinal);
    }

    [Fact]
    public void FindingCodes_AllConstants_Unique()
    {
        var codes = CodeConstants();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    private static List<string> CodeConstants() =>
        [.. typeof(FindingCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)];

    private static string DocPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "package-rules.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/package-rules.md was not found above the test directory.");
    }
}
