using System.Diagnostics;

namespace Marketplace.Infrastructure.Tests.Signing;

/// <summary>Runs the exact shell commands that docs/signing.md gives for verifying a signature with openssl.</summary>
internal static class DocumentedOpenssl
{
    public const string PackageScript = "verify-script";
    public const string DigestScript = "verify-digest-script";

    /// <summary>Writes pub.pem and package.zip, runs the documented package verification and returns its outcome and the DER it made.</summary>
    public static Task<Result> VerifyPackageAsync(string publicKeyPem, byte[] package, string signatureBase64) =>
        RunAsync(publicKeyPem, package, signatureBase64, contentHashHex: null, PackageScript);

    /// <summary>Runs the package script (to make sig.der) and then the documented digest verification.</summary>
    public static Task<Result> VerifyDigestAsync(string publicKeyPem, byte[] package, string signatureBase64, string contentHashHex) =>
        RunAsync(publicKeyPem, package, signatureBase64, contentHashHex, PackageScript, DigestScript);

    /// <summary>Extracts the bash block between <c>&lt;!-- {marker}:start --&gt;</c> and <c>&lt;!-- {marker}:end --&gt;</c>.</summary>
    public static string ReadScript(string marker)
    {
        var markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "signing.md"));
        var start = markdown.IndexOf($"<!-- {marker}:start -->", StringComparison.Ordinal);
        var end = markdown.IndexOf($"<!-- {marker}:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/signing.md has no '{marker}' block.");
        var lines = markdown[start..end].Split('\n').Skip(1).Where(line => !line.StartsWith("```", StringComparison.Ordinal));
        return string.Join('\n', lines);
    }

    private static async Task<Result> RunAsync(string publicKeyPem, byte[] package, string signatureBase64, string? contentHashHex, params string[] markers)
    {
        var directory = Directory.CreateTempSubdirectory("marketplace-openssl-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "pub.pem"), publicKeyPem);
            await File.WriteAllBytesAsync(Path.Combine(directory.FullName, "package.zip"), package);
            var script = "set -euo pipefail\n" + string.Join('\n', markers.Select(ReadScript)) + "\n";
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "verify.sh"), script);

            var start = new ProcessStartInfo("bash")
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("verify.sh");
            start.Environment["SIGNATURE"] = signatureBase64;
            start.Environment["CONTENT_HASH_HEX"] = contentHashHex ?? string.Empty;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            var der = Path.Combine(directory.FullName, "sig.der");
            var output = await stdout + await stderr;
            return new Result(process.ExitCode, output, File.Exists(der) ? await File.ReadAllBytesAsync(der) : null);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public sealed record Result(int ExitCode, string Output, byte[]? Der);
}
