namespace Marketplace.Domain.Packaging;

/// <summary>The EICAR anti-malware test string, which every antivirus reports as malware.</summary>
internal static class EicarSignature
{
    // Joined at run time so this source file and the compiled assembly never hold the whole string,
    // which would make antivirus on build machines quarantine them.
    private const string FirstHalf = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$";
    private const string SecondHalf = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    public static readonly byte[] Bytes = System.Text.Encoding.ASCII.GetBytes(string.Concat(FirstHalf, SecondHalf));

    public static bool IsIn(ReadOnlySpan<byte> window) => window.IndexOf(Bytes) >= 0;
}
