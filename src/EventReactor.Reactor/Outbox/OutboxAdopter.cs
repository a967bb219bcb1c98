using EventReactor.Reactor.Leases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Outbox;

/// <summary>
/// Where reactors share the outbox (PostgreSQL), takes over every <see cref="LeaseOptions.RenewEvery"/> the events of a
/// reactor whose liveness lease ran out (it died, or stopped and let it go) and wakes this reactor's evaluator and
/// publisher for them, so that what a dead reactor stored is still evaluated and published.
/// </summary>
internal sealed partial class OutboxAdopter(IReactorOutbox outbox, OutboxSignal signal, IOptions<LeaseOptions> options, TimeProvider time, ILogger<OutboxAdopter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewEvery, time);
        try
        {
            do
            {
                try
                {
                    var adopted = await outbox.AdoptAsync(stoppingToken);
                    if (adopted > 0)
                    {
                        LogAdopted(logger, adopted);
                        signal.Notify();
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Tried again on the next beat; the rows wait in the outbox meanwhile.
                    LogFailed(logger, ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left is adopted by another reactor, or by this one at its next start.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took over {Count} stored events of reactors whose liveness lease ran out")]
    private static partial void LogAdopted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking over the stored events of reactors whose liveness lease ran out failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
