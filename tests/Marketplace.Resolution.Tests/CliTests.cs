using System.Text.Json;
using Marketplace.Cli;

namespace Marketplace.Resolution.Tests;

/// <summary>The <c>marketplace resolve</c> command, run in-process through its entry class.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("marketplace-cli-tests").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Run_ResolveSolvableFile_ExitsZeroWithTheSolution()
    {
        var (exitCode, stdout, stderr) = Run("resolve", Write(ResolutionProblemJsonTests.SpecExample));

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.True(document.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("2.4.1", document.RootElement.GetProperty("solution").GetProperty("contoso.log").GetString());
    }

    [Fact]
    public void Run_ResolveConflictingFile_ExitsOneWithConflictsAndExplanation()
    {
        var file = Write("""
            { "registry": { "a": { "1.0.0": { "dependencies": { "b": "^2.0.0" } } }, "b": { "1.0.0": {} } },
              "installed": {}, "root": { "a": "*" } }
            """);

        var (exitCode, stdout, _) = Run("resolve", file);

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean());
        var conflict = Assert.Single(root.GetProperty("conflicts").EnumerateArray().ToList());
        Assert.Equal("b", conflict.GetProperty("assetId").GetString());
        var range = Assert.Single(conflict.GetProperty("ranges").EnumerateArray().ToList());
        Assert.Equal("^2.0.0", range.GetProperty("range").GetString());
        Assert.Equal("root > a 1.0.0", range.GetProperty("requiredBy").GetString());
        Assert.EndsWith("version solving failed.", root.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResolveMalformedFile_ExitsTwoWithAMessageOnStderr()
    {
        var (exitCode, stdout, stderr) = Run("resolve", Write("""{ "registry": {}, "root": { "contoso.app": "^^1" } }"""));

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("$.root['contoso.app']: invalid range '^^1'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResolveMissingFile_ExitsTwo()
    {
        var (exitCode, stdout, stderr) = Run("resolve", Path.Combine(directory, "absent.json"));

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("cannot read", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResolveWithoutFile_ExitsTwoWithUsageHint()
    {
        var (exitCode, _, stderr) = Run("resolve");

        Assert.Equal(2, exitCode);
        Assert.Contains("FILE", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TinyStepBudget_ExitsThree()
    {
        var (exitCode, stdout, stderr) = Run("resolve", Write(ResolutionProblemJsonTests.SpecExample), "--max-steps", "1");

        Assert.Equal(3, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("gave up", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ExitsZeroAndListsResolve()
    {
        var (exitCode, stdout, _) = Run("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("resolve", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResolveHelp_DescribesFileAndMaxSteps()
    {
        var (exitCode, stdout, _) = Run("resolve", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("<FILE>", stdout, StringComparison.Ordinal);
        Assert.Contains("--max-steps", stdout, StringComparison.Ordinal);
    }

    private string Write(string json)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = MarketplaceCli.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
