namespace Marketplace.Infra.Tests;

/// <summary>
/// What a secret looks like in a compiled template: key-bearing connection strings, and the ARM functions or
/// properties that return keys. The Application Insights connection string is not among them: its instrumentation key
/// only names the component, and with local auth off it cannot send data without an Entra token.
/// </summary>
internal static class SecretPatterns
{
    private static readonly string[] Patterns =
    [
        "AccountKey=",
        "SharedAccessKey",
        "SharedAccessSignature",
        "DefaultEndpointsProtocol=",
        "Password=",
        "listKeys(",
        "listConnectionStrings(",
        "listSecrets(",
        "listAdminKeys(",
        "listQueryKeys(",
        "listAuthKeys(",
        "listCredentials(",
        "getSecret(",
        "primaryConnectionString",
        "secondaryConnectionString",
        "primaryKey",
        "secondaryKey",
        "primaryMasterKey",
    ];

    /// <summary>The secret patterns found in the text (case-insensitive), empty when it looks clean.</summary>
    public static IReadOnlyList<string> Find(string text) =>
        Patterns.Where(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)).ToList();
}
