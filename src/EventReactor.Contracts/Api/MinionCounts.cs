namespace EventReactor.Contracts.Api;

/// <summary>How many known minions are present and how many are lost, in <see cref="ReactorStatus"/>.</summary>
/// <param name="Present">Minions whose heartbeats arrive.</param>
/// <param name="Lost">Minions that stopped or whose heartbeats stopped.</param>
public sealed record MinionCounts(int Present, int Lost);
