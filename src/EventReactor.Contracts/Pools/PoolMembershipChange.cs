namespace EventReactor.Contracts.Pools;

/// <summary>Whether a minion joined or left a pool; the last part of its tag.</summary>
public enum PoolMembershipChange
{
    Join,
    Leave,
}
