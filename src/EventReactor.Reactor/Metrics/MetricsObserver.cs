using EventReactor.Contracts;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Metrics;

/// <summary>
/// Hands metric batches (and, for Elasticsearch, benchmark results and every other event) to the sinks' writer.
/// Only enqueues: a slow or absent sink must never hold up rules.
/// </summary>
internal sealed partial class MetricsObserver(MetricsQueue queue, IOptions<MetricsSinkOptions> options, TimeProvider time, ILogger<MetricsObserver> logger) : IEventObserver
{
    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);
    private readonly bool _elasticsearch = options.Value.Uses(MetricsSinkNames.Elasticsearch);
    private readonly bool _events = options.Value.Uses(MetricsSinkNames.Elasticsearch) && options.Value.Elasticsearch.IndexEvents;
    private long _lastWarning = long.MinValue;

    public Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var wanted = MetricTags.IsContainerBatch(envelope.Tag) || MetricTags.IsHostBatch(envelope.Tag)
            || (_elasticsearch && MetricTags.IsBenchmarkEnd(envelope.Tag)) || _events;
        if (wanted && !queue.TryEnqueue(envelope))
        {
            var now = time.GetTimestamp();
            var last = Interlocked.Read(ref _lastWarning);
            if (last == long.MinValue || time.GetElapsedTime(last, now) >= WarnEvery)
            {
                Interlocked.Exchange(ref _lastWarning, now);
                LogDropped(logger, queue.Dropped);
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric sinks are behind: their queue is full and {Dropped} events were dropped so far (Reactor:Metrics:QueueCapacity)")]
    private static partial void LogDropped(ILogger logger, long dropped);
}
