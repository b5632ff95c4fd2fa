using Marketplace.LocalRuntime;

namespace Marketplace.Testing;

/// <summary>
/// xunit fixture: Azurite plus the local runtime hosting the real function classes, with an HTTP client pointed at it.
/// One per test collection; tests use unique ids so they never depend on each other's data.
/// </summary>
public sealed class LocalRuntimeFixture : IAsyncLifetime
{
    private LocalRuntimeHost? runtime;

    /// <summary>The Azurite under the runtime.</summary>
    public AzuriteInstance? Azurite { get; private set; }

    /// <summary>The task hub of this fixture's runtime.</summary>
    public string TaskHub { get; } = TestRuntime.NewTaskHub();

    /// <summary>A throw-away folder for keys and the search index.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("marketplace-test-").FullName;

    /// <summary>The running runtime.</summary>
    public LocalRuntimeHost Runtime => this.runtime ?? throw new InvalidOperationException("The runtime has not started.");

    /// <summary>A client for the runtime's HTTP API.</summary>
    public HttpClient Http { get; private set; } = new();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        this.Azurite = await AzuriteInstance.StartAsync();
        this.runtime = await TestRuntime.StartAsync(this.Azurite.ConnectionString, this.TaskHub, this.DataDirectory);
        this.Http = new HttpClient { BaseAddress = this.runtime.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        this.Http.Dispose();
        if (this.runtime is not null)
        {
            await this.runtime.DisposeAsync();
        }

        if (this.Azurite is not null)
        {
            await this.Azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(this.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleanup.
        }
    }
}
