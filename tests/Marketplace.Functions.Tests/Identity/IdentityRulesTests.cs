using System.Net;
using System.Text.Json;
using Marketplace.Functions.Identity;
using Marketplace.Testing;

namespace Marketplace.Functions.Tests.Identity;

[Collection(RuntimeTests.Name)]
public sealed class IdentityRulesTests(LocalRuntimeFixture fixture)
{
    private static HttpRequestMessage StartSelfTest() =>
        new HttpRequestMessage(HttpMethod.Post, "api/diagnostics/selftest").WithJson("""{"message":"auth","delaySeconds":0}""");

    [Fact]
    public async Task GovernanceRoute_NoPrincipal_Returns401Problem()
    {
        using var request = StartSelfTest();

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task GovernanceRoute_MalformedPrincipal_Returns401()
    {
        using var request = StartSelfTest();
        request.Headers.Add(ClientPrincipalParser.HeaderName, "not base64 at all!");

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Consumer)]
    [InlineData(Roles.Publisher)]
    [InlineData(Roles.Billing)]
    public async Task GovernanceRoute_WrongRole_Returns403Problem(string role)
    {
        using var request = StartSelfTest().As([role], publisherId: "contoso", tenantId: "t1");

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GovernanceRoute_GovernanceRole_Returns202()
    {
        using var request = StartSelfTest().AsGovernance();

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
