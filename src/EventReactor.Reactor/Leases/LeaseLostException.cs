namespace EventReactor.Reactor.Leases;

/// <summary>A write under a lease was refused: someone else has held the lease since this token was issued.</summary>
public sealed class LeaseLostException(LeaseToken token)
    : Exception($"the lease '{token.Name}' (epoch {token.Epoch}) was taken by another reactor; the write was refused")
{
    public LeaseToken Token { get; } = token;
}
