using System.Text.Json;

namespace Marketplace.Functions.Tests.OpenApi;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public void Document_Embedded_IsOpenApi30Json()
    {
        var root = OpenApiDocument.Root;

        Assert.StartsWith("3.0.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("info").GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("info").GetProperty("version").GetString()));
        Assert.Equal(JsonValueKind.Object, root.GetProperty("paths").ValueKind);
    }

    [Fact]
    public void Document_EveryHttpFunction_IsDocumentedWithItsRouteAndMethods()
    {
        var documented = OpenApiDocument.Operations().Select(o => (o.Method, Shape: OpenApiDocument.Shape(o.Path))).ToHashSet();

        var missing = HttpFunctionRoutes.All.Where(f => !documented.Contains((f.Method, f.Shape))).Select(f => f.ToString()).ToList();

        Assert.NotEmpty(HttpFunctionRoutes.All);
        Assert.True(missing.Count == 0, "Undocumented HTTP functions (add them to functions/OpenApi/openapi.json): " + string.Join("; ", missing));
    }

    [Fact]
    public void Document_EveryOperation_HasAnHttpFunction()
    {
        var served = HttpFunctionRoutes.All.Select(f => (f.Method, f.Shape)).ToHashSet();

        var extra = OpenApiDocument.Operations()
            .Where(o => !served.Contains((o.Method, OpenApiDocument.Shape(o.Path))))
            .Select(o => $"{o.Method} {o.Path}").ToList();

        Assert.True(extra.Count == 0, "Documented operations no function serves: " + string.Join("; ", extra));
    }

    [Fact]
    public void Document_EveryOperation_IsNamedAfterItsFunction()
    {
        var byShape = HttpFunctionRoutes.All.ToDictionary(f => (f.Method, f.Shape), f => f.FunctionName);

        foreach (var (method, path, operation) in OpenApiDocument.Operations())
        {
            if (byShape.TryGetValue((method, OpenApiDocument.Shape(path)), out var name))
            {
                Assert.Equal(name, operation.GetProperty("operationId").GetString());
            }
        }
    }

    [Fact]
    public void Document_EveryReference_Resolves()
    {
        var unresolved = OpenApiDocument.References(OpenApiDocument.Root).Distinct()
            .Where(r => OpenApiDocument.Resolve(r) is null).ToList();

        Assert.Empty(unresolved);
    }

    [Fact]
    public void Document_PathParameters_MatchPathPlaceholders()
    {
        foreach (var path in OpenApiDocument.Root.GetProperty("paths").EnumerateObject())
        {
            foreach (var (method, _, operation) in OpenApiDocument.Operations().Where(o => o.Path == path.Name))
            {
                var declared = PathParameters(path.Value).Concat(PathParameters(operation)).ToList();

                Assert.True(declared.All(p => p.GetProperty("required").GetBoolean()), $"{method} {path.Name}: path parameters must be required.");
                Assert.Equal(
                    OpenApiDocument.PlaceholderNames(path.Name).Order(StringComparer.Ordinal),
                    declared.Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void Document_ProtectedOperations_DeclareRolesAnd401And403()
    {
        foreach (var (method, path, operation) in OpenApiDocument.Operations())
        {
            Assert.True(operation.TryGetProperty("security", out var security), $"{method} {path}: say 'security' ([] when anonymous).");
            var isProtected = security.GetArrayLength() > 0;
            var hasRoles = operation.TryGetProperty("x-marketplace-roles", out var roles) && roles.GetArrayLength() > 0;
            var responses = operation.GetProperty("responses");

            Assert.True(isProtected == hasRoles, $"{method} {path}: protected operations, and only they, list x-marketplace-roles.");
            if (isProtected)
            {
                Assert.Equal("clientPrincipal", security[0].EnumerateObject().Single().Name);
                Assert.True(responses.TryGetProperty("401", out _), $"{method} {path}: no 401.");
                Assert.True(responses.TryGetProperty("403", out _), $"{method} {path}: no 403.");
            }
        }
    }

    [Fact]
    public void Document_ErrorResponses_AreProblemDocuments()
    {
        foreach (var (method, path, operation) in OpenApiDocument.Operations())
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')))
            {
                var content = OpenApiDocument.Deref(response.Value).GetProperty("content");

                Assert.True(
                    content.TryGetProperty("application/problem+json", out var media)
                    && media.GetProperty("schema").GetProperty("$ref").GetString() == "#/components/schemas/Problem",
                    $"{method} {path} {response.Name} is not a problem document.");
            }
        }
    }

    [Fact]
    public void Document_OperationTags_AreDeclared()
    {
        var declared = OpenApiDocument.Root.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToHashSet();

        foreach (var (method, path, operation) in OpenApiDocument.Operations())
        {
            var tags = operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.True(tags.Count > 0 && tags.All(declared.Contains), $"{method} {path}: tag it with a declared feature tag.");
        }
    }

    [Theory]
    [InlineData("POST", "/api/assets/{assetId}/versions", "202 401 403 409 413 415")]
    [InlineData("GET", "/api/publications/{publicationId}", "200 401 403 404")]
    [InlineData("POST", "/api/publications/{publicationId}/decision", "202 400 401 403 404 409")]
    [InlineData("PUT", "/api/publishers/{publisherId}", "200 201 400 401 403")]
    [InlineData("GET", "/api/assets/{assetId}/versions/{version}/package", "200 404")]
    [InlineData("GET", "/api/health", "200 503")]
    public void Document_Operation_ListsTheStatusesTheCodeReturns(string method, string path, string statuses)
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Method == method && o.Path == path).Operation;

        var documented = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();

        Assert.Subset(documented, statuses.Split(' ').ToHashSet());
    }

    [Fact]
    public void Document_Upload_TakesZipBody()
    {
        var operation = OpenApiDocument.Operations().Single(o => o.Method == "POST" && o.Path == "/api/assets/{assetId}/versions").Operation;

        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/zip").GetProperty("schema");

        Assert.Equal("binary", schema.GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("/api/a/{x}/b", "/api/a/{y}/b")]
    [InlineData("/api/files/{*path}", "/api/files/{path}")]
    [InlineData("/api/items/{id:int}", "/api/items/{id}")]
    public void Shape_DifferentPlaceholderNames_CompareEqual(string left, string right)
    {
        Assert.Equal(OpenApiDocument.Shape(left), OpenApiDocument.Shape(right));
    }

    private static IEnumerable<JsonElement> PathParameters(JsonElement owner) =>
        owner.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(OpenApiDocument.Deref).Where(p => p.GetProperty("in").GetString() == "path")
            : [];
}
