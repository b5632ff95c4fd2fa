using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Marketplace.Infrastructure.Installation;
using Marketplace.Testing;

namespace Marketplace.Infrastructure.Tests.Installation;

/// <summary>Clients on the shared Azurite with the installation tables and container created, and a settable clock.</summary>
internal sealed class InstallationStorage
{
    private InstallationStorage(TableServiceClient tables, BlobServiceClient blobs)
    {
        this.Tables = tables;
        this.Blobs = blobs;
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public BlobContainerClient Container => this.Blobs.GetBlobContainerClient(InstallationStorageNames.TargetsContainer);

    public static async Task<InstallationStorage> CreateAsync(AzuriteFixture azurite)
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        foreach (var table in InstallationStorageNames.Tables)
        {
            await tables.CreateTableIfNotExistsAsync(table);
        }

        await blobs.GetBlobContainerClient(InstallationStorageNames.TargetsContainer).CreateIfNotExistsAsync();
        return new InstallationStorage(tables, blobs);
    }

    /// <summary>A tenant id no other test uses, so tests never see each other's rows.</summary>
    public static string NewTenant() => $"tenant-{Guid.NewGuid():N}";

    public TableTargetStore TargetStore() => new(this.Tables, this.Clock);

    public TargetFileStore FileStore() => new(this.Blobs);

    public TargetApplier Applier() => new(this.Tables, this.Blobs, this.Clock);

    public RollbackJournal Journal() => new(this.Tables, this.Blobs, this.Clock);
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;

    public override DateTimeOffset GetUtcNow() => this.now;

    public void Advance(TimeSpan by) => this.now += by;
}
