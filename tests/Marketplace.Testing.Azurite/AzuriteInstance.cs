using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.Testing;

/// <summary>
/// A real Azurite (Blob, Queue, Table) for tests: the one <c>./test.sh</c> started (<c>MARKETPLACE_TEST_STORAGE</c>),
/// or a private one on free ports with in-memory, throw-away data, started from the repository's node_modules.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    /// <summary>The environment variable through which ./test.sh shares its Azurite.</summary>
    public const string SharedConnectionVariable = "MARKETPLACE_TEST_STORAGE";

    // Azurite's well-known development account (public, documented, not a secret).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process? process;

    private AzuriteInstance(string connectionString, Process? process)
    {
        this.ConnectionString = connectionString;
        this.process = process;
    }

    /// <summary>A connection string for all three services.</summary>
    public string ConnectionString { get; }

    /// <summary>Uses the shared Azurite if ./test.sh started one, else starts a private one.</summary>
    public static async Task<AzuriteInstance> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable(SharedConnectionVariable) is { Length: > 0 } shared)
        {
            return new AzuriteInstance(shared, process: null);
        }

        var root = RepositoryPaths.Root;
        var azurite = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run 'npm ci' in {root} (./test.sh does).");
        }

        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                azurite, "--silent", "--skipApiVersionCheck", "--loose", "--inMemoryPersistence",
                "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // If the test host exits without disposing the fixture (a killed or timed-out run), take Azurite down with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        };

        var instance = new AzuriteInstance(ConnectionStringFor(blob, queue, table), process);
        try
        {
            foreach (var port in new[] { blob, queue, table })
            {
                await WaitForPortAsync(port, process, cancellationToken);
            }
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        return instance;
    }

    /// <summary>The connection string of an Azurite listening on these ports.</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (this.process is { HasExited: false })
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync();
        }

        this.process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, Process process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within 30 seconds.");
    }
}
