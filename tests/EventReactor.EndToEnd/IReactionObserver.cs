using EventReactor.Contracts;

namespace EventReactor.EndToEnd;

/// <summary>Learns of each event the reactor published, once the broker confirmed it (see <see cref="CountingPublisher"/>).</summary>
internal interface IReactionObserver
{
    void Observe(EventEnvelope published);
}
