namespace Marketplace.Infra.Tests;

/// <summary>The storage account holds the containers and queue the app uses; released packages are write-once.</summary>
public class StorageTests
{
    private static List<string?> Containers() =>
        CompiledInfra.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(InfraFacts.LeafName).ToList();

    [Theory]
    [InlineData("staging")]
    [InlineData("released")]
    [InlineData("targets")]
    public void Container_UsedByTheApp_Exists(string name)
    {
        Assert.Contains(name, Containers());
    }

    [Fact]
    public void Containers_Access_IsPrivate()
    {
        var containers = CompiledInfra.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.All(containers, c => Assert.Equal("None", c.StringAt("properties", "publicAccess")));
        Assert.Equal(false, CompiledInfra.Main.Single("Microsoft.Storage/storageAccounts").At("properties", "allowBlobPublicAccess")?.GetBoolean());
    }

    [Fact]
    public void ReleasedContainer_ImmutabilityPolicy_IsWriteOnce()
    {
        var policy = CompiledInfra.Main.Single("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");
        var days = InfraFacts.Literal(policy.Owner, policy.StringAt("properties", "immutabilityPeriodSinceCreationInDays") ?? "");

        Assert.Contains("'released'", policy.Name, StringComparison.Ordinal);
        Assert.True(int.Parse(days, System.Globalization.CultureInfo.InvariantCulture) >= 1, days);
        Assert.Equal(false, policy.At("properties", "allowProtectedAppendWrites")?.GetBoolean());
    }

    [Fact]
    public void CommandsQueue_Name_IsTheCommandsSetting()
    {
        var queues = CompiledInfra.Main.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(InfraFacts.LeafName);

        Assert.Contains(LocalSettings.Values["Marketplace__Commands__QueueName"], queues);
    }

    [Fact]
    public void TableService_ForDurableAndAppTables_Exists()
    {
        Assert.Single(CompiledInfra.Main.OfType("Microsoft.Storage/storageAccounts/tableServices"));
    }
}
