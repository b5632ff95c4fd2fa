using System.Reflection;
using System.Text.Json;
using Marketplace.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.Tests.OpenApi;

public sealed class OpenApiFunctionTests
{
    [Fact]
    public void Run_AnyRequest_ReturnsEmbeddedDocumentAsJson()
    {
        var result = OpenApiFunction.Run(new DefaultHttpContext().Request);

        var content = Assert.IsType<ContentResult>(result);
        Assert.Equal(StatusCodes.Status200OK, content.StatusCode);
        Assert.Equal("application/json", content.ContentType);
        Assert.Equal(OpenApiFunction.ReadDocument(), content.Content);
        using var parsed = JsonDocument.Parse(content.Content!);
        Assert.StartsWith("3.0.", parsed.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Trigger_IsAnonymousGetOnOpenApiRoute()
    {
        var method = typeof(OpenApiFunction).GetMethod(nameof(OpenApiFunction.Run))!;

        var trigger = method.GetParameters()[0].GetCustomAttribute<HttpTriggerAttribute>()!;

        Assert.Equal("GetOpenApi", method.GetCustomAttribute<FunctionAttribute>()!.Name);
        Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel);
        Assert.Equal(["get"], trigger.Methods!);
        Assert.Equal("openapi.json", trigger.Route);
    }
}
