using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Models;
using Marketplace.Domain.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Infrastructure.Search;

/// <summary>
/// An <see cref="ICatalogSearch"/> over an Azure AI Search index, created on first use when missing.
/// </summary>
/// <remarks>
/// Documents are keyed by <see cref="AzureSearchKeys.Encode"/> of the asset id and written with
/// <c>mergeOrUpload</c>. Searches use simple syntax with all words required (<c>searchMode=all</c>) over
/// asset id, display name, tags and description, the escaped filter of <see cref="AzureSearchQueries.Filter"/>,
/// and order by <c>updatedAt desc</c> without text or by relevance with it. Service failures surface as the
/// SDK's <see cref="RequestFailedException"/>. The identity needs the "Search Index Data Contributor" role,
/// plus "Search Service Contributor" to create the index.
/// </remarks>
public sealed partial class AzureCatalogSearch : ICatalogSearch, IDisposable
{
    private readonly SearchIndexClient _indexClient;
    private readonly SearchClient _searchClient;
    private readonly string _indexName;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _indexGate = new(1, 1);
    private volatile bool _indexReady;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The endpoint and index name.</param>
    /// <param name="credential">The identity to call the search service with (for example <c>DefaultAzureCredential</c>).</param>
    /// <param name="logger">Logs index creation and health failures.</param>
    /// <param name="clientOptions">Retries, diagnostics, transport and API version of the SDK clients; defaults apply when null.</param>
    /// <exception cref="ArgumentException">The endpoint is missing or not https, or the index name is invalid.</exception>
    public AzureCatalogSearch(
        AzureSearchOptions options,
        TokenCredential credential,
        ILogger<AzureCatalogSearch>? logger = null,
        SearchClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"AzureSearchOptions.Endpoint must be an absolute https URI; it was '{options.Endpoint}'.", nameof(options));
        }

        if (options.IndexName is null || !IndexNamePattern().IsMatch(options.IndexName))
        {
            throw new ArgumentException(
                $"AzureSearchOptions.IndexName '{options.IndexName}' must be 2 to 128 lowercase letters, digits and '-', starting with a letter or digit.",
                nameof(options));
        }

        _indexName = options.IndexName;
        _indexClient = new SearchIndexClient(endpoint, credential, clientOptions ?? new SearchClientOptions());
        _searchClient = _indexClient.GetSearchClient(_indexName);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async Task UpsertAsync(AssetSearchDocument document, CancellationToken cancellationToken = default)
    {
        AssetSearchDocument.Validate(document);
        await EnsureIndexAsync(cancellationToken);
        await _searchClient.MergeOrUploadDocumentsAsync(
            [AzureSearchRecord.From(document)],
            new IndexDocumentsOptions { ThrowOnAnyError = true },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string assetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetId);
        await EnsureIndexAsync(cancellationToken);
        await _searchClient.DeleteDocumentsAsync(
            AzureSearchFields.Key,
            [AzureSearchKeys.Encode(assetId)],
            new IndexDocumentsOptions { ThrowOnAnyError = true },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SearchPage> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken = default)
    {
        CatalogSearchQuery.Validate(query);
        await EnsureIndexAsync(cancellationToken);

        var text = query.NormalizedText;
        var options = new SearchOptions
        {
            Filter = AzureSearchQueries.Filter(query),
            Skip = query.Skip,
            Size = query.Take,
            IncludeTotalCount = true,
            SearchMode = SearchMode.All,
            QueryType = SearchQueryType.Simple,
        };
        if (text is null)
        {
            options.OrderBy.Add($"{AzureSearchFields.UpdatedAt} desc");
            options.OrderBy.Add($"{AzureSearchFields.AssetId} asc");
        }
        else
        {
            foreach (var field in AzureSearchFields.Searchable)
            {
                options.SearchFields.Add(field);
            }

            options.OrderBy.Add("search.score() desc");
            options.OrderBy.Add($"{AzureSearchFields.UpdatedAt} desc");
        }

        var response = await _searchClient.SearchAsync<AzureSearchRecord>(AzureSearchQueries.SearchText(text), options, cancellationToken);
        var items = new List<AssetSearchDocument>(query.Take);
        await foreach (var page in response.Value.GetResultsAsync().AsPages(pageSizeHint: query.Take).WithCancellation(cancellationToken))
        {
            items.AddRange(page.Values.Select(result => result.Document.ToDocument()));
            break;
        }

        return new SearchPage(response.Value.TotalCount ?? items.Count, items);
    }

    /// <inheritdoc />
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _indexClient.GetIndexStatisticsAsync(_indexName, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The service answers; the index appears on the first write or search.
            return true;
        }
        catch (RequestFailedException ex)
        {
            _logger.LogWarning(ex, "Azure AI Search index {Index} is unhealthy: {Status} {Code}.", _indexName, ex.Status, ex.ErrorCode);
            return false;
        }
    }

    /// <summary>Releases the index-creation lock.</summary>
    public void Dispose() => _indexGate.Dispose();

    private async Task EnsureIndexAsync(CancellationToken cancellationToken)
    {
        if (_indexReady)
        {
            return;
        }

        await _indexGate.WaitAsync(cancellationToken);
        try
        {
            if (_indexReady)
            {
                return;
            }

            if (!await IndexExistsAsync(cancellationToken))
            {
                await CreateIndexAsync(cancellationToken);
            }

            _indexReady = true;
        }
        finally
        {
            _indexGate.Release();
        }
    }

    private async Task CreateIndexAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _indexClient.CreateIndexAsync(AzureSearchFields.Index(_indexName), cancellationToken);
            _logger.LogInformation("Created Azure AI Search index {Index}.", _indexName);
        }
        catch (RequestFailedException ex) when (ex.Status is 400 or 409)
        {
            // Another instance may have created it between our get and create; only then is this fine.
            if (!await IndexExistsAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task<bool> IndexExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _indexClient.GetIndexAsync(_indexName, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexNamePattern();
}
