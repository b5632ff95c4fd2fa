using System.Text.RegularExpressions;

namespace Marketplace.Infrastructure.Signing;

/// <summary>Validates publisher ids before they become file names or Key Vault key names.</summary>
internal static partial class PublisherIds
{
    /// <summary>The longest accepted publisher id.</summary>
    public const int MaxLength = 63;

    /// <summary>Throws unless the id is 1 to 63 lowercase letters, digits and inner '-'.</summary>
    /// <param name="publisherId">The publisher id.</param>
    /// <param name="paramName">The caller's parameter name.</param>
    public static void Validate(string publisherId, string paramName = "publisherId")
    {
        if (publisherId is null || publisherId.Length > MaxLength || !Pattern().IsMatch(publisherId))
        {
            throw new ArgumentException(
                $"Publisher id '{publisherId}' is not valid: use 1 to {MaxLength} lowercase letters, digits and '-' (not first or last).",
                paramName);
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
