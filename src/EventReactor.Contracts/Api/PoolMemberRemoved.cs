namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>DELETE /api/pools/{name}/members/{minion}</c>.</summary>
/// <param name="Pool">The pool.</param>
/// <param name="Minion">The minion removed.</param>
/// <param name="Removed">Always true.</param>
public sealed record PoolMemberRemoved(string Pool, string Minion, bool Removed);
