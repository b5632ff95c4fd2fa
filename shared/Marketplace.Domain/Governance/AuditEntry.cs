namespace Marketplace.Domain.Governance;

/// <summary>One line of the append-only audit log.</summary>
/// <param name="Id">Unique id (deterministic for a saga step, so a retried append is recognised).</param>
/// <param name="Actor">Who: a user's object id, or <c>system:governance</c> for automatic actions.</param>
/// <param name="Action">What, for example <c>asset.suspended</c> or <c>publisher.restricted</c>.</param>
/// <param name="SubjectType">What kind of thing: <c>asset</c>, <c>publisher</c>, <c>publication</c>, ...</param>
/// <param name="SubjectId">Its id.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record AuditEntry(string Id, string Actor, string Action, string SubjectType, string SubjectId, string Reason, DateTimeOffset At);
