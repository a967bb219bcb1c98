using EventReactor.Contracts;
using EventReactor.Messaging;

namespace EventReactor.EndToEnd;

/// <summary>Learns of each event a decorated host (the reactor, a simulated minion) published, once the broker confirmed it (see <see cref="CountingPublisher"/>).</summary>
internal interface IReactionObserver
{
    /// <summary>Whether it wants events now: while not, the publisher does not read them for it.</summary>
    bool Listening { get; }

    void Observe(EventEnvelope published);

    /// <summary>Events a minion's outbox is about to hand to the broker (only the stage clock wants them).</summary>
    void Sending(IReadOnlyList<SerializedEvent> events)
    {
    }
}
