using System.Buffers.Text;
using System.Text;

namespace Marketplace.Infrastructure.Search;

/// <summary>
/// Document keys of the Azure AI Search index. Keys may only hold letters, digits, '_', '-' and '=',
/// but asset ids contain '.', so the key is the URL-safe base64 (RFC 4648 §5, no padding) of the
/// UTF-8 asset id; the readable id is kept in the <c>assetId</c> field.
/// </summary>
public static class AzureSearchKeys
{
    /// <summary>Encodes an asset id as a document key: <c>contoso.http-api</c> becomes <c>Y29udG9zby5odHRwLWFwaQ</c>.</summary>
    /// <param name="assetId">The asset id.</param>
    /// <returns>The document key.</returns>
    public static string Encode(string assetId)
    {
        ArgumentException.ThrowIfNullOrEmpty(assetId);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(assetId));
    }

    /// <summary>Decodes a document key back to the asset id.</summary>
    /// <param name="key">The document key.</param>
    /// <returns>The asset id.</returns>
    /// <exception cref="FormatException">The key is not URL-safe base64.</exception>
    public static string Decode(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(key));
    }
}
