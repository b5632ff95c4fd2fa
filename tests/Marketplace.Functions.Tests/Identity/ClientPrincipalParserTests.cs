using System.Text;
using Marketplace.Functions.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Functions.Tests.Identity;

public sealed class ClientPrincipalParserTests
{
    [Fact]
    public void TryParse_EasyAuthPrincipal_ReadsRolesPublisherAndTenant()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"roles","val":"publisher"},{"typ":"roles","val":"consumer"},{"typ":"marketplace.publisher","val":"contoso"},{"typ":"tid","val":"tenant-1"}]}"""));

        Assert.True(ClientPrincipalParser.TryParse(header, out var caller, out _));

        Assert.True(caller!.IsInRole(Roles.Publisher));
        Assert.True(caller.IsInRole(Roles.Consumer));
        Assert.False(caller.IsInRole(Roles.Governance));
        Assert.Equal("contoso", caller.PublisherId);
        Assert.Equal("tenant-1", caller.TenantId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("eyJhdXRoX3R5cCI6ImFhZCJ9")] // {"auth_typ":"aad"} without claims
    public void TryParse_Malformed_ReturnsFalseWithReason(string header)
    {
        Assert.False(ClientPrincipalParser.TryParse(header, out var caller, out var error));
        Assert.Null(caller);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Encode_ThenTryParse_RoundTrips()
    {
        var header = ClientPrincipalParser.Encode([Roles.Billing], tenantId: "t9", name: "ann");

        Assert.True(ClientPrincipalParser.TryParse(header, out var caller, out _));
        Assert.Equal(new[] { Roles.Billing }, caller!.Roles);
        Assert.Equal("t9", caller.TenantId);
        Assert.Equal("ann", caller.AuditName);
    }

    [Fact]
    public void Attach_HeaderNotTrusted_CallerIsAnonymous()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ClientPrincipalParser.HeaderName] = ClientPrincipalParser.Encode([Roles.Governance]);

        CallerResolver.Attach(context, new IdentityOptions { TrustClientPrincipalHeader = false });

        Assert.Null(context.GetCaller());
        var denied = Assert.IsType<ObjectResult>(context.Request.RequireRole(Roles.Governance, out _));
        Assert.Equal(401, denied.StatusCode);
    }

    [Fact]
    public void RequirePublisher_OtherPublisher_Returns403()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ClientPrincipalParser.HeaderName] = ClientPrincipalParser.Encode([Roles.Publisher], publisherId: "contoso");
        CallerResolver.Attach(context, new IdentityOptions { TrustClientPrincipalHeader = true });

        var denied = Assert.IsType<ObjectResult>(context.Request.RequirePublisher("fabrikam", out _));

        Assert.Equal(403, denied.StatusCode);
        Assert.Null(context.Request.RequirePublisher("contoso", out _));
    }

    [Fact]
    public void RequireTenant_OtherTenant_Returns403()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ClientPrincipalParser.HeaderName] = ClientPrincipalParser.Encode([Roles.Consumer], tenantId: "t1");
        CallerResolver.Attach(context, new IdentityOptions { TrustClientPrincipalHeader = true });

        var denied = Assert.IsType<ObjectResult>(context.Request.RequireTenant(Roles.Consumer, "t2", out _));

        Assert.Equal(403, denied.StatusCode);
        Assert.Null(context.Request.RequireTenant(Roles.Consumer, "t1", out _));
    }
}
