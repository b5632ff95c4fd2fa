namespace Marketplace.Domain.Packaging;

/// <summary>The manifest's closed sets of words, as written in JSON.</summary>
internal static class ManifestVocabulary
{
    public static readonly IReadOnlyDictionary<string, AssetKind> Kinds = new Dictionary<string, AssetKind>(StringComparer.Ordinal)
    {
        ["template"] = AssetKind.Template,
        ["component"] = AssetKind.Component,
        ["agent"] = AssetKind.Agent,
        ["workflow"] = AssetKind.Workflow,
        ["policy"] = AssetKind.Policy,
    };

    public static readonly IReadOnlyDictionary<string, AssetPricing> Pricings = new Dictionary<string, AssetPricing>(StringComparer.Ordinal)
    {
        ["free"] = AssetPricing.Free,
        ["paid"] = AssetPricing.Paid,
    };
}
