namespace Marketplace.Domain.Governance;

/// <summary>Raised governance signals, for <c>GET /api/governance/signals</c>.</summary>
public interface IGovernanceSignalStore
{
    /// <summary>Stores a signal; idempotent by <see cref="GovernanceSignal.Id"/>.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when a signal with this id was already stored (it is left as it was).</returns>
    Task<bool> AddAsync(GovernanceSignal signal, CancellationToken cancellationToken);

    /// <summary>Signals, newest <see cref="GovernanceSignal.RaisedAt"/> first.</summary>
    /// <param name="take">At most this many.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The signals.</returns>
    Task<IReadOnlyList<GovernanceSignal>> ListAsync(int take, CancellationToken cancellationToken);

    /// <summary>One signal.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The signal, or <see langword="null"/>.</returns>
    Task<GovernanceSignal?> GetAsync(string id, CancellationToken cancellationToken);
}
