namespace EventReactor.Contracts.Api;

/// <summary>The answer of <c>POST /api/pools/{name}/members</c>.</summary>
/// <param name="Pool">The pool.</param>
/// <param name="Minion">The minion added.</param>
/// <param name="Added">Always true.</param>
public sealed record PoolMemberAdded(string Pool, string Minion, bool Added);
