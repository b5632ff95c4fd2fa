namespace Marketplace.Infra.Tests;

/// <summary>The real Bicep compiler and linter accept infra/ without a single diagnostic.</summary>
public class BicepCompilerTests
{
    public static TheoryData<string> EntryPoints => new(CompiledInfra.EntryPoints);

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Build_EntryPoint_CompilesWithoutDiagnostics(string file)
    {
        var run = CompiledInfra.Build(file);

        Assert.True(run.ExitCode == 0, $"bicep build {file} exited {run.ExitCode}:\n{run.Diagnostics}");
        // Type problems are warnings with exit code 0, so any diagnostic fails the build here.
        Assert.True(run.Diagnostics.Length == 0, $"bicep build {file}:\n{run.Diagnostics}");
        Assert.StartsWith("{", run.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EntryPoints))]
    public void Lint_EntryPoint_ReportsNothing(string file)
    {
        var run = BicepCli.Run("lint", RepoPaths.Infra(file));

        var output = (run.StandardOutput + run.Diagnostics).Trim();
        Assert.True(run.ExitCode == 0 && output.Length == 0, $"bicep lint {file} exited {run.ExitCode}:\n{output}");
    }

    [Fact]
    public void Build_PropertyTheTypeDoesNotKnow_ReportsWarningWithExitCodeZero()
    {
        // Shows why the checks above look at the output and not only the exit code.
        var folder = Directory.CreateTempSubdirectory("infra-tests-");
        try
        {
            var file = Path.Combine(folder.FullName, "typo.bicep");
            File.WriteAllText(file, """
                resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
                  name: 'kv-typo-check'
                  location: 'westeurope'
                  properties: {
                    tenantId: tenant().tenantId
                    sku: { family: 'A', name: 'standard' }
                    enableRbacAuthorisation: true
                  }
                }
                """);

            var run = BicepCli.Run("build", file, "--stdout");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains(": Warning BCP", run.Diagnostics, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Modules_EveryFile_IsUsedByMain()
    {
        // Linting main.bicep covers its modules; a module main does not use would go unchecked.
        var main = File.ReadAllText(RepoPaths.Infra("main.bicep"));
        var unused = Directory.GetFiles(RepoPaths.Infra("modules"), "*.bicep")
            .Select(f => "modules/" + Path.GetFileName(f))
            .Where(m => !main.Contains($"'{m}'", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unused);
    }

    [Fact]
    public void Infra_BicepFiles_AreEntryPointsOrModules()
    {
        var stray = Directory.GetFiles(RepoPaths.Infra(), "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Infra(), f).Replace('\\', '/'))
            .Where(f => !CompiledInfra.EntryPoints.Contains(f) && !f.StartsWith("modules/", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(stray);
    }
}
