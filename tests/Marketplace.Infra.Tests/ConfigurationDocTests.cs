namespace Marketplace.Infra.Tests;

/// <summary>docs/configuration.md maps every setting, local and Azure, so the table cannot fall behind the app.</summary>
public class ConfigurationDocTests
{
    private static readonly string Doc = RepoPaths.ReadText("docs", "configuration.md");

    [Fact]
    public void ConfigurationDoc_EverySampleSetting_IsInTheTable()
    {
        Expect.None(LocalSettings.Values.Keys.Where(s => !Doc.Contains($"`{s}`", StringComparison.Ordinal)), "Missing from docs/configuration.md");
    }

    [Fact]
    public void ConfigurationDoc_EveryAzureSetting_IsInTheTable()
    {
        Expect.None(InfraFacts.AppSettings.Keys.Where(s => !Doc.Contains($"`{s}`", StringComparison.Ordinal)), "Missing from docs/configuration.md");
    }
}
