using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>An attempt waiting for its job's return, completed by events: the return, the container's start and OOM, or the minion's loss.</summary>
internal sealed class RepetitionWaiter(string jid, string minion, IReadOnlyList<ResultReader> readers)
{
    private readonly TaskCompletionSource<RepetitionOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _oomReported;

    public string Jid { get; } = jid;

    public string Minion { get; } = minion;

    public IReadOnlyList<ResultReader> Readers { get; } = readers;

    public Task<RepetitionOutcome> Outcome => _outcome.Task;

    /// <summary>The engine reported an OOM kill in the container (the return says so too; whichever comes first counts).</summary>
    public bool OomReported
    {
        get => _oomReported;
        set => _oomReported = value;
    }

    public string? ContainerId { get; set; }

    public void Complete(RepetitionOutcome outcome) => _outcome.TrySetResult(outcome);
}
