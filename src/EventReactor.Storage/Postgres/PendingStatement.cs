namespace EventReactor.Storage.Postgres;

/// <summary>One statement waiting in a <see cref="StatementGroup"/>; <see cref="Done"/> gets its changed-row count once committed.</summary>
internal sealed record PendingStatement(string Sql, (string Name, object? Value)[] Parameters)
{
    public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
