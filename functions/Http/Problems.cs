using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Functions.Http;

/// <summary>RFC 9457 problem documents (<c>application/problem+json</c>) for every error the API returns.</summary>
public static class Problems
{
    /// <summary>The media type of problem documents.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>A problem with the given status; <paramref name="extensions"/> adds members such as <c>findings</c>.</summary>
    public static ObjectResult Create(int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://httpstatuses.io/{status}",
            Title = title,
            Status = status,
            Detail = detail,
        };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        var result = new ObjectResult(problem) { StatusCode = status };
        result.ContentTypes.Add(ContentType);
        return result;
    }

    /// <summary>401: no principal.</summary>
    public static ObjectResult Unauthorized() =>
        Create(401, "Unauthorized", "This operation needs an authenticated caller (X-MS-CLIENT-PRINCIPAL).");

    /// <summary>403: wrong role or not the owner.</summary>
    public static ObjectResult Forbidden(string detail) => Create(403, "Forbidden", detail);

    /// <summary>404.</summary>
    public static ObjectResult NotFound(string detail) => Create(404, "Not Found", detail);

    /// <summary>400 with per-field errors.</summary>
    public static ObjectResult BadRequest(string detail, IDictionary<string, string[]>? errors = null) =>
        Create(400, "Bad Request", detail, errors is null ? null : new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>409.</summary>
    public static ObjectResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Create(409, "Conflict", detail, extensions);
}
