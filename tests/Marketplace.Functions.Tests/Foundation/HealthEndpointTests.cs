using System.Net;
using System.Text.Json;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Foundation;

[Collection(RuntimeTests.Name)]
public sealed class HealthEndpointTests(LocalRuntimeFixture fixture)
{
    [Fact]
    public async Task Health_AllDependenciesUp_Returns200WithEachDependencyHealthy()
    {
        using var response = await fixture.Http.GetAsync(new Uri("api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var dependencies = body.RootElement.GetProperty("dependencies");
        foreach (var name in new[] { "storage", "durable" })
        {
            Assert.Equal("healthy", dependencies.GetProperty(name).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Health_NeedsNoPrincipal_IsAnonymous()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/health");

        using var response = await fixture.Http.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
