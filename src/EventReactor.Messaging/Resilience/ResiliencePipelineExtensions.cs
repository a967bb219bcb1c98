using Polly;

namespace EventReactor.Messaging.Resilience;

/// <summary>Runs a callback through a named pipeline with the caller's <see cref="RetryHooks"/>.</summary>
public static class ResiliencePipelineExtensions
{
    /// <summary>Runs <paramref name="callback"/> until it returns a complete result, a failure that is not transient, or the token stops it.</summary>
    public static async ValueTask<TResult> RunAsync<TResult>(this ResiliencePipeline pipeline, Func<CancellationToken, ValueTask<TResult>> callback, RetryHooks hooks, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryHooks.Key, hooks);
        try
        {
            return await pipeline.ExecuteAsync(static (context, callback) => callback(context.CancellationToken), context, callback);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Runs <paramref name="callback"/> until it succeeds, fails in a way that is not transient, or the token stops it.</summary>
    public static async ValueTask RunAsync(this ResiliencePipeline pipeline, Func<CancellationToken, ValueTask> callback, RetryHooks hooks, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryHooks.Key, hooks);
        try
        {
            await pipeline.ExecuteAsync(static (context, callback) => callback(context.CancellationToken), context, callback);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
