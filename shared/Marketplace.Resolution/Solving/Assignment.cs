namespace Marketplace.Resolution.Solving;

/// <summary>
/// One entry of the partial solution: a decision (<see cref="Cause"/> is null, a single version) or a
/// derivation forced by <see cref="Cause"/>.
/// </summary>
internal sealed record Assignment(Term Term, int DecisionLevel, int Index, Incompatibility? Cause)
{
    public bool IsDecision => Cause is null;
}
