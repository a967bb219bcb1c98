using System.Collections.Concurrent;
using EventReactor.Core.Rules;
using EventReactor.Reactor.Actions;
using Polly;
using Polly.Retry;

namespace EventReactor.Reactor.Processing;

/// <summary>One Polly pipeline per distinct retry policy in the rules: exponential backoff from the policy's first wait.</summary>
internal sealed class RetryPipelines
{
    private readonly ConcurrentDictionary<RetryPolicy, ResiliencePipeline> _pipelines = new();

    public ResiliencePipeline For(RetryPolicy policy) => policy.Attempts <= 1
        ? ResiliencePipeline.Empty
        : _pipelines.GetOrAdd(policy, static p => new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = p.Attempts - 1,
                Delay = p.Backoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,

                // Bad arguments fail the same way every time; a stopping reactor must not retry.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not (ActionArgumentException or OperationCanceledException)),
            })
            .Build());
}
