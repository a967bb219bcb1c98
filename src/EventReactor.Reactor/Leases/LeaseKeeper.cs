using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Leases;

/// <summary>
/// Runs a piece of singleton work only while this reactor holds its lease. It tries to take the lease every
/// <see cref="LeaseOptions.RenewEvery"/>; once it has it, the work runs with the token (whose epoch fences its writes)
/// and the lease is renewed on the same beat. The work is cancelled as soon as the lease is lost: a renewal that finds
/// another holder, a write refused by the fence, or the clock passing the lease's expiry without a renewal (a reactor
/// that was paused, or cut off from the database). Then it goes back to waiting, so it can take the lease again later.
/// </summary>
internal sealed partial class LeaseKeeper(ILeaseStore store, IOptions<LeaseOptions> options, TimeProvider time, ILogger<LeaseKeeper> logger)
{
    /// <summary>This process's name in the lease rows: the host, the process id and a random part, so a restarted process is a new holder.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public async Task RunWhileHeldAsync(LeaseName name, Func<LeaseToken, CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var token = await TryAcquireAsync(name, stoppingToken);
            if (token is null)
            {
                await Task.Delay(settings.RenewEvery, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            LogAcquired(logger, name, token.Epoch, Holder);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var running = RunWorkAsync(name, token, work, held.Token);
            var lost = await KeepAsync(token, running, stoppingToken);
            await held.CancelAsync();
            await running;
            if (stoppingToken.IsCancellationRequested)
            {
                await ReleaseAsync(token);
                return;
            }

            LogLost(logger, name, token.Epoch, lost);
            await ReleaseAsync(token);
            await Task.Delay(settings.RenewEvery, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<LeaseToken?> TryAcquireAsync(LeaseName name, CancellationToken stoppingToken)
    {
        try
        {
            return await store.TryAcquireAsync(name, Holder, options.Value.Duration, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogStoreFailed(logger, name, ex.Message);
            return null;
        }
    }

    // Renews until the work ends, the reactor stops or the lease is lost; returns why.
    private async Task<LeaseEnd> KeepAsync(LeaseToken token, Task running, CancellationToken stoppingToken)
    {
        var deadline = token.ExpiresAt;
        while (true)
        {
            var tick = Task.Delay(options.Value.RenewEvery, time, stoppingToken);
            await Task.WhenAny(tick, running);
            if (stoppingToken.IsCancellationRequested)
            {
                return LeaseEnd.Stopping;
            }

            if (running.IsCompleted)
            {
                return LeaseEnd.WorkEnded;
            }

            // Checked before renewing: a reactor resumed after a pause must not act even once more on a lease it may have lost.
            if (time.GetUtcNow() >= deadline)
            {
                return LeaseEnd.Expired;
            }

            try
            {
                // A renewal that cannot finish before the lease expires is as good as lost.
                using var limit = new CancellationTokenSource(deadline - time.GetUtcNow(), time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, stoppingToken);
                var renewed = await store.TryAcquireAsync(token.Name, Holder, options.Value.Duration, linked.Token);
                if (renewed is null || renewed.Epoch != token.Epoch)
                {
                    return renewed is null ? LeaseEnd.TakenByAnother : LeaseEnd.TakenAfresh;
                }

                deadline = renewed.ExpiresAt;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogStoreFailed(logger, token.Name, ex.Message);
            }
        }
    }

    private async Task RunWorkAsync(LeaseName name, LeaseToken token, Func<LeaseToken, CancellationToken, Task> work, CancellationToken held)
    {
        try
        {
            await work(token, held);
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            // The lease was lost or the reactor is stopping.
        }
        catch (LeaseLostException)
        {
            // A write was refused: the fence saw another holder first.
        }
        catch (Exception ex)
        {
            LogWorkFailed(logger, ex, name);
        }
    }

    private async Task ReleaseAsync(LeaseToken token)
    {
        // Best effort with a short limit: an expired lease is taken by another reactor anyway, only later.
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await store.ReleaseAsync(token, limit.Token);
        }
        catch (Exception ex)
        {
            LogStoreFailed(logger, token.Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease {Lease} taken (epoch {Epoch}, holder {Holder}): this reactor runs it now")]
    private static partial void LogAcquired(ILogger logger, LeaseName lease, long epoch, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease} (epoch {Epoch}) lost: {Reason}; its work stopped here")]
    private static partial void LogLost(ILogger logger, LeaseName lease, long epoch, LeaseEnd reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease}: the state store failed: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, LeaseName lease, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The work under lease {Lease} failed; the lease is let go and taken again later")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, LeaseName lease);
}
