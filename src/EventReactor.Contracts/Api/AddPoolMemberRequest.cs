namespace EventReactor.Contracts.Api;

/// <summary>The body of <c>POST /api/pools/{name}/members</c>.</summary>
/// <param name="Minion">The minion to add.</param>
public sealed record AddPoolMemberRequest(string Minion);
