using System.Globalization;
using System.Text;
using Azure.Search.Documents;
using Marketplace.Domain.Search;

namespace Marketplace.Infrastructure.Search;

/// <summary>Builds the OData filter and the search text sent to Azure AI Search; values are always escaped.</summary>
public static class AzureSearchQueries
{
    private const string SimpleSyntaxOperators = "\\+-&|!(){}[]^\"~*?:/";

    /// <summary>
    /// The OData filter of a query: never suspended, plus exact kind, tag and publisher when given, for example
    /// <c>suspended eq false and kind eq 'template' and tags/any(t: t eq 'http') and publisherId eq 'contoso'</c>.
    /// Single quotes in values are doubled, as OData requires.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <returns>The filter expression.</returns>
    public static string Filter(CatalogSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var clauses = new List<string> { $"{AzureSearchFields.Suspended} eq false" };
        if (!string.IsNullOrEmpty(query.Kind))
        {
            clauses.Add($"{AzureSearchFields.Kind} eq {Literal(query.Kind)}");
        }

        if (!string.IsNullOrEmpty(query.Tag))
        {
            clauses.Add($"{AzureSearchFields.Tags}/any(t: t eq {Literal(query.Tag)})");
        }

        if (!string.IsNullOrEmpty(query.Publisher))
        {
            clauses.Add($"{AzureSearchFields.PublisherId} eq {Literal(query.Publisher)}");
        }

        return string.Join(" and ", clauses);
    }

    /// <summary>
    /// The search text in simple query syntax with every operator character escaped, so user text is only
    /// words; <c>*</c> (everything) when there is no text.
    /// </summary>
    /// <param name="text">The user's text.</param>
    /// <returns>The search text.</returns>
    public static string SearchText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "*";
        }

        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text.Trim())
        {
            if (SimpleSyntaxOperators.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    // SearchFilter quotes string arguments and doubles the single quotes in them.
    private static string Literal(string value) => SearchFilter.Create($"{value}", CultureInfo.InvariantCulture);
}
