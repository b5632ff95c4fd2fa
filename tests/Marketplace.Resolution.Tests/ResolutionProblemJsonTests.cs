using System.Text.Json;
using CsCheck;
using Marketplace.Resolution.Json;
using Marketplace.Resolution.Tests.Support;

namespace Marketplace.Resolution.Tests;

/// <summary>The problem file reader/writer and the result document.</summary>
public class ResolutionProblemJsonTests
{
    public const string SpecExample = """
        {
          "registry": {
            "contoso.app":     { "1.0.0": { "dependencies": { "contoso.log": "^2.0.0" } },
                                  "1.1.0": { "dependencies": { "contoso.log": "^3.0.0" } } },
            "contoso.log":     { "2.0.0": {}, "2.4.1": {}, "3.0.0": { "conflicts": { "fabrikam.x": "*" } } },
            "fabrikam.x":      { "1.0.0": {} }
          },
          "installed": { "fabrikam.x": "1.0.0" },
          "root": { "contoso.app": "*" }
        }
        """;

    [Fact]
    public void Read_SpecExample_ReadsEverySection()
    {
        var problem = ResolutionProblemJson.Read(SpecExample);

        Assert.Equal(["contoso.app", "contoso.log", "fabrikam.x"], problem.Registry.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("^3.0.0", problem.Registry["contoso.app"]["1.1.0"].Dependencies["contoso.log"]);
        Assert.Equal("*", problem.Registry["contoso.log"]["3.0.0"].Conflicts["fabrikam.x"]);
        Assert.Empty(problem.Registry["contoso.log"]["2.0.0"].Dependencies);
        Assert.Equal("1.0.0", problem.Installed["fabrikam.x"]);
        Assert.Equal("*", problem.Root["contoso.app"]);
    }

    [Fact]
    public void Read_NoInstalledSection_ReadsAnEmptyTarget() =>
        Assert.Empty(ResolutionProblemJson.Read("""{ "registry": {}, "root": {} }""").Installed);

    [Theory]
    [InlineData("{ \"registry\": ", "not valid JSON")]
    [InlineData("[]", "$: expected an object but found an array")]
    [InlineData("{ \"root\": {} }", "$: the required section 'registry' is missing")]
    [InlineData("{ \"registry\": {} }", "$: the required section 'root' is missing")]
    [InlineData("{ \"registry\": {}, \"root\": {}, \"instaled\": {} }", "unknown property 'instaled'")]
    [InlineData("{ \"registry\": [], \"root\": {} }", "$.registry: expected an object but found an array")]
    [InlineData("{ \"registry\": { \"a\": { \"1.0\": {} } }, \"root\": {} }", "$.registry['a']['1.0']: '1.0' is not a SemVer 2.0.0 version")]
    [InlineData("{ \"registry\": { \"a\": { \"1.0.0\": { \"dependencies\": [] } } }, \"root\": {} }", "$.registry['a']['1.0.0'].dependencies: expected an object")]
    [InlineData("{ \"registry\": { \"a\": { \"1.0.0\": { \"dependencies\": { \"b\": 1 } } } }, \"root\": {} }", "$.registry['a']['1.0.0'].dependencies['b']: expected a string but found a number")]
    [InlineData("{ \"registry\": { \"a\": { \"1.0.0\": { \"conflicts\": { \"b\": \">>1\" } } } }, \"root\": {} }", "$.registry['a']['1.0.0'].conflicts['b']: invalid range '>>1'")]
    [InlineData("{ \"registry\": { \"a\": { \"1.0.0\": { \"requires\": {} } } }, \"root\": {} }", "unknown property 'requires'")]
    [InlineData("{ \"registry\": {}, \"installed\": { \"a\": \"^1.0.0\" }, \"root\": {} }", "$.installed['a']: '^1.0.0' is not a SemVer 2.0.0 version")]
    [InlineData("{ \"registry\": {}, \"root\": { \"a\": \"1.2.3 -\" } }", "$.root['a']: invalid range '1.2.3 -'")]
    [InlineData("{ \"registry\": {}, \"root\": { \"a\": null } }", "$.root['a']: expected a string but found null")]
    [InlineData("{ \"registry\": {}, \"root\": {}, \"root\": {} }", "property 'root' appears more than once")]
    public void Read_MalformedFile_ThrowsWithThePlaceAndTheFault(string json, string expectedFragment)
    {
        var exception = Assert.Throws<ResolutionProblemFormatException>(() => ResolutionProblemJson.Read(json));

        Assert.Contains(expectedFragment, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RandomProblems_ReadsBackToTheSameProblem() =>
        Generators.Problem.Sample(problem =>
        {
            var json = ResolutionProblemJson.Write(problem);
            var again = ResolutionProblemJson.Read(json);
            Assert.Equal(json, ResolutionProblemJson.Write(again));
            Assert.Equal(problem.Root, again.Root);
            Assert.Equal(problem.Installed, again.Installed);
            Assert.Equal(problem.Registry.Keys, again.Registry.Keys);
        }, iter: 500);

    [Fact]
    public void WriteResult_Solution_HasOkAndSolution()
    {
        using var document = JsonDocument.Parse(ResolutionResultJson.Write(
            new ResolutionSucceeded(new Dictionary<string, string> { ["a"] = "1.0.0" })));

        Assert.True(document.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("1.0.0", document.RootElement.GetProperty("solution").GetProperty("a").GetString());
        Assert.False(document.RootElement.TryGetProperty("conflicts", out _));
    }

    [Fact]
    public void WriteResult_Failure_HasConflictsWithRangesAndExplanation()
    {
        var failure = new ResolutionFailed(
            [new AssetConflict("b", [new RangeRequirement("^2.0.0", "root > a 1.0.0"), new RangeRequirement("*", "root > c 1.0.0", RequirementKind.Excludes)])],
            "Because ..., version solving failed.");

        using var document = JsonDocument.Parse(ResolutionResultJson.Write(failure));

        var root = document.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean());
        var conflict = Assert.Single(root.GetProperty("conflicts").EnumerateArray().ToList());
        Assert.Equal("b", conflict.GetProperty("assetId").GetString());
        var ranges = conflict.GetProperty("ranges").EnumerateArray().ToList();
        Assert.Equal("root > a 1.0.0", ranges[0].GetProperty("requiredBy").GetString());
        Assert.Equal("^2.0.0", ranges[0].GetProperty("range").GetString());
        Assert.Equal("excludes", ranges[1].GetProperty("kind").GetString());
        Assert.Equal("Because ..., version solving failed.", root.GetProperty("explanation").GetString());
    }
}
