namespace EventReactor.Reactor.State;

/// <summary>One statement waiting for <see cref="GroupCommit"/>; <see cref="Done"/> gets its changed-row count once committed.</summary>
internal sealed record PendingWrite(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters)
{
    public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
