using System.Collections.Concurrent;
using System.Threading.Channels;
using EventReactor.Contracts;
using EventReactor.Core.Tags;

namespace EventReactor.Reactor.Streaming;

/// <summary>
/// Fans bus traffic out to live watchers (server-sent events). A slow watcher loses its oldest events,
/// never slows the reactor. Only events from its feed's <see cref="EventStreamSource"/> are passed on.
/// </summary>
internal sealed class EventStreamHub(IStreamFeed feed)
{
    private const int WatcherBuffer = 4096;
    private readonly ConcurrentDictionary<Guid, (TagGlob? Filter, Channel<EventEnvelope> Channel)> _watchers = new();

    /// <summary>Once it returns, every later event that matches <paramref name="filter"/> reaches the subscription.</summary>
    public async Task<StreamSubscription> SubscribeAsync(TagGlob? filter, CancellationToken cancellationToken)
    {
        var lease = await feed.AcquireAsync(cancellationToken);
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<EventEnvelope>(new BoundedChannelOptions(WatcherBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _watchers[id] = (filter, channel);
        return new StreamSubscription(channel.Reader, () =>
        {
            _watchers.TryRemove(id, out _);
            lease.Dispose();
        });
    }

    /// <summary>Passes <paramref name="envelope"/> to the watchers whose filter matches, when it comes from the hub's source.</summary>
    public void Publish(EventEnvelope envelope, EventStreamSource from)
    {
        if (from != feed.Source)
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
