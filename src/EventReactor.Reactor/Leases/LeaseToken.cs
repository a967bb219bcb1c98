namespace EventReactor.Reactor.Leases;

/// <summary>
/// A lease as its holder got it. <see cref="Epoch"/> is the fencing token: it grows each time the lease changes hands
/// (or is taken again after it expired), so a write that carries it is refused once anyone else has held the lease since.
/// </summary>
public sealed record LeaseToken(LeaseName Name, string Holder, long Epoch, DateTimeOffset ExpiresAt);
