namespace EventReactor.Reactor.Leases;

/// <summary>
/// Named leases in the reactor's state: one holder at a time, until an expiry the holder keeps pushing forward.
/// Times come from the caller's clock (<see cref="TimeProvider"/>), so every reactor sharing a database needs a
/// synchronised clock; the skew they may have is well under the lease's length (see docs/scale-out.md).
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease when it is free or expired, or renews it when <paramref name="holder"/> still holds it, until now
    /// plus <paramref name="duration"/>; one statement. Returns null when someone else holds it. The epoch stays the same
    /// on renewal and grows by one on every other acquisition, the holder's own after its lease expired included.
    /// </summary>
    Task<LeaseToken?> TryAcquireAsync(LeaseName name, string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Lets the lease go at once (when stopping), so that another reactor need not wait for it to expire; only while <paramref name="token"/> is current.</summary>
    Task ReleaseAsync(LeaseToken token, CancellationToken cancellationToken);

    /// <summary>The lease as stored, held or expired; null when it was never taken.</summary>
    Task<LeaseToken?> ReadAsync(LeaseName name, CancellationToken cancellationToken);
}
