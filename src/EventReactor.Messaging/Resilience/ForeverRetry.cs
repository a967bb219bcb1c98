using Polly;
using Polly.Retry;

namespace EventReactor.Messaging.Resilience;

/// <summary>The one retry shape the system uses: exponential backoff without jitter, capped, until the caller's token stops it.</summary>
public static class ForeverRetry
{
    /// <summary>Waits <paramref name="first"/>, then twice as long each time up to <paramref name="max"/>; never gives up on a transient failure.</summary>
    public static RetryStrategyOptions Options(TimeSpan first, TimeSpan max) => new()
    {
        MaxRetryAttempts = int.MaxValue,
        Delay = first,
        MaxDelay = max,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = false,
        ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
        OnRetry = static args =>
        {
            args.Context.Properties.GetValue(RetryHooks.Key, RetryHooks.Default).OnRetry?.Invoke(args.Outcome.Exception, args.RetryDelay);
            return ValueTask.CompletedTask;
        },
    };

    private static bool ShouldRetry(Outcome<object> outcome, ResilienceContext context)
    {
        // A stopping process must not try again, whatever failed.
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var hooks = context.Properties.GetValue(RetryHooks.Key, RetryHooks.Default);
        return outcome.Exception is { } failure ? hooks.Transient(failure) : hooks.Incomplete(outcome.Result);
    }
}
