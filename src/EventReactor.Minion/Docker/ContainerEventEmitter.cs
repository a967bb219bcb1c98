using Docker.DotNet.Models;
using EventReactor.Contracts;
using EventReactor.Contracts.Containers;
using EventReactor.Messaging.Resilience;
using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace EventReactor.Minion.Docker;

/// <summary>
/// Emits container events through the outbox exactly once per engine event: it skips event ids already handled and
/// lifecycle transitions already reported (by the stream or by reconciliation), and persists after each event where
/// the stream stands and what each container's state is, so a restarted minion resumes from there.
/// </summary>
internal sealed partial class ContainerEventEmitter(
    IMinionOutbox outbox,
    ContainerStateStore states,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<MinionOptions> options,
    ILogger<ContainerEventEmitter> logger)
{
    /// <summary>
    /// The engine stamps events before it orders them, so concurrent containers' events can arrive slightly out of
    /// time order; a resumed stream therefore starts this much before the last event seen and skips handled ids.
    /// </summary>
    public const long ResumeOverlapNano = 5_000_000_000;

    private const int MaxSeenInMemory = 50_000;
    private readonly ContainerLedger _ledger = new(states.LoadAll());
    private long _baselineNano = states.BaselineNano;
    private readonly ResiliencePipeline _append = pipelines.GetPipeline(ResiliencePipelineNames.OutboxAppend);
    private readonly Dictionary<string, long> _seen = new(states.LoadSeen(states.LastSeenNano - (2 * ResumeOverlapNano)), StringComparer.Ordinal);

    /// <summary>Engine time of the newest event handled, Unix nanoseconds; 0 before the first.</summary>
    public long LastSeenNano { get; private set; } = states.LastSeenNano;

    public IReadOnlyDictionary<string, ContainerState> Known => _ledger.Known;

    public bool HasBaseline => states.HasBaseline;

    /// <summary>Publishes one streamed event unless it was handled before; returns whether it was new.</summary>
    public async Task<bool> EmitStreamedAsync(Message message, CancellationToken cancellationToken)
    {
        var envelope = DockerEventMapper.Map(message, options.Value.Id);

        // Before the first list of containers is old history (the resume overlap reaches back past it).
        if (_seen.ContainsKey(envelope.Id) || (message.TimeNano > 0 && message.TimeNano <= _baselineNano))
        {
            return false;
        }

        var containerId = message.Actor?.ID ?? message.ID ?? string.Empty;
        var data = envelope.DataAs<ContainerStateChanged>()!;
        var action = data.Action;
        ContainerState? changed = null;
        if (_ledger.IsNew(containerId, action, message.TimeNano))
        {
            await PublishWithRetryAsync(envelope, cancellationToken);
            changed = _ledger.Record(containerId, action, message.TimeNano, data.Name, data.Image);
        }
        else
        {
            LogAlreadyReported(logger, envelope.Tag, containerId);
        }

        LastSeenNano = Math.Max(LastSeenNano, message.TimeNano);
        _seen[envelope.Id] = message.TimeNano;
        states.Save(changed is null ? [] : [changed], [], LastSeenNano, seenId: envelope.Id, seenNano: message.TimeNano);
        PruneSeen();
        return true;
    }

    /// <summary>First start on this data folder: records the containers as they are, reporting nothing old.</summary>
    public int RecordBaseline(IReadOnlyList<ObservedContainer> observed, long engineNow)
    {
        var baseline = observed.Select(c => _ledger.Baseline(c, engineNow)).OfType<ContainerState>().ToList();
        LastSeenNano = Math.Max(LastSeenNano, engineNow);
        _baselineNano = LastSeenNano;
        states.Save(baseline, [], LastSeenNano, baseline: true);
        return baseline.Count;
    }

    /// <summary>Publishes the transitions reconciliation found, then forgets destroyed containers the engine no longer lists.</summary>
    public async Task EmitReconciledAsync(IReadOnlyList<ContainerTransition> missed, IReadOnlyList<ObservedContainer> observed, long engineNow, CancellationToken cancellationToken)
    {
        var changed = new List<ContainerState>();
        foreach (var transition in missed)
        {
            await PublishWithRetryAsync(DockerEventMapper.MapReconciled(transition, options.Value.Id), cancellationToken);
            changed.Add(_ledger.Record(transition.ContainerId, transition.Action, transition.TimeNano, transition.Name, transition.Image)!);
        }

        var present = observed.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var forgotten = _ledger.Known.Values.Where(k => k.LastAction == ContainerLedger.Destroy && !present.Contains(k.Id)).Select(k => k.Id).ToList();
        forgotten.ForEach(_ledger.Forget);
        LastSeenNano = Math.Max(LastSeenNano, engineNow);
        states.Save(changed.Where(c => !forgotten.Contains(c.Id)), forgotten, LastSeenNano);
    }

    private void PruneSeen()
    {
        if (_seen.Count > MaxSeenInMemory)
        {
            var horizon = LastSeenNano - (2 * ResumeOverlapNano);
            foreach (var old in _seen.Where(s => s.Value < horizon).Select(s => s.Key).ToList())
            {
                _seen.Remove(old);
            }

            states.ForgetSeenBefore(horizon);
        }
    }

    private async Task PublishWithRetryAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var hooks = new RetryHooks
        {
            Transient = static failure => failure is not OperationCanceledException,
            OnRetry = (failure, delay) => LogPublishFailed(logger, envelope.Tag, failure!.GetBaseException().Message, delay.TotalSeconds),
        };
        await _append.RunAsync(token => new ValueTask(outbox.AppendAsync(envelope, token)), hooks, cancellationToken);
        LogPublished(logger, envelope.Tag, envelope.Id);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored {Tag} ({EventId}) in the outbox")]
    private static partial void LogPublished(ILogger logger, string tag, string eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Not emitting {Tag} for {ContainerId} again")]
    private static partial void LogAlreadyReported(ILogger logger, string tag, string containerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Tag} in the outbox: {Reason}; retrying in {DelaySeconds}s")]
    private static partial void LogPublishFailed(ILogger logger, string tag, string reason, double delaySeconds);
}
