using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Marketplace.Domain.Search;

namespace Marketplace.Infrastructure.Search;

/// <summary>Builds Lucene queries from a <see cref="CatalogSearchQuery"/>. User text is analyzed, never parsed as query syntax.</summary>
internal static class LuceneQueries
{
    private static readonly (string Field, float Boost)[] TextFields =
    [
        (LuceneFields.IdText, 3f),
        (LuceneFields.Name, 2f),
        (LuceneFields.TagsText, 2f),
        (LuceneFields.Description, 1f),
    ];

    /// <summary>The exact filters: never suspended, plus kind, tag and publisher when given.</summary>
    public static Query Filter(CatalogSearchQuery query)
    {
        var filter = new BooleanQuery
        {
            { new MatchAllDocsQuery(), Occur.MUST },
            { new TermQuery(new Term(LuceneFields.Suspended, LuceneFields.True)), Occur.MUST_NOT },
        };
        AddExact(filter, LuceneFields.Kind, query.Kind);
        AddExact(filter, LuceneFields.Tag, query.Tag);
        AddExact(filter, LuceneFields.Publisher, query.Publisher);
        return filter;
    }

    /// <summary>
    /// Every word of the text must match one of id, display name, tags or description (id and name weigh most);
    /// <see langword="null"/> when the text has no words, so the search is by filters only.
    /// </summary>
    public static Query? Text(string? text, Analyzer analyzer)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Analyze(text, analyzer);
        if (words.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        foreach (var word in words)
        {
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in TextFields)
            {
                anyField.Add(new TermQuery(new Term(field, word)) { Boost = boost });
            }

            query.Add(anyField, Occur.MUST);
        }

        return query;
    }

    private static void AddExact(BooleanQuery filter, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            filter.Add(new TermQuery(new Term(field, value)), Occur.MUST);
        }
    }

    private static List<string> Analyze(string text, Analyzer analyzer)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream(LuceneFields.Name, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words.Distinct(StringComparer.Ordinal).ToList();
    }
}
