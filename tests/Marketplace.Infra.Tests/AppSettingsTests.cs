namespace Marketplace.Infra.Tests;

/// <summary>
/// The Function App reads the same setting names as local.settings.sample.json, through identity-based connections,
/// and no app setting carries a secret.
/// </summary>
public class AppSettingsTests
{
    private static IReadOnlyDictionary<string, string> Azure => InfraFacts.AppSettings;

    private static ArmTemplate SettingsTemplate => InfraFacts.AppSettingsResource.Owner;

    [Fact]
    public void LocalSettings_EverySetting_IsMetInAzure()
    {
        var unmet = new List<string>();
        foreach (var name in LocalSettings.Values.Keys)
        {
            if (AppSettingRules.LocalOnly.ContainsKey(name) || AppSettingRules.PlatformManaged.ContainsKey(name))
            {
                continue;
            }

            if (AppSettingRules.IdentityConnections.TryGetValue(name, out var properties))
            {
                unmet.AddRange(properties.Select(p => $"{name}__{p}").Where(s => !Azure.ContainsKey(s)));
            }
            else if (!Azure.ContainsKey(name))
            {
                unmet.Add(name);
            }
        }

        Assert.True(unmet.Count == 0, "Not set in the Function App: " + string.Join(", ", unmet));
    }

    [Fact]
    public void IdentityConnections_BareName_IsNotSet()
    {
        // The bare name would hold a connection string, and with it a key.
        Expect.None(AppSettingRules.IdentityConnections.Keys.Where(Azure.ContainsKey), "Connection strings in app settings");
    }

    [Fact]
    public void IdentityConnections_EveryProperty_IsSet()
    {
        var missing = AppSettingRules.IdentityConnections
            .SelectMany(c => c.Value.Select(p => $"{c.Key}__{p}"))
            .Where(s => !Azure.ContainsKey(s));

        Assert.Empty(missing);
    }

    [Fact]
    public void IdentityConnections_Credential_IsManagedIdentity()
    {
        foreach (var connection in AppSettingRules.IdentityConnections.Keys)
        {
            Assert.Equal("managedidentity", Azure[$"{connection}__credential"]);
        }
    }

    [Fact]
    public void SettingRules_LocalOnlyAndPlatformManaged_AreSettingsOfTheSample()
    {
        // A rule for a setting the app no longer has would hide nothing, but it would mislead.
        var stale = AppSettingRules.LocalOnly.Keys.Concat(AppSettingRules.PlatformManaged.Keys)
            .Concat(AppSettingRules.AzureProviders.Keys).Concat(AppSettingRules.SameAsLocal)
            .Where(s => !LocalSettings.Values.ContainsKey(s));

        Assert.Empty(stale);
    }

    [Fact]
    public void LocalOnlyAndPlatformManaged_InAzure_AreNotSet()
    {
        var set = AppSettingRules.LocalOnly.Keys.Concat(AppSettingRules.PlatformManaged.Keys).Where(Azure.ContainsKey);

        Assert.Empty(set);
    }

    [Fact]
    public void AzureSettings_EveryOne_IsASampleSettingOrKnownAzureOnly()
    {
        var unknown = Azure.Keys.Where(s =>
            !LocalSettings.Values.ContainsKey(s)
            && AppSettingRules.ConnectionOf(s) is null
            && !AppSettingRules.AzureOnly.ContainsKey(s));

        Assert.Empty(unknown);
    }

    [Fact]
    public void ProviderSettings_InAzure_SelectTheAzureServices()
    {
        foreach (var (name, expected) in AppSettingRules.AzureProviders)
        {
            Assert.Equal(expected, InfraFacts.Literal(SettingsTemplate, Azure[name]));
        }
    }

    [Fact]
    public void SameAsLocalSettings_InAzure_HaveTheLocalValue()
    {
        foreach (var name in AppSettingRules.SameAsLocal)
        {
            Assert.Equal((name, LocalSettings.Values[name]), (name, InfraFacts.Literal(SettingsTemplate, Azure[name])));
        }
    }

    [Theory]
    [InlineData("Marketplace__Signing__KeyVaultUri", "Microsoft.KeyVault/vaults", "vaultUri")]
    [InlineData("Marketplace__Search__Endpoint", "Microsoft.Search/searchServices", "https://")]
    [InlineData("ServiceBusConnection__fullyQualifiedNamespace", "Microsoft.ServiceBus/namespaces", "serviceBusEndpoint")]
    [InlineData("MarketplaceStorage__blobServiceUri", "Microsoft.Storage/storageAccounts", "primaryEndpoints.blob")]
    [InlineData("MarketplaceStorage__queueServiceUri", "Microsoft.Storage/storageAccounts", "primaryEndpoints.queue")]
    [InlineData("MarketplaceStorage__tableServiceUri", "Microsoft.Storage/storageAccounts", "primaryEndpoints.table")]
    [InlineData("AzureWebJobsStorage__accountName", "Microsoft.Storage/storageAccounts", "outputs.name.value")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "Microsoft.Insights/components", "ConnectionString")]
    public void ServiceSettings_Value_IsAnOutputOfTheirResourceModule(string setting, string resourceType, string propertyHint)
    {
        var trace = ExpressionTracer.Trace(SettingsTemplate, Azure[setting]);

        Assert.True(
            trace.PassesThroughModuleDeclaring(resourceType) && trace.Mentions(propertyHint),
            $"{setting} traces to:\n{string.Join("\n", trace.Expressions)}");
    }

    [Fact]
    public void AppSettings_Values_CarryNoSecret()
    {
        var findings = new List<string>();
        foreach (var (name, value) in Azure)
        {
            var trace = ExpressionTracer.Trace(SettingsTemplate, value);
            findings.AddRange(trace.SecureParameters.Select(p => $"{name}: secure parameter {p}"));
            findings.AddRange(trace.Expressions.SelectMany(SecretPatterns.Find).Select(p => $"{name}: {p}"));
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void MainTemplate_Anywhere_ReadsNoKey()
    {
        // Beyond app settings: nothing provisioned by main.bicep lists keys or carries a key-bearing string.
        var findings = SecretPatterns.Find(CompiledInfra.Build("main.bicep").StandardOutput);

        Assert.Empty(findings);
    }

    [Fact]
    public void TrustClientPrincipalHeader_InAzure_IsTrueOnlyWithEasyAuth()
    {
        // The header can be forged unless App Service Authentication sits in front and strips it.
        var trace = ExpressionTracer.Trace(SettingsTemplate, Azure["Marketplace__Identity__TrustClientPrincipalHeader"]);
        var easyAuth = CompiledInfra.Main.Modules.Values.Single(m => m.Resources.Any(r => r.Name.Contains("'authsettingsV2'", StringComparison.Ordinal)));
        var condition = easyAuth.Deployment?.GetProperty("condition").GetString() ?? "";

        Assert.True(trace.Mentions("parameters('authClientId')"), string.Join("\n", trace.Expressions));
        Assert.Contains("parameters('authClientId')", condition, StringComparison.Ordinal);
    }

    [Fact]
    public void DurablePartitionCount_Setting_OverridesHostJsonDurableSection()
    {
        var value = InfraFacts.Literal(SettingsTemplate, Azure["AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount"]);

        Assert.InRange(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), 1, 16);
    }
}
