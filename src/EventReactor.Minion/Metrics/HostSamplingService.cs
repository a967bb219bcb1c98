using EventReactor.Contracts;
using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Metrics;

/// <summary>
/// Samples the host every <c>Minion:Metrics:HostInterval</c> and ships <c>minion/&lt;id&gt;/metrics/host</c> batches through
/// the outbox, on the same schedule as container batches; what is buffered at shutdown goes out as a last batch.
/// </summary>
internal sealed partial class HostSamplingService(
    IMinionOutbox outbox,
    IOptions<MinionOptions> options,
    TimeProvider time,
    ILogger<HostSamplingService> logger) : BackgroundService
{
    private readonly List<HostSample> _buffer = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minion = options.Value;
        var metrics = minion.Metrics;
        if (metrics.HostInterval == TimeSpan.Zero)
        {
            return;
        }

        var reader = new HostReader(metrics.ProcRoot);
        using var timer = new PeriodicTimer(metrics.HostInterval, time);
        var nextFlush = FlushSchedule.Next(time, metrics.FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = time.GetUtcNow();
                _buffer.Add(reader.Read(now));
                if (_buffer.Count >= metrics.FlushSamples || now >= nextFlush)
                {
                    await FlushAsync(minion);
                    nextFlush = FlushSchedule.Next(time, metrics.FlushInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex.GetBaseException().Message); // host sampling is an extra: it must not stop the minion
        }

        await FlushAsync(minion);
    }

    private async Task FlushAsync(MinionOptions minion)
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        var batch = MetricsEvents.HostBatch(minion.Id, minion.Metrics.HostInterval, Environment.ProcessorCount, _buffer.ToArray());
        _buffer.Clear();

        // The outbox only appends to a local file; a shutdown must not cut the last batch short.
        await outbox.AppendAsync(batch, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host sampling stopped: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
