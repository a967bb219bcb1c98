namespace EventReactor.Contracts.Api;

/// <summary>The body of <c>POST /api/pools/{name}/scale</c>.</summary>
/// <param name="Size">The desired number of minions, at least 0.</param>
public sealed record ScalePoolRequest(int Size);
