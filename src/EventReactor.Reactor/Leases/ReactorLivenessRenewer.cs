using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Leases;

/// <summary>
/// Renews this reactor's liveness lease every <see cref="LeaseOptions.RenewEvery"/>, and lets it go when stopping. A
/// renewal that fails is tried again on the next beat; if none gets through before the expiry, this reactor's running
/// claims may be taken over, and its completions of them are then refused.
/// </summary>
internal sealed partial class ReactorLivenessRenewer(ReactorLiveness liveness, IOptions<LeaseOptions> options, TimeProvider time, ILogger<ReactorLivenessRenewer> logger) : BackgroundService
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
                    await liveness.RenewAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRenewFailed(logger, liveness.Holder, ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync lets the lease go.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await liveness.ReleaseAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            LogRenewFailed(logger, liveness.Holder, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The liveness lease of reactor {Holder} could not be renewed: {Reason}")]
    private static partial void LogRenewFailed(ILogger logger, string holder, string reason);
}
