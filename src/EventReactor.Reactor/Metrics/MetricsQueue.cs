using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Metrics;

/// <summary>The bounded hand-over from the event consumer to <see cref="MetricsWriter"/>: the consumer never waits on it.</summary>
internal sealed class MetricsQueue(IOptions<MetricsSinkOptions> options)
{
    private readonly Channel<Contracts.EventEnvelope> _channel = Channel.CreateBounded<Contracts.EventEnvelope>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _dropped;

    public ChannelReader<Contracts.EventEnvelope> Reader => _channel.Reader;

    /// <summary>Events refused because the queue was full, since the start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues the event, or counts it as dropped when the writer is that far behind; never blocks.</summary>
    public bool TryEnqueue(Contracts.EventEnvelope envelope)
    {
        if (_channel.Writer.TryWrite(envelope))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }
}
