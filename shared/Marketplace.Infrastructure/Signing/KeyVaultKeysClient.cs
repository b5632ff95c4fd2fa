using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Marketplace.Domain.Signing;

namespace Marketplace.Infrastructure.Signing;

/// <summary>
/// The few Key Vault key operations the signer needs, over the REST API with an Azure.Core pipeline.
/// Every failure becomes a <see cref="SigningException"/> carrying the status and Key Vault's error code and message.
/// </summary>
internal sealed class KeyVaultKeysClient
{
    /// <summary>The token scope of Azure Key Vault.</summary>
    public const string Scope = "https://vault.azure.net/.default";

    private static readonly string[] KeyOperations = ["sign", "verify"];

    private readonly HttpPipeline _pipeline;
    private readonly Uri _vaultUri;
    private readonly string _apiVersion;

    public KeyVaultKeysClient(Uri vaultUri, string apiVersion, TokenCredential credential, ClientOptions clientOptions)
    {
        _vaultUri = new Uri(vaultUri.GetLeftPart(UriPartial.Authority));
        _apiVersion = apiVersion;
        _pipeline = HttpPipelineBuilder.Build(clientOptions, new BearerTokenAuthenticationPolicy(credential, Scope));
    }

    /// <summary>POST /keys/{name}/create: a new EC P-256 key, or a new version of an existing one.</summary>
    public async Task<JsonDocument> CreateKeyAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["key_ops"] = KeyOperations,
            ["attributes"] = new Dictionary<string, bool> { ["enabled"] = true },
            ["tags"] = tags,
        });
        return (await SendAsync(RequestMethod.Post, KeyUri(name, "create"), body, "create", name, cancellationToken))!;
    }

    /// <summary>GET /keys/{name}[/{version}]; <see langword="null"/> when the key does not exist.</summary>
    public Task<JsonDocument?> GetKeyAsync(string name, string? version, CancellationToken cancellationToken) =>
        SendAsync(RequestMethod.Get, KeyUri(name, version), body: null, "get", name, cancellationToken, notFoundIsNull: true);

    /// <summary>GET /keys/{name}/versions, following <c>nextLink</c>; the key ids of every version, empty when the key does not exist.</summary>
    public async Task<List<string>> ListVersionIdsAsync(string name, CancellationToken cancellationToken)
    {
        var kids = new List<string>();
        Uri? next = KeyUri(name, "versions");
        while (next is not null)
        {
            using var page = await SendAsync(RequestMethod.Get, next, body: null, "list versions", name, cancellationToken, notFoundIsNull: true);
            if (page is null)
            {
                break;
            }

            if (page.RootElement.TryGetProperty("value", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                kids.AddRange(items.EnumerateArray()
                    .Select(item => item.TryGetProperty("kid", out var kid) ? kid.GetString() : null)
                    .OfType<string>());
            }

            next = NextLink(page.RootElement, name);
        }

        return kids;
    }

    /// <summary>POST /keys/{name}/{version}/sign with ES256; returns the raw signature bytes.</summary>
    public async Task<byte[]> SignAsync(string name, string version, byte[] digest, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["alg"] = PackageSignature.Es256,
            ["value"] = System.Buffers.Text.Base64Url.EncodeToString(digest),
        });
        using var result = (await SendAsync(RequestMethod.Post, KeyUri(name, version, "sign"), body, "sign", name, cancellationToken))!;
        var value = result.RootElement.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(value ?? throw new FormatException("The sign result has no 'value'."));
        }
        catch (FormatException ex)
        {
            throw new SigningException($"Key Vault's sign result for key '{name}' is malformed: {ex.Message}", ex);
        }
    }

    private Uri KeyUri(string name, params string?[] segments)
    {
        var path = string.Join('/', new[] { "keys", name }.Concat(segments.OfType<string>()).Select(Uri.EscapeDataString));
        return new Uri(_vaultUri, $"/{path}?api-version={Uri.EscapeDataString(_apiVersion)}");
    }

    private Uri? NextLink(JsonElement page, string name)
    {
        if (!page.TryGetProperty("nextLink", out var link) || link.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(link.GetString()))
        {
            return null;
        }

        // The bearer token must only ever go to the vault itself.
        if (!Uri.TryCreate(link.GetString(), UriKind.Absolute, out var next) || Uri.Compare(next, _vaultUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new SigningException($"Key Vault's nextLink for key '{name}' does not point at the vault {_vaultUri}: '{link.GetString()}'.");
        }

        return next;
    }

    private async Task<JsonDocument?> SendAsync(RequestMethod method, Uri uri, byte[]? body, string operation, string name, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        using var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        if (body is not null)
        {
            message.Request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
            message.Request.Content = RequestContent.Create(body);
        }

        try
        {
            await _pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or AuthenticationFailedException)
        {
            throw new SigningException($"Key Vault {operation} of key '{name}' failed before an answer: {ex.Message}", 0, null, ex);
        }

        var response = message.Response;
        if (response.Status == 404 && notFoundIsNull)
        {
            return null;
        }

        if (response.Status is < 200 or > 299)
        {
            throw Failure(response, operation, name);
        }

        try
        {
            return JsonDocument.Parse(response.Content.ToMemory());
        }
        catch (JsonException ex)
        {
            throw new SigningException($"Key Vault answered {operation} of key '{name}' with a body that is not JSON.", response.Status, null, ex);
        }
    }

    private static SigningException Failure(Response response, string operation, string name)
    {
        string? code = null;
        string? detail = null;
        try
        {
            using var error = JsonDocument.Parse(response.Content.ToMemory());
            if (error.RootElement.ValueKind == JsonValueKind.Object && error.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                code = e.TryGetProperty("code", out var c) ? c.GetString() : null;
                detail = e.TryGetProperty("message", out var m) ? m.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not Key Vault's error shape (a proxy or gateway answered); the status says enough.
        }

        var message = $"Key Vault answered {response.Status} {code ?? response.ReasonPhrase} to {operation} of key '{name}'"
            + (detail is null ? "." : $": {detail}");
        return new SigningException(message, response.Status, code);
    }
}
