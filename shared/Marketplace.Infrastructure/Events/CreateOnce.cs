namespace Marketplace.Infrastructure.Events;

/// <summary>Runs an idempotent create (table, queue, container) until it first succeeds, then never again.</summary>
internal sealed class CreateOnce(Func<CancellationToken, Task> create)
{
    private volatile bool done;

    public async ValueTask EnsureAsync(CancellationToken cancellationToken)
    {
        if (this.done)
        {
            return;
        }

        await create(cancellationToken);
        this.done = true;
    }
}
