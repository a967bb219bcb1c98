using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace EventReactor.Reactor.Metrics;

/// <summary>
/// Follows the Elasticsearch outbox in <c>metrics.db</c>: sends the oldest documents in bulk, deletes what Elasticsearch
/// took, and backs off (exponentially, with jitter) while it is down or pushes back. Event handling never waits on it;
/// the outbox holds up to <c>Reactor:Metrics:Elasticsearch:MaxPending</c> documents meanwhile.
/// </summary>
internal sealed partial class ElasticsearchShipper(
    MetricsDatabase database,
    ElasticBulkSender sender,
    ElasticShipSignal signal,
    IOptions<MetricsSinkOptions> options,
    ILogger<ElasticsearchShipper> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var es = options.Value.Elasticsearch;
        var retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                Delay = es.RetryDelay,
                MaxDelay = es.RetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                OnRetry = args =>
                {
                    LogRetrying(logger, args.AttemptNumber + 1, args.RetryDelay.TotalSeconds, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var shipped = await retry.ExecuteAsync(async token => await ShipOnceAsync(es.BatchSize, token), stoppingToken);
                if (shipped < es.BatchSize)
                {
                    await signal.WaitAsync(IdlePoll, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // What is not shipped stays in the outbox for the next start.
        }
    }

    /// <summary>Ships up to one batch; returns how many documents it read. Throws to back off when anything is left to retry.</summary>
    internal async Task<int> ShipOnceAsync(int batchSize, CancellationToken cancellationToken)
    {
        var pending = await database.ReadOutboxAsync(batchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var outcome = await sender.SendAsync(pending.Select(p => p.Document).ToList(), cancellationToken);
        foreach (var (index, status, reason) in outcome.Rejected)
        {
            LogRejected(logger, pending[index].Document.DataStream, pending[index].Document.Id, status, reason);
        }

        // Rejected documents go too: Elasticsearch will refuse them the same way every time.
        var finished = outcome.Done.Concat(outcome.Rejected.Select(r => r.Index)).Select(i => pending[i].Seq).ToList();
        await database.DeleteFromOutboxAsync(finished, cancellationToken);
        if (outcome.Retry.Count > 0)
        {
            throw new ElasticsearchUnavailableException($"{outcome.Retry.Count} of {pending.Count} documents were pushed back (429/5xx)");
        }

        return pending.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Elasticsearch sink: attempt {Attempt} in {Delay:F1}s: {Reason}")]
    private static partial void LogRetrying(ILogger logger, int attempt, double delay, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Elasticsearch rejected document {Id} for {DataStream} with {Status}, dropped: {Reason}")]
    private static partial void LogRejected(ILogger logger, string dataStream, string id, int status, string reason);
}
