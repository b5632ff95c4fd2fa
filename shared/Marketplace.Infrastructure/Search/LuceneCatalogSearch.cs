using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marketplace.Domain.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Marketplace.Infrastructure.Search;

/// <summary>
/// An <see cref="ICatalogSearch"/> over a Lucene.Net index, on disk or in memory, for local runs and tests.
/// </summary>
/// <remarks>
/// One <see cref="IndexWriter"/> per instance (and per index directory: Lucene's write lock lets only one
/// writer open it). Every write is committed, so it survives a restart, and is visible to the next search
/// through a near-real-time <see cref="SearcherManager"/>. All members are thread-safe.
/// Text is analyzed with <see cref="StandardAnalyzer"/> (no stop words); each word must match the id,
/// display name, tags or description. Kind, tag, publisher and the suspended flag are exact terms.
/// </remarks>
public sealed class LuceneCatalogSearch : ICatalogSearch, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Sort ByUpdated = new(
        new SortField(LuceneFields.UpdatedSort, SortFieldType.INT64, reverse: true),
        new SortField(LuceneFields.IdSort, SortFieldType.STRING));

    private static readonly Sort ByRelevance = new(
        SortField.FIELD_SCORE,
        new SortField(LuceneFields.UpdatedSort, SortFieldType.INT64, reverse: true),
        new SortField(LuceneFields.IdSort, SortFieldType.STRING));

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ILogger _logger;
    private readonly string _description;
    private int _disposed;

    /// <summary>Opens (or creates) the index.</summary>
    /// <param name="options">Where the index lives.</param>
    /// <param name="logger">Logs opening and closing the index.</param>
    /// <exception cref="ArgumentException">Neither or both of an index path and in-memory were chosen.</exception>
    /// <exception cref="InvalidOperationException">Another writer holds the index directory's lock.</exception>
    public LuceneCatalogSearch(LuceneCatalogSearchOptions options, ILogger<LuceneCatalogSearch>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasPath = !string.IsNullOrWhiteSpace(options.IndexPath);
        if (hasPath == options.InMemory)
        {
            throw new ArgumentException("Set exactly one of LuceneCatalogSearchOptions.IndexPath and LuceneCatalogSearchOptions.InMemory.", nameof(options));
        }

        _logger = logger ?? (ILogger)NullLogger.Instance;
        _description = hasPath ? $"Lucene index at '{Path.GetFullPath(options.IndexPath!)}'" : "in-memory Lucene index";
        _directory = hasPath ? FSDirectory.Open(new DirectoryInfo(Path.GetFullPath(options.IndexPath!))) : new RAMDirectory();
        _analyzer = new StandardAnalyzer(Version, CharArraySet.Empty);
        try
        {
            _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        }
        catch (Exception ex)
        {
            _writer?.Dispose();
            _analyzer.Dispose();
            _directory.Dispose();
            if (ex is LockObtainFailedException)
            {
                throw new InvalidOperationException($"The {_description} is locked by another writer; only one LuceneCatalogSearch may open it.", ex);
            }

            throw;
        }

        _logger.LogInformation("Opened the {Index} with {Count} documents.", _description, _writer.NumDocs);
    }

    /// <inheritdoc />
    public Task UpsertAsync(AssetSearchDocument document, CancellationToken cancellationToken = default)
    {
        AssetSearchDocument.Validate(document);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        _writer.UpdateDocument(new Term(LuceneFields.Id, document.AssetId), LuceneFields.ToLucene(document));
        CommitAndRefresh();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string assetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetId);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        _writer.DeleteDocuments(new Term(LuceneFields.Id, assetId));
        CommitAndRefresh();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<SearchPage> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken = default)
    {
        CatalogSearchQuery.Validate(query);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();

        var filter = LuceneQueries.Filter(query);
        var text = LuceneQueries.Text(query.NormalizedText, _analyzer);
        var searcher = _searchers.Acquire();
        try
        {
            var hits = text is null
                ? searcher.Search(filter, null, query.Skip + query.Take, ByUpdated)
                : searcher.Search(text, new QueryWrapperFilter(filter), query.Skip + query.Take, ByRelevance);
            var items = hits.ScoreDocs
                .Skip(query.Skip)
                .Select(hit => LuceneFields.FromLucene(searcher.Doc(hit.Doc)))
                .ToList();
            return Task.FromResult(new SearchPage(hits.TotalHits, items));
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <inheritdoc />
    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return Task.FromResult(false);
        }

        try
        {
            var searcher = _searchers.Acquire();
            _searchers.Release(searcher);
            return Task.FromResult(true);
        }
        catch (ObjectDisposedException)
        {
            return Task.FromResult(false);
        }
    }

    /// <summary>Commits pending changes and closes the index.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
        _logger.LogInformation("Closed the {Index}.", _description);
    }

    private void CommitAndRefresh()
    {
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
