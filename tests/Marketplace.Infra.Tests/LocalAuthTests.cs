namespace Marketplace.Infra.Tests;

/// <summary>
/// Every service the app talks to refuses keys: identity-based settings alone would still leave usable keys behind.
/// </summary>
public class LocalAuthTests
{
    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts", "allowSharedKeyAccess", false)]
    [InlineData("Microsoft.ServiceBus/namespaces", "disableLocalAuth", true)]
    [InlineData("Microsoft.Search/searchServices", "disableLocalAuth", true)]
    [InlineData("Microsoft.Insights/components", "DisableLocalAuth", true)]
    [InlineData("Microsoft.KeyVault/vaults", "enableRbacAuthorization", true)]
    public void Resource_KeyAccess_IsOff(string type, string property, bool expected)
    {
        var resource = CompiledInfra.Main.Single(type);

        Assert.Equal(expected, resource.At("properties", property)?.GetBoolean());
    }

    [Fact]
    public void FunctionApp_BasicPublishingCredentials_AreOff()
    {
        var policies = CompiledInfra.Main.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(["ftp", "scm"], policies.Select(InfraFacts.LeafName).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.False(p.At("properties", "allow")?.GetBoolean()));
    }
}
