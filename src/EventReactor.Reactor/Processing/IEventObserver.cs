using EventReactor.Contracts;

namespace EventReactor.Reactor.Processing;

/// <summary>Reactor state that follows the bus (minion presence, job returns); it sees every event before the rules do.</summary>
internal interface IEventObserver
{
    Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken);
}
