namespace Marketplace.Domain.Packaging;

/// <summary>The decompressed bytes still allowed for one pass over an archive, shared by all its entries.</summary>
internal sealed class DecompressionBudget(long limit)
{
    public long Limit => limit;

    public long Used { get; private set; }

    public long Remaining => limit - Used;

    /// <summary>Records bytes actually produced; false once the total has gone over the limit.</summary>
    public bool TryConsume(long bytes)
    {
        Used += bytes;
        return Used <= limit;
    }
}
