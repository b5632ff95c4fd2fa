using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Configuration;

namespace Marketplace.LocalRuntime.Queues;

/// <summary>
/// The pure parts of the local queue trigger: what the Functions host binds from a queue message, how a queue name
/// setting resolves, and how polling backs off.
/// </summary>
internal static class QueueBinding
{
    /// <summary>Shortest wait between polls (right after a message).</summary>
    public static readonly TimeSpan MinPollDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public static readonly TimeSpan MaxPollDelay = TimeSpan.FromSeconds(1);

    /// <summary>The trigger parameter's value: the decoded message as string, <see cref="BinaryData"/> or bytes.</summary>
    /// <exception cref="NotSupportedException">For any other parameter type.</exception>
    public static object BindBody(Type type, BinaryData body)
    {
        if (type == typeof(string)) return body.ToString();
        if (type == typeof(BinaryData)) return body;
        if (type == typeof(byte[])) return body.ToArray();
        throw new NotSupportedException($"A queue trigger binds to string, BinaryData or byte[], not {type.Name}.");
    }

    /// <summary>The binding data the host offers by parameter name (case-insensitive), each converted to the parameter's type.</summary>
    public static bool TryBindData(QueueMessage message, string? name, Type type, out object? value)
    {
        object? raw = name?.ToUpperInvariant() switch
        {
            "ID" => message.MessageId,
            "DEQUEUECOUNT" => message.DequeueCount,
            "INSERTIONTIME" => message.InsertedOn,
            "EXPIRATIONTIME" => message.ExpiresOn,
            "NEXTVISIBLETIME" => message.NextVisibleOn,
            "POPRECEIPT" => message.PopReceipt,
            _ => null,
        };
        value = raw is null ? null : Convert(raw, type);
        return raw is not null;
    }

    /// <summary>The queue name of a trigger: literal, or a <c>%setting%</c> read from configuration (<c>__</c> as <c>:</c>).</summary>
    /// <exception cref="InvalidOperationException">When the setting is missing.</exception>
    public static string ResolveQueueName(string queueName, IConfiguration configuration)
    {
        if (queueName.Length > 2 && queueName[0] == '%' && queueName[^1] == '%')
        {
            var setting = queueName[1..^1];
            return configuration[setting.Replace("__", ":", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"The queue trigger names setting '{setting}', which is not set.");
        }

        return queueName;
    }

    /// <summary>The wait before the next poll: short after a message, doubling while the queue is empty, up to a second.</summary>
    public static TimeSpan NextPollDelay(TimeSpan current, bool receivedAny)
    {
        if (receivedAny) return MinPollDelay;
        var doubled = current * 2;
        return doubled < MinPollDelay ? MinPollDelay : doubled > MaxPollDelay ? MaxPollDelay : doubled;
    }

    private static object? Convert(object raw, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return raw switch
        {
            _ when target.IsInstanceOfType(raw) => raw,
            DateTimeOffset time when target == typeof(DateTime) => time.UtcDateTime,
            DateTimeOffset time when target == typeof(string) => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            _ => System.Convert.ChangeType(raw, target, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
