using EventReactor.Contracts;
using EventReactor.Contracts.Metrics;

namespace EventReactor.Reactor.Metrics;

/// <summary>An event for the sinks, with its batch read once: a container batch, a host batch, or neither.</summary>
internal sealed record ParsedEvent(EventEnvelope Envelope, ContainerMetricsSampled? Container, HostMetricsSampled? Host);
