namespace Marketplace.Infra.Tests;

/// <summary>The secret check recognises the shapes secrets take in templates, and leaves identity settings alone.</summary>
public class SecretPatternsTests
{
    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc==;EndpointSuffix=core.windows.net")]
    [InlineData("Endpoint=sb://sb.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=abc=")]
    [InlineData("[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2025-06-01').keys[0].value]")]
    [InlineData("[listAdminKeys(resourceId('Microsoft.Search/searchServices', 's'), '2025-05-01').primaryKey]")]
    [InlineData("[reference('bus').outputs.primaryConnectionString.value]")]
    public void Find_KeyBearingValue_ReportsIt(string value)
    {
        Assert.NotEmpty(SecretPatterns.Find(value));
    }

    [Theory]
    [InlineData("[parameters('keyVaultUri')]")]
    [InlineData("managedidentity")]
    [InlineData("Authorization=AAD")]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/")]
    public void Find_IdentityOrEndpointValue_ReportsNothing(string value)
    {
        Assert.Empty(SecretPatterns.Find(value));
    }
}
