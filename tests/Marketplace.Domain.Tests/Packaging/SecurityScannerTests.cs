using System.Text;
using Marketplace.Domain.Packaging;
using static Marketplace.Domain.Tests.Packaging.TestPackages;

namespace Marketplace.Domain.Tests.Packaging;

public class SecurityScannerTests
{
    private readonly SecurityScanner _scanner = new();

    [Fact]
    public async Task ScanAsync_ValidPackage_NoFindings()
    {
        Assert.Empty(await ScanAsync(_scanner, Valid()));
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public async Task ScanAsync_SecretInTextFile_SecretFinding(string code, string secret)
    {
        var findings = await ScanAsync(_scanner, With("content/config/settings.txt", $"line one\nvalue: {secret}\nline three\n"));

        var finding = Assert.Single(findings);
        Assert.Equal((code, "content/config/settings.txt"), (finding.Code, finding.Path));
    }

    [Fact]
    public async Task ScanAsync_SecretInReadme_SecretFinding()
    {
        var findings = await ScanAsync(_scanner, With("README.md", $"Use this:\n{AccountKeyConnectionString()}\n"));

        Assert.Equal([FindingCodes.SecretConnectionString], findings.Codes());
    }

    [Theory]
    [InlineData("AccountKey=<your-account-key>")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;")]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7EXAMPLE")]
    [InlineData("options.DefaultScheme = \"Bearer\"; // Bearer AuthenticationSchemeDefaults")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    [InlineData("-----BEGIN CERTIFICATE-----")]
    public async Task ScanAsync_LookalikeButNotSecret_NoFindings(string text)
    {
        Assert.Empty(await ScanAsync(_scanner, With("content/notes.txt", text)));
    }

    [Theory]
    [InlineData(65_536 - 5)]
    [InlineData(65_536 - 15)]
    [InlineData(65_536 - 30)]
    [InlineData(3 * 65_536 - 8)]
    public async Task ScanAsync_SecretAcrossChunkBoundary_SecretFinding(int offset)
    {
        // The scan reads 64 KiB chunks; these offsets split the key across a chunk boundary.
        var text = RandomText(offset) + "AccountKey=" + RandomBase64(64) + "\n" + RandomText(1000);

        var findings = await ScanAsync(_scanner, With("content/big.txt", text));

        Assert.Equal([FindingCodes.SecretConnectionString], findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_SecretBeyondTextScanCap_ScanTruncatedWarningOnly()
    {
        var text = RandomText(300_000) + "\n" + AccountKeyConnectionString();
        var context = Context(new PackageLimits { MaxTextScanBytes = 100_000 });

        var findings = await ScanAsync(_scanner, With("content/big.txt", text), context);

        var finding = Assert.Single(findings);
        Assert.Equal((FindingCodes.SecretScanTruncated, Findings.FindingSeverity.Warning), (finding.Code, finding.Severity));
    }

    [Fact]
    public async Task ScanAsync_SecretInBinaryFile_NotReported()
    {
        var data = new byte[] { 0, 1, 2, 3 }.Concat(Encoding.ASCII.GetBytes(AccountKeyConnectionString())).ToArray();

        Assert.Empty(await ScanAsync(_scanner, With("content/data.bin", data)));
    }

    [Theory]
    [InlineData("content/cert.pfx")]
    [InlineData("keys/signing.P12")]
    public async Task ScanAsync_KeyStoreFile_SecretPrivateKey(string path)
    {
        var findings = await ScanAsync(_scanner, With(path, RandomBytes(256)));

        Assert.Contains(FindingCodes.SecretPrivateKey, findings.Codes());
    }

    [Theory]
    [InlineData("content/eicar.com", 0, 0)]
    [InlineData("content/readme.txt", 100, 100)]
    [InlineData("content/image.png", 65_536 - 30, 500)]
    [InlineData("content/tool.bin", 300_000, 10)]
    public async Task ScanAsync_EicarAnywhere_MalwareEicar(string path, int before, int after)
    {
        // Random filler keeps the entry under the compression-ratio limit.
        var data = RandomBytes(before).Concat(Eicar()).Concat(RandomBytes(after)).ToArray();

        var findings = await ScanAsync(_scanner, With(path, data));

        var finding = Assert.Single(findings);
        Assert.Equal((FindingCodes.MalwareEicar, path), (finding.Code, finding.Path));
    }

    [Fact]
    public async Task ScanAsync_EicarBeyondTextScanCap_StillFound()
    {
        var data = Encoding.ASCII.GetBytes(RandomText(200_000)).Concat(Eicar()).ToArray();
        var context = Context(new PackageLimits { MaxTextScanBytes = 1000 });

        var findings = await ScanAsync(_scanner, With("content/big.txt", data), context);

        Assert.Contains(FindingCodes.MalwareEicar, findings.Codes());
    }

    [Fact]
    public async Task ScanAsync_NotAZip_NoFindings()
    {
        Assert.Empty(await ScanAsync(_scanner, Encoding.ASCII.GetBytes("not a zip at all")));
    }

    public static TheoryData<string, string> Secrets() => new()
    {
        { FindingCodes.SecretPrivateKey, "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----" },
        { FindingCodes.SecretPrivateKey, "-----BEGIN " + "PRIVATE KEY-----" },
        { FindingCodes.SecretPrivateKey, "-----BEGIN " + "OPENSSH PRIVATE KEY-----" },
        { FindingCodes.SecretPrivateKey, "-----BEGIN " + "PGP PRIVATE KEY BLOCK-----" },
        { FindingCodes.SecretCloudAccessKey, "AKIA" + RandomUpper(16) },
        { FindingCodes.SecretCloudAccessKey, "aws_secret_access_key = " + RandomBase64(30)[..40] },
        { FindingCodes.SecretCloudAccessKey, "https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=" + RandomBase64(32) },
        { FindingCodes.SecretCloudAccessKey, "AIza" + RandomBase64(30)[..35].Replace('+', '_').Replace('/', '-') },
        { FindingCodes.SecretConnectionString, AccountKeyConnectionString() },
        { FindingCodes.SecretConnectionString, "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=" + RandomBase64(32) },
        { FindingCodes.SecretBearerToken, "Authorization: Bearer " + RandomBase64(30).Replace('+', '-').Replace('/', '_') + "9" },
        { FindingCodes.SecretBearerToken, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" },
    };

    private static string AccountKeyConnectionString() =>
        $"DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey={RandomBase64(64)};EndpointSuffix=core.windows.net";

    // Lowercase letters, spaces and newlines: incompressible enough for the ratio limit, and never a secret.
    private static string RandomText(int length) =>
        new([.. RandomBytes(length).Select(b => "abcdefghijklmnopqrstuvwxyz \n"[b % 28])]);

    private static string RandomBase64(int bytes) => Convert.ToBase64String(RandomBytes(bytes));

    private static string RandomUpper(int length) =>
        new([.. RandomBytes(length).Select(b => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[b % 32])]);

    // Built backwards so no source file holds the contiguous test string antivirus looks for.
    private static byte[] Eicar() =>
        [.. Encoding.ASCII.GetBytes("*H+H$!ELIF-TSET-SURIVITNA-DRADNATS-RACIE$}7)CC7)^P(45XZP\\4[PA@%P!O5X").Reverse()];
}
