using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Marketplace.Functions.OpenApi;

/// <summary>
/// <c>GET /api/openapi.json</c> (anyone): the OpenAPI 3.0 document of the HTTP API, <c>OpenApi/openapi.json</c>
/// embedded in this assembly and served as written.
/// </summary>
public static class OpenApiFunction
{
    /// <summary>The manifest resource name of the embedded document.</summary>
    public const string ResourceName = "Marketplace.Functions.OpenApi.openapi.json";

    private static readonly Lazy<string> Document = new(ReadDocument);

    /// <summary>Returns the document as <c>application/json</c>.</summary>
    [Function("GetOpenApi")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ContentResult { Content = Document.Value, ContentType = "application/json", StatusCode = StatusCodes.Status200OK };
    }

    /// <summary>Reads the embedded document.</summary>
    /// <exception cref="InvalidOperationException">When the resource is missing from the assembly.</exception>
    public static string ReadDocument()
    {
        using var stream = typeof(OpenApiFunction).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no embedded resource '{ResourceName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
