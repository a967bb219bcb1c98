using System.Threading.Channels;
using EventReactor.Contracts;

namespace EventReactor.Reactor.Streaming;

/// <summary>One watcher's feed; disposing it unsubscribes.</summary>
internal sealed class StreamSubscription(ChannelReader<EventEnvelope> reader, Action unsubscribe) : IDisposable
{
    public ChannelReader<EventEnvelope> Reader { get; } = reader;

    public void Dispose() => unsubscribe();
}
