namespace Marketplace.Infrastructure.Events;

/// <summary>
/// Names of the queues, topic, tables and containers used by events, commands, dead letters and governance. The stores
/// create what they need on first use; startup may create them up front from <see cref="Tables"/>, <see cref="Containers"/>
/// and <see cref="Queues"/>.
/// </summary>
public static class EventStorageNames
{
    /// <summary>The Storage queue of the local event transport (setting <c>Marketplace__Events__QueueName</c>).</summary>
    public const string EventsQueue = "marketplace-events";

    /// <summary>The Service Bus topic of the Azure event transport (setting <c>Marketplace__Events__TopicName</c>).</summary>
    public const string EventsTopic = "marketplace-events";

    /// <summary>The Storage queue commands arrive on (setting <c>Marketplace__Commands__QueueName</c>).</summary>
    public const string CommandsQueue = "marketplace-commands";

    /// <summary>Consumer dedup marks: PK consumer, RK event id.</summary>
    public const string ProcessedEventsTable = "ProcessedEvents";

    /// <summary>Dead-letter rows: PK entry id, RK empty.</summary>
    public const string DeadLettersTable = "DeadLetters";

    /// <summary>Dead-letter raw messages, at <c>deadletters/{id}.json</c>.</summary>
    public const string DeadLettersContainer = "deadletters";

    /// <summary>Failure occurrences for escalation: PK kind|subjectType|subjectId, RK occurrence id; plus latch rows.</summary>
    public const string FailureLedgerTable = "GovernanceFailures";

    /// <summary>Governance signals: one partition, an id row and a newest-first row per signal.</summary>
    public const string GovernanceSignalsTable = "GovernanceSignals";

    /// <summary>The append-only audit log: newest-first rows in an <c>all</c> partition and a per-subject partition.</summary>
    public const string AuditLogTable = "AuditLog";

    /// <summary>All tables above.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        [ProcessedEventsTable, DeadLettersTable, FailureLedgerTable, GovernanceSignalsTable, AuditLogTable];

    /// <summary>All blob containers above.</summary>
    public static IReadOnlyList<string> Containers { get; } = [DeadLettersContainer];

    /// <summary>All Storage queues above.</summary>
    public static IReadOnlyList<string> Queues { get; } = [EventsQueue, CommandsQueue];
}
