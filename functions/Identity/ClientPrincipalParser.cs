using System.Text;
using System.Text.Json;

namespace Marketplace.Functions.Identity;

/// <summary>
/// Reads App Service authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 of
/// <c>{"auth_typ":"aad","claims":[{"typ":..,"val":..}]}</c>.
/// </summary>
public static class ClientPrincipalParser
{
    /// <summary>The header Easy Auth sets.</summary>
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    private const int MaxHeaderLength = 16 * 1024;

    /// <summary>Parses the header value; false with a reason when it is not a well-formed principal.</summary>
    public static bool TryParse(string? headerValue, out Caller? caller, out string? error)
    {
        caller = null;
        error = null;
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            error = "no client principal";
            return false;
        }

        if (headerValue.Length > MaxHeaderLength)
        {
            error = "client principal header is too large";
            return false;
        }

        byte[] json;
        try
        {
            json = Convert.FromBase64String(headerValue.Trim());
        }
        catch (FormatException)
        {
            error = "client principal is not base64";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                error = "client principal has no claims array";
                return false;
            }

            var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string? publisher = null, tenant = null, name = null;
            foreach (var claim in claims.EnumerateArray())
            {
                var type = claim.TryGetProperty("typ", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var value = claim.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                if (type is null || string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                switch (type)
                {
                    case "roles":
                    case "http://schemas.microsoft.com/ws/2008/06/identity/claims/role":
                        roles.Add(value.Trim());
                        break;
                    case "marketplace.publisher":
                        publisher = value.Trim();
                        break;
                    case "tid":
                    case "http://schemas.microsoft.com/identity/claims/tenantid":
                        tenant = value.Trim();
                        break;
                    case "name":
                    case "preferred_username":
                        name ??= value.Trim();
                        break;
                }
            }

            caller = new Caller(roles, publisher, tenant, name);
            return true;
        }
        catch (JsonException)
        {
            error = "client principal is not JSON";
            return false;
        }
    }

    /// <summary>Builds a header value for the given claims: the inverse of <see cref="TryParse"/>, for clients and tests.</summary>
    public static string Encode(IEnumerable<string> roles, string? publisherId = null, string? tenantId = null, string? name = null)
    {
        var claims = roles.Select(r => new { typ = "roles", val = r }).ToList();
        if (publisherId is not null) claims.Add(new { typ = "marketplace.publisher", val = publisherId });
        if (tenantId is not null) claims.Add(new { typ = "tid", val = tenantId });
        if (name is not null) claims.Add(new { typ = "name", val = name });
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
