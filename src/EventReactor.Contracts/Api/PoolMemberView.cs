namespace EventReactor.Contracts.Api;

/// <summary>A member of a pool with why it is one and whether it is present now.</summary>
/// <param name="Minion">The minion's id.</param>
/// <param name="Reason">Why it is a member: <c>provisioned</c>, <c>added</c> or <c>selector</c>.</param>
/// <param name="Since">When it became one.</param>
/// <param name="Present">Whether it is present now.</param>
public sealed record PoolMemberView(string Minion, string Reason, DateTimeOffset Since, bool Present);
