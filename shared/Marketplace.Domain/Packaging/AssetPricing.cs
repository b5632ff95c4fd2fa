using System.Text.Json.Serialization;

namespace Marketplace.Domain.Packaging;

/// <summary>Whether installing an asset needs a tenant entitlement; serialized in lowercase.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssetPricing>))]
public enum AssetPricing
{
    /// <summary>Anyone may install it.</summary>
    [JsonStringEnumMemberName("free")]
    Free,

    /// <summary>A tenant needs an entitlement to install it.</summary>
    [JsonStringEnumMemberName("paid")]
    Paid,
}
