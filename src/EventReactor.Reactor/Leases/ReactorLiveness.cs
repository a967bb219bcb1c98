namespace EventReactor.Reactor.Leases;

/// <summary>
/// This reactor's liveness lease (<see cref="LeaseName.Reactor"/>), which its claims carry: while it is held, nobody
/// takes over a claim of this reactor; once it has expired (the reactor died, or was paused or cut off past it), any
/// reactor that gets the event again does. <see cref="ReactorLivenessRenewer"/> renews it; a claim made before the
/// first renewal, or after the lease ran out, takes it here.
/// </summary>
internal sealed class ReactorLiveness(ILeaseStore store, string holder, TimeSpan duration, TimeProvider time)
{
    private LeaseToken? _current;

    public string Holder => holder;

    /// <summary>The lease as held now: the cached one while it has not expired, else taken (again) from the store.</summary>
    public async Task<LeaseToken> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && current.ExpiresAt > time.GetUtcNow() ? current : await RenewAsync(cancellationToken);
    }

    /// <summary>Takes or renews the lease; the epoch stays while it is renewed before it expires.</summary>
    public async Task<LeaseToken> RenewAsync(CancellationToken cancellationToken)
    {
        // Nobody else takes a lease named after this holder, so the store only refuses on a failure, which it throws.
        var token = await store.TryAcquireAsync(LeaseName.Reactor, holder, duration, cancellationToken)
            ?? throw new InvalidOperationException($"the liveness lease of reactor '{holder}' is held by another process with the same holder id");
        Volatile.Write(ref _current, token);
        return token;
    }

    /// <summary>Lets the lease go when stopping, so that claims left running are taken over at once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } token)
        {
            await store.ReleaseAsync(token, cancellationToken);
        }
    }
}
