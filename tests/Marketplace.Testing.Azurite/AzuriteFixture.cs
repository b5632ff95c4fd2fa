namespace Marketplace.Testing;

/// <summary>xunit fixture: one Azurite for the test classes that share it.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? azurite;

    /// <summary>The running Azurite.</summary>
    public AzuriteInstance Azurite => this.azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>Its connection string.</summary>
    public string ConnectionString => this.Azurite.ConnectionString;

    /// <inheritdoc />
    public async Task InitializeAsync() => this.azurite = await AzuriteInstance.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (this.azurite is not null)
        {
            await this.azurite.DisposeAsync();
        }
    }
}
