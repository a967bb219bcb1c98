using MassTransit;

namespace EventReactor.Messaging;

/// <summary>
/// Sends the faults of every partition queue (<see cref="EventBusNames.PartitionQueue"/>) to the one error queue
/// <see cref="EventBusNames.ReactorErrorQueue"/> that services and operators already look at; any other queue keeps
/// MassTransit's <c>&lt;queue&gt;_error</c>.
/// </summary>
internal sealed class PartitionErrorQueueNameFormatter : IErrorQueueNameFormatter
{
    private const string Prefix = EventBusNames.ReactorQueue + ".";

    public string FormatErrorQueueName(string queueName) =>
        IsPartitionQueue(queueName) ? EventBusNames.ReactorErrorQueue : queueName + "_error";

    private static bool IsPartitionQueue(string queueName) =>
        queueName.StartsWith(Prefix, StringComparison.Ordinal)
        && queueName.Length > Prefix.Length
        && queueName.AsSpan(Prefix.Length).ContainsAnyExceptInRange('0', '9') is false;
}
