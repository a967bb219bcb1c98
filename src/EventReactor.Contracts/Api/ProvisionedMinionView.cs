namespace EventReactor.Contracts.Api;

/// <summary>A minion a provider made for a pool, in <see cref="PoolView"/>.</summary>
/// <param name="Minion">The minion's id.</param>
/// <param name="Pool">The pool it was made for.</param>
/// <param name="Provider">The provider that made it.</param>
/// <param name="Handle">The provider's own handle: a pid, an instance id, a host name.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record ProvisionedMinionView(string Minion, string Pool, string Provider, string Handle, DateTimeOffset CreatedAt);
