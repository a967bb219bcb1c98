using EventReactor.Contracts;
using EventReactor.Contracts.Metrics;
using EventReactor.Contracts.Minions;

namespace EventReactor.Reactor.Metrics;

/// <summary>An event for the sinks, with its batch read once: a container batch, a host batch, or neither.</summary>
internal sealed record ParsedEvent(EventEnvelope Envelope, ContainerMetricsSampled? Container, HostMetricsSampled? Host)
{
    /// <summary>The minion that sent the batch: the envelope names it, and so does the tag.</summary>
    public string Minion => Envelope.Minion ?? (MinionTags.TryParse(Envelope.Tag, out var tag) ? tag.Minion : string.Empty);
}
