using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Metrics;

/// <summary>Deletes samples older than <c>Reactor:Metrics:RetentionDays</c>, hourly.</summary>
internal sealed partial class MetricsRetention(MetricsDatabase database, IOptions<MetricsSinkOptions> options, TimeProvider time, ILogger<MetricsRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = options.Value.RetentionDays;
        if (days == 0 || !options.Value.Uses(MetricsSinkNames.Sqlite))
        {
            return;
        }

        using var timer = new PeriodicTimer(Every, time);
        try
        {
            do
            {
                try
                {
                    var before = time.GetUtcNow().AddDays(-days);
                    var deleted = await database.PruneAsync(before, stoppingToken);
                    if (deleted > 0)
                    {
                        LogPruned(logger, deleted, days);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex.GetBaseException().Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} metric rows older than {Days} days")]
    private static partial void LogPruned(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning old metric samples failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
