using System.Text.Json;

namespace Marketplace.Infra.Tests;

/// <summary>infra/main.parameters.json, which azd fills from its environment, fits main.bicep.</summary>
public class ParametersFileTests
{
    private static List<string> FileParameters()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Infra("main.parameters.json")));
        return document.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();
    }

    [Fact]
    public void ParametersFile_EveryName_IsAParameterOfMain()
    {
        var declared = CompiledInfra.Main.ParameterNames().ToHashSet(StringComparer.Ordinal);

        Expect.None(FileParameters().Where(p => !declared.Contains(p)), "Not parameters of main.bicep");
    }

    [Fact]
    public void ParametersFile_RequiredParameters_AreSupplied()
    {
        var supplied = FileParameters().ToHashSet(StringComparer.Ordinal);
        var required = CompiledInfra.Main.ParameterNames()
            .Where(p => CompiledInfra.Main.Parameter(p) is { } declared && !declared.TryGetProperty("defaultValue", out _));

        Expect.None(required.Where(p => !supplied.Contains(p)), "Required but not in main.parameters.json");
    }
}
