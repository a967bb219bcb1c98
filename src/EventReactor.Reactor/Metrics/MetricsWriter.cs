using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Metrics;
using EventReactor.Contracts.Minions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace EventReactor.Reactor.Metrics;

/// <summary>
/// Drains <see cref="MetricsQueue"/> into <c>metrics.db</c>, a few hundred events per transaction: samples into their
/// tables (sink <c>sqlite</c>) and ECS documents into the Elasticsearch outbox (sink <c>elasticsearch</c>), together.
/// A failing write is retried with backoff while the queue absorbs what comes meanwhile.
/// </summary>
internal sealed partial class MetricsWriter(
    MetricsQueue queue,
    MetricsDatabase database,
    ElasticShipSignal shipSignal,
    IOptions<MetricsSinkOptions> options,
    TimeProvider time,
    ILogger<MetricsWriter> logger) : BackgroundService
{
    private const int MaxEventsPerTransaction = 512;
    private readonly bool _sqlite = options.Value.Uses(MetricsSinkNames.Sqlite);
    private readonly EcsDocumentMapper? _mapper = options.Value.Uses(MetricsSinkNames.Elasticsearch) ? new EcsDocumentMapper(options.Value.Elasticsearch.Namespace) : null;

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(30),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
            OnRetry = args =>
            {
                LogWriteFailed(logger, args.AttemptNumber + 1, args.Outcome.Exception?.GetBaseException().Message);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new List<EventEnvelope>(MaxEventsPerTransaction);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Take(pending);
                var prepared = Prepare(pending); // once: mapping advances the rate state, a retried write must not
                await _retry.ExecuteAsync(async token => await StoreAsync(prepared, token), stoppingToken);
                pending.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // What was consumed but not yet written gets one last try; the bus has already been told it was handled.
        try
        {
            do
            {
                Take(pending);
                await WriteAsync(pending, CancellationToken.None);
                pending.Clear();
            }
            while (queue.Reader.Count > 0);
        }
        catch (Exception ex)
        {
            LogLostAtShutdown(logger, pending.Count + queue.Reader.Count, ex.GetBaseException().Message);
        }
    }

    /// <summary>Writes one transaction's worth; exposed so that tests can write without the host.</summary>
    internal Task WriteAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken) => StoreAsync(Prepare(events), cancellationToken);

    private PreparedWrite Prepare(IReadOnlyList<EventEnvelope> events)
    {
        var parsed = events.Select(Parse).OfType<ParsedEvent>().ToList();
        return new PreparedWrite(parsed, _mapper is null ? [] : Map(parsed));
    }

    private async Task StoreAsync(PreparedWrite prepared, CancellationToken cancellationToken)
    {
        var (parsed, documents) = prepared;
        if (parsed.Count == 0)
        {
            return;
        }

        var trimmed = await database.WriteBatchAsync(_sqlite ? parsed : [], documents, options.Value.Elasticsearch.MaxPending, time.GetUtcNow(), cancellationToken);
        if (trimmed > 0)
        {
            LogOutboxFull(logger, trimmed, options.Value.Elasticsearch.MaxPending);
        }

        if (documents.Count > 0)
        {
            shipSignal.Notify();
        }
    }

    private void Take(List<EventEnvelope> pending)
    {
        while (pending.Count < MaxEventsPerTransaction && queue.Reader.TryRead(out var envelope))
        {
            pending.Add(envelope);
        }
    }

    private List<EcsDocument> Map(List<ParsedEvent> parsed)
    {
        var documents = new List<EcsDocument>();
        foreach (var item in parsed)
        {
            var (envelope, container, host) = item;
            if (container is not null)
            {
                documents.AddRange(_mapper!.Container(item.Minion, container));
            }
            else if (host is not null)
            {
                documents.AddRange(_mapper!.Host(item.Minion, host));
            }
            else if (MetricTags.IsBenchmarkEnd(envelope.Tag))
            {
                documents.AddRange(_mapper!.Benchmark(envelope));
                if (options.Value.Elasticsearch.IndexEvents)
                {
                    documents.Add(_mapper.Event(envelope));
                }
            }
            else if (options.Value.Elasticsearch.IndexEvents)
            {
                documents.Add(_mapper!.Event(envelope));
            }
        }

        return documents;
    }

    // A malformed batch is logged and skipped: retrying cannot make it readable.
    private ParsedEvent? Parse(EventEnvelope envelope)
    {
        try
        {
            if (MetricTags.IsContainerBatch(envelope.Tag))
            {
                return new ParsedEvent(envelope, envelope.Data.Deserialize<ContainerMetricsSampled>(EventData.Options), null);
            }

            return new ParsedEvent(envelope, null, MetricTags.IsHostBatch(envelope.Tag) ? envelope.Data.Deserialize<HostMetricsSampled>(EventData.Options) : null);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, envelope.Tag, envelope.Id, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing metrics to metrics.db failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, int attempt, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped malformed metric batch {Tag} ({Id}): {Reason}")]
    private static partial void LogMalformed(ILogger logger, string tag, string id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Elasticsearch outbox over Reactor:Metrics:Elasticsearch:MaxPending ({Max}): dropped the {Dropped} oldest documents")]
    private static partial void LogOutboxFull(ILogger logger, int dropped, int max);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} metric events could not be written at shutdown: {Reason}")]
    private static partial void LogLostAtShutdown(ILogger logger, int count, string reason);
}
