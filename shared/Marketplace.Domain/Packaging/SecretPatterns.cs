using System.Text.RegularExpressions;

namespace Marketplace.Domain.Packaging;

/// <summary>
/// Patterns for credentials that must never ship in a package. Every pattern's shortest match is
/// far below <see cref="MaxMatchLength"/>, the overlap the chunked scan keeps between windows.
/// </summary>
internal static partial class SecretPatterns
{
    public const int MaxMatchLength = 1024;

    public static readonly IReadOnlyList<(string Code, Regex Pattern, string What)> All =
    [
        (FindingCodes.SecretPrivateKey, PrivateKey(), "a PEM private-key block"),
        (FindingCodes.SecretCloudAccessKey, AwsAccessKeyId(), "an AWS access key id"),
        (FindingCodes.SecretCloudAccessKey, AwsSecretAccessKey(), "an AWS secret access key"),
        (FindingCodes.SecretCloudAccessKey, AzureSasSignature(), "an Azure shared-access signature"),
        (FindingCodes.SecretCloudAccessKey, GoogleApiKey(), "a Google API key"),
        (FindingCodes.SecretCloudAccessKey, GitHubToken(), "a GitHub access token"),
        (FindingCodes.SecretConnectionString, AccountKeyConnectionString(), "a connection string with an account or shared-access key"),
        (FindingCodes.SecretBearerToken, BearerToken(), "a bearer token"),
        (FindingCodes.SecretBearerToken, JsonWebToken(), "a JSON web token"),
    ];

    [GeneratedRegex("-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    // AWS documents AKIAIOSFODNN7EXAMPLE as its sample key; ids ending in EXAMPLE are not secrets.
    [GeneratedRegex(@"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b(?<!EXAMPLE)", RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?i:aws_?secret_?access_?key)[""']?[ \t]{0,4}[:=][ \t]{0,4}[""']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])", RegexOptions.CultureInvariant)]
    private static partial Regex AwsSecretAccessKey();

    [GeneratedRegex(@"[?&;]sig=[A-Za-z0-9%+/]{40,}", RegexOptions.CultureInvariant)]
    private static partial Regex AzureSasSignature();

    [GeneratedRegex(@"\bAIza[0-9A-Za-z_\-]{35}(?![0-9A-Za-z_\-])", RegexOptions.CultureInvariant)]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"\bgh[pousr]_[A-Za-z0-9]{36}\b", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubToken();

    // The Azurite/storage-emulator key is published in Microsoft's docs and grants nothing, so it is allowed.
    [GeneratedRegex(@"(?:AccountKey|SharedAccessKey)[ \t]{0,4}=[ \t]{0,4}(?!Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==)[A-Za-z0-9+/]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex AccountKeyConnectionString();

    // A real token has digits; prose such as "Bearer AuthenticationScheme" does not.
    [GeneratedRegex(@"\b[Bb]earer[ \t]+(?=[A-Za-z\-._~+/]{0,200}[0-9])[A-Za-z0-9\-._~+/]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}", RegexOptions.CultureInvariant)]
    private static partial Regex JsonWebToken();
}
