using EventReactor.Contracts.Api;
using System.Collections.Concurrent;
using System.Globalization;
using EventReactor.Contracts;
using EventReactor.Contracts.Containers;
using EventReactor.Contracts.Jobs;
using EventReactor.Contracts.Minions;
using EventReactor.Contracts.Presence;
using EventReactor.Contracts.Reactor;
using EventReactor.Core.Targeting;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Runs one repetition on one minion as a <c>container.run</c> job, retrying as the suite says, and follows it by the
/// bus: the container's <c>start</c> (its id, recorded at once) and <c>oom</c>, the job's return, and the minion's
/// <c>stop</c> or loss of presence. A return that does not come within the suite's timeout plus
/// <see cref="BenchmarkOptions.ReturnGrace"/> counts as a lost minion.
/// </summary>
internal sealed class RepetitionExecutor(
    IBenchmarkStore store,
    IJobDispatcher dispatcher,
    IMinionStore minions,
    TimeProvider time,
    IOptions<BenchmarkOptions> options) : IEventObserver
{
    private readonly ConcurrentDictionary<string, RepetitionWaiter> _waiting = new(StringComparer.Ordinal);

    /// <summary>The first success or the last failure. Every failure is retried, a lost minion too: one that restarted may be back.</summary>
    public async Task<RepetitionOutcome> RunAsync(PendingRun pending, string minion, bool warmup, int index, CancellationToken cancellationToken)
    {
        RepetitionOutcome outcome = RepetitionOutcome.Failed(RepetitionReasons.Error("not run"));
        for (var attempt = 1; attempt <= 1 + pending.Suite.Retries; attempt++)
        {
            outcome = await AttemptAsync(pending, minion, warmup, index, attempt, cancellationToken);
            if (outcome.Succeeded)
            {
                break;
            }
        }

        return outcome;
    }

    public async Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (_waiting.IsEmpty)
        {
            return;
        }

        if (JobTags.TryParseReturn(envelope.Tag, out var jid, out _))
        {
            if (_waiting.TryGetValue(jid, out var waiter))
            {
                waiter.Complete(RepetitionOutcomeClassifier.Classify(envelope.DataAs<JobReturned>(), waiter.OomReported, waiter.Readers));
            }
        }
        else if (MinionTags.TryParse(envelope.Tag, out var tag))
        {
            await ObserveMinionAsync(envelope, tag, cancellationToken);
        }
        else if (envelope.Tag == ReactorTags.PresenceChange)
        {
            foreach (var id in envelope.DataAs<PresenceChanged>()?.Lost ?? [])
            {
                Lose(id, "the minion missed its heartbeats");
            }
        }
    }

    private async Task ObserveMinionAsync(EventEnvelope envelope, MinionTag tag, CancellationToken cancellationToken)
    {
        switch (tag)
        {
            case { Kind: MinionEventKind.ContainerEvent, ContainerAction: "start" } when WaiterOf(envelope) is ({ } waiter, var container) && waiter.Minion == tag.Minion:
                waiter.ContainerId = container.Id;
                if (waiter.ContainerId is { } containerId)
                {
                    await store.SetContainerAsync(waiter.Jid, containerId, cancellationToken);
                }

                break;
            case { Kind: MinionEventKind.ContainerEvent, ContainerAction: "oom" } when WaiterOf(envelope) is ({ } waiter, _) && waiter.Minion == tag.Minion:
                waiter.OomReported = true;
                break;
            case { Kind: MinionEventKind.Stop }:
                Lose(tag.Minion, "the minion stopped");
                break;
        }
    }

    private async Task<RepetitionOutcome> AttemptAsync(PendingRun pending, string minion, bool warmup, int index, int attempt, CancellationToken cancellationToken)
    {
        var run = pending.Run.Id;

        // The jid is chosen here and the waiter registered before the command leaves: a minion may answer at once.
        var jid = JobIds.New(time.GetUtcNow());
        var waiter = new RepetitionWaiter(jid, minion, pending.Suite.Results);
        _waiting[jid] = waiter;
        var row = new BenchmarkRepetition(run, minion, warmup, index, attempt, jid, null, BenchmarkStatus.Running, null, null, time.GetUtcNow(), null, []);
        try
        {
            await store.SaveRepetitionAsync(row, cancellationToken);
            RepetitionOutcome outcome;
            if (await minions.FindAsync(minion, cancellationToken) is not { Present: true })
            {
                outcome = RepetitionOutcome.Failed(RepetitionReasons.LostBecause("the minion is not present"));
            }
            else
            {
                var arguments = ContainerRunArguments.For(pending.Suite, run, warmup, index, attempt);
                await dispatcher.DispatchAsync(new JobRequest("container.run", arguments, minion, TargetTypes.List, [minion], jid), pending.Cause, cancellationToken);
                outcome = await WaitAsync(waiter, pending.Suite.Timeout + options.Value.ReturnGrace, cancellationToken);
            }

            await store.SaveRepetitionAsync(
                row with
                {
                    ContainerId = outcome.ContainerId ?? waiter.ContainerId,
                    Status = outcome.Status,
                    Reason = outcome.Reason,
                    ExitCode = outcome.ExitCode,
                    EndedAt = time.GetUtcNow(),
                    Values = outcome.Values,
                },
                cancellationToken);
            return outcome;
        }
        finally
        {
            _waiting.TryRemove(jid, out _);
        }
    }

    private async Task<RepetitionOutcome> WaitAsync(RepetitionWaiter waiter, TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            return await waiter.Outcome.WaitAsync(limit, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return RepetitionOutcome.Failed(RepetitionReasons.LostBecause($"no return within {limit.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)}s"), containerId: waiter.ContainerId);
        }
    }

    // The waiter of the repetition whose container the event is about, by the job label the run gave it.
    private (RepetitionWaiter? Waiter, ContainerStateChanged Container)? WaiterOf(EventEnvelope envelope) =>
        envelope.DataAs<ContainerStateChanged>() is { } container && container.Labels?.GetValueOrDefault(BenchmarkLabels.Job) is { } jid
            ? (_waiting.GetValueOrDefault(jid), container)
            : null;

    private void Lose(string minion, string why)
    {
        foreach (var waiter in _waiting.Values.Where(w => w.Minion == minion))
        {
            waiter.Complete(RepetitionOutcome.Failed(RepetitionReasons.LostBecause(why), containerId: waiter.ContainerId));
        }
    }
}
