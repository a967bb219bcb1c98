using EventReactor.Contracts;

namespace EventReactor.Reactor.Metrics;

/// <summary>An event for the sinks, with its batch read once: a container batch, a host batch, or neither.</summary>
internal sealed record ParsedEvent(EventEnvelope Envelope, ContainerBatch? Container, HostBatch? Host)
{
    /// <summary>The minion that sent the batch: <c>minion/&lt;id&gt;/metrics/...</c>.</summary>
    public string Minion => Envelope.Minion ?? Envelope.Tag.Split('/')[1];
}
