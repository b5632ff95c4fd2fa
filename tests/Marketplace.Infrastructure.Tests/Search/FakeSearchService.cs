using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Core.Pipeline;
using Marketplace.Infrastructure.Tests.Signing.Fakes;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Infrastructure.Tests.Search;

/// <summary>
/// A recording fake of the Azure AI Search REST endpoints the adapter calls (get/create index, index
/// documents, search, index statistics) over https. It keeps uploaded documents by key and answers every
/// search with all of them: it checks request shapes, not search semantics.
/// </summary>
public sealed partial class FakeSearchService : IAsyncDisposable
{
    public const string Token = "fake-search-token";

    private readonly ConcurrentDictionary<string, JsonObject> _documents = new(StringComparer.Ordinal);
    private LoopbackHttpsServer? _server;
    private JsonNode? _index;
    private int? _failNextStatus;

    public Uri Endpoint => _server!.BaseUri;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FakeSearchService> StartAsync()
    {
        var service = new FakeSearchService();
        service._server = await LoopbackHttpsServer.StartAsync(service.HandleAsync);
        return service;
    }

    public HttpPipelineTransport CreateTransport() => _server!.CreateTransport();

    public void FailNext(int status) => _failNextStatus = status;

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var path = Uri.UnescapeDataString(request.Path.Value ?? string.Empty);
        Requests.Enqueue(new RecordedRequest(request.Method, path, request.Query["api-version"].ToString(), body, request.Headers.Authorization.ToString()));

        if (request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            await WriteAsync(context, 403, Error("Forbidden", "Authorization failed."));
            return;
        }

        if (_failNextStatus is { } status)
        {
            _failNextStatus = null;
            await WriteAsync(context, status, Error("ServiceUnavailable", "Injected failure."));
            return;
        }

        var match = IndexPath().Match(path);
        var (code, answer) = (request.Method, match.Success ? match.Groups["rest"].Value : path) switch
        {
            ("POST", "/indexes") => CreateIndex(body),
            ("GET", "") when match.Success => _index is null
                ? (404, Error(string.Empty, $"No index with the name '{match.Groups["name"].Value}' was found in the service."))
                : (200, _index.ToJsonString()),
            ("GET", "/search.stats") when match.Success => _index is null
                ? (404, Error(string.Empty, "No index."))
                : (200, new JsonObject { ["documentCount"] = _documents.Count, ["storageSize"] = 0, ["vectorIndexSize"] = 0 }.ToJsonString()),
            ("POST", "/docs/search.index") => IndexDocuments(body),
            ("POST", "/docs/search.post.search") => Search(),
            _ => (400, Error("InvalidRequest", $"Unsupported {request.Method} {path}.")),
        };
        await WriteAsync(context, code, answer);
    }

    private (int, string) CreateIndex(string body)
    {
        _index = JsonNode.Parse(body);
        return (201, body);
    }

    private (int, string) IndexDocuments(string body)
    {
        var results = new JsonArray();
        foreach (var action in JsonNode.Parse(body)!["value"]!.AsArray())
        {
            var document = action!.AsObject();
            var key = (string)document["key"]!;
            switch ((string?)document["@search.action"])
            {
                case "delete":
                    _documents.TryRemove(key, out _);
                    break;
                case "mergeOrUpload":
                    var stored = (JsonObject)document.DeepClone();
                    stored.Remove("@search.action");
                    _documents[key] = stored;
                    break;
                default:
                    return (400, Error("InvalidRequest", "Unexpected action."));
            }

            results.Add(new JsonObject { ["key"] = key, ["status"] = true, ["errorMessage"] = null, ["statusCode"] = 200 });
        }

        return (200, new JsonObject { ["value"] = results }.ToJsonString());
    }

    private (int, string) Search()
    {
        var values = new JsonArray();
        foreach (var document in _documents.Values)
        {
            var hit = (JsonObject)document.DeepClone();
            hit["@search.score"] = 1.0;
            values.Add(hit);
        }

        return (200, new JsonObject { ["@odata.count"] = 42, ["value"] = values }.ToJsonString());
    }

    private static string Error(string code, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString();

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal";
        await context.Response.WriteAsync(body);
    }

    [GeneratedRegex(@"^/indexes\('(?<name>[^']+)'\)(?<rest>.*)$")]
    private static partial Regex IndexPath();

    public sealed record RecordedRequest(string Method, string Path, string ApiVersion, string Body, string Authorization)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;
    }
}
