using System.Collections.Concurrent;
using EventReactor.Core.Rules;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Reactions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace EventReactor.Reactor.Processing;

/// <summary>
/// One Polly pipeline per distinct retry policy in the rules (exponential backoff from the policy's first wait), and the
/// one that waits for a held claim. Built once: building a pipeline validates its options through DataAnnotations, which
/// was 3% of the reactor's CPU in a flood while it was built per event.
/// </summary>
internal sealed class RetryPipelines(IOptions<LeaseOptions> leases)
{
    private static readonly TimeSpan HeldClaimPoll = TimeSpan.FromSeconds(1);

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

    /// <summary>
    /// Waits for a claim running on another live reactor (<see cref="ClaimHeldException"/>), polling every second for a
    /// little longer than a lease lasts: a killed reactor's liveness lease has run out by then, and the claim is taken over.
    /// </summary>
    public ResiliencePipeline HeldClaim { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = (int)Math.Ceiling(leases.Value.Duration / HeldClaimPoll) + 2,
            Delay = HeldClaimPoll,
            BackoffType = DelayBackoffType.Constant,
            UseJitter = false,
            ShouldHandle = new PredicateBuilder().Handle<ClaimHeldException>(),
        })
        .Build();
}
