using System.Collections.Concurrent;
using System.Threading.Channels;
using EventReactor.Contracts;
using EventReactor.Core.Tags;

namespace EventReactor.Reactor.Streaming;

/// <summary>
/// Fans bus traffic out to live watchers (server-sent events). A slow watcher loses its oldest events,
/// never slows the reactor. Only events from the hub's <see cref="EventStreamSource"/> are passed on.
/// </summary>
internal sealed class EventStreamHub(EventStreamSource source)
{
    private const int WatcherBuffer = 4096;
    private readonly ConcurrentDictionary<Guid, (TagGlob? Filter, Channel<EventEnvelope> Channel)> _watchers = new();

    public StreamSubscription Subscribe(TagGlob? filter)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<EventEnvelope>(new BoundedChannelOptions(WatcherBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _watchers[id] = (filter, channel);
        return new StreamSubscription(channel.Reader, () => _watchers.TryRemove(id, out _));
    }

    /// <summary>Passes <paramref name="envelope"/> to the watchers whose filter matches, when it comes from the hub's source.</summary>
    public void Publish(EventEnvelope envelope, EventStreamSource from)
    {
        if (from != source)
        {
            return;
        }

        foreach (var (filter, channel) in _watchers.Values)
        {
            if (filter is null || filter.IsMatch(envelope.Tag))
            {
                channel.Writer.TryWrite(envelope);
            }
        }
    }
}
