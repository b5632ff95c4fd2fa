using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Infrastructure.Tests.Signing.Fakes;

/// <summary>
/// An in-process fake of the Azure Key Vault keys REST API (create, get, list versions, sign) over
/// https, holding real P-256 keys. It requires <c>Authorization: Bearer {Token}</c> and an
/// api-version, answers with Key Vault-shaped JSON and errors, pages version lists through
/// <c>nextLink</c>, and can be told to fail the next request.
/// </summary>
public sealed partial class FakeKeyVault : IAsyncDisposable
{
    public const string Token = "fake-key-vault-token";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<FakeKeyVersion>> _keys = new(StringComparer.OrdinalIgnoreCase);
    private LoopbackHttpsServer? _server;
    private long _clock = 1_700_000_000;
    private (int Status, string Body)? _failNext;

    private FakeKeyVault()
    {
    }

    public Uri VaultUri => _server!.BaseUri;

    /// <summary>Gets or sets how many versions one page of a version list holds.</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>Gets every request seen, as "METHOD /path?query".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeKeyVault> StartAsync()
    {
        var vault = new FakeKeyVault();
        vault._server = await LoopbackHttpsServer.StartAsync(vault.HandleAsync);
        return vault;
    }

    public HttpPipelineTransport CreateTransport() => _server!.CreateTransport();

    /// <summary>Answers the next authorized request with a Key Vault error.</summary>
    public void FailNext(int status, string code, string message) =>
        _failNext = (status, ErrorBody(code, message));

    /// <summary>Answers the next authorized request with a raw body (e.g. a gateway's HTML).</summary>
    public void FailNextRaw(int status, string body) => _failNext = (status, body);

    public int VersionCount(string keyName)
    {
        lock (_gate)
        {
            return _keys.TryGetValue(keyName, out var versions) ? versions.Count : 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        lock (_gate)
        {
            foreach (var version in _keys.Values.SelectMany(v => v))
            {
                version.Key.Dispose();
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue($"{request.Method} {request.Path}{request.QueryString}");

        if (request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            context.Response.Headers.WWWAuthenticate = "Bearer authorization=\"https://login.microsoftonline.com/tenant\", resource=\"https://vault.azure.net\"";
            await WriteAsync(context, 401, ErrorBody("Unauthorized", "AKV10000: Request is missing a Bearer or PoP token."));
            return;
        }

        if (string.IsNullOrEmpty(request.Query["api-version"]))
        {
            await WriteAsync(context, 400, ErrorBody("BadParameter", "The 'api-version' query parameter is missing."));
            return;
        }

        if (_failNext is { } failure)
        {
            _failNext = null;
            await WriteAsync(context, failure.Status, failure.Body);
            return;
        }

        var segments = request.Path.Value!.Trim('/').Split('/');
        if (segments.Length < 2 || segments[0] != "keys" || !KeyName().IsMatch(segments[1]))
        {
            await WriteAsync(context, 400, ErrorBody("BadParameter", $"Unsupported path '{request.Path}'."));
            return;
        }

        var name = segments[1];
        var (status, body) = (request.Method, segments.Length) switch
        {
            ("POST", 3) when segments[2] == "create" => Create(name, await ReadJsonAsync(request)),
            ("GET", 2) => Get(name, version: null),
            ("GET", 3) when segments[2] == "versions" => ListVersions(name, request.Query),
            ("GET", 3) => Get(name, segments[2]),
            ("POST", 4) when segments[3] == "sign" => Sign(name, segments[2], await ReadJsonAsync(request)),
            _ => (405, ErrorBody("BadParameter", $"{request.Method} {request.Path} is not supported.")),
        };
        await WriteAsync(context, status, body);
    }

    private (int, string) Create(string name, JsonNode? body)
    {
        if ((string?)body?["kty"] != "EC" || (string?)body?["crv"] != "P-256")
        {
            return (400, ErrorBody("BadParameter", "Only kty EC with crv P-256 is supported by this fake."));
        }

        if (body?["key_ops"] is not JsonArray ops || !ops.Any(o => (string?)o == "sign"))
        {
            return (400, ErrorBody("BadParameter", "key_ops must include sign."));
        }

        var version = new FakeKeyVersion(
            Guid.NewGuid().ToString("N"),
            ECDsa.Create(ECCurve.NamedCurves.nistP256),
            Interlocked.Increment(ref _clock));
        lock (_gate)
        {
            if (!_keys.TryGetValue(name, out var versions))
            {
                _keys[name] = versions = [];
            }

            versions.Add(version);
        }

        return (200, Bundle(name, version));
    }

    private (int, string) Get(string name, string? version)
    {
        var found = Find(name, version);
        return found is null ? NotFound(name) : (200, Bundle(name, found));
    }

    private (int, string) ListVersions(string name, IQueryCollection query)
    {
        List<FakeKeyVersion> versions;
        lock (_gate)
        {
            if (!_keys.TryGetValue(name, out var all))
            {
                return NotFound(name);
            }

            versions = [.. all];
        }

        var skip = int.TryParse(query["$skiptoken"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var page = versions.Skip(skip).Take(PageSize).Select(v => new JsonObject
        {
            ["kid"] = Kid(name, v),
            ["attributes"] = Attributes(v),
            ["managed"] = false,
        }).ToArray<JsonNode?>();
        var result = new JsonObject { ["value"] = new JsonArray(page) };
        result["nextLink"] = skip + PageSize < versions.Count
            ? new Uri(VaultUri, $"keys/{name}/versions?api-version={query["api-version"]}&$skiptoken={skip + PageSize}").ToString()
            : null;
        return (200, result.ToJsonString());
    }

    private (int, string) Sign(string name, string version, JsonNode? body)
    {
        var found = Find(name, version);
        if (found is null)
        {
            return NotFound(name);
        }

        if ((string?)body?["alg"] != "ES256")
        {
            return (400, ErrorBody("BadParameter", "Invalid algorithm for this key."));
        }

        byte[] digest;
        try
        {
            digest = Base64Url.DecodeFromChars((string?)body?["value"] ?? string.Empty);
        }
        catch (FormatException)
        {
            return (400, ErrorBody("BadParameter", "The value is not base64url."));
        }

        if (digest.Length != 32)
        {
            return (400, ErrorBody("BadParameter", "Invalid length of the digest for ES256."));
        }

        var signature = found.Key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return (200, new JsonObject { ["kid"] = Kid(name, found), ["value"] = Base64Url.EncodeToString(signature) }.ToJsonString());
    }

    private FakeKeyVersion? Find(string name, string? version)
    {
        lock (_gate)
        {
            return !_keys.TryGetValue(name, out var versions) ? null
                : version is null ? versions[^1]
                : versions.FirstOrDefault(v => v.Version == version);
        }
    }

    private string Kid(string name, FakeKeyVersion version) => new Uri(VaultUri, $"keys/{name}/{version.Version}").ToString();

    private string Bundle(string name, FakeKeyVersion version)
    {
        var q = version.Key.ExportParameters(false).Q;
        return new JsonObject
        {
            ["key"] = new JsonObject
            {
                ["kid"] = Kid(name, version),
                ["kty"] = "EC",
                ["key_ops"] = new JsonArray("sign", "verify"),
                ["crv"] = "P-256",
                ["x"] = Base64Url.EncodeToString(q.X),
                ["y"] = Base64Url.EncodeToString(q.Y),
            },
            ["attributes"] = Attributes(version),
        }.ToJsonString();
    }

    private static JsonObject Attributes(FakeKeyVersion version) => new()
    {
        ["enabled"] = true,
        ["created"] = version.Created,
        ["updated"] = version.Created,
        ["recoveryLevel"] = "Recoverable+Purgeable",
        ["recoverableDays"] = 90,
    };

    private static (int, string) NotFound(string name) =>
        (404, ErrorBody("KeyNotFound", $"A key with (name/id) {name} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command."));

    private static string ErrorBody(string code, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString();

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body);
    }

    [GeneratedRegex("^[0-9a-zA-Z-]{1,127}$")]
    private static partial Regex KeyName();

    private sealed record FakeKeyVersion(string Version, ECDsa Key, long Created);
}
