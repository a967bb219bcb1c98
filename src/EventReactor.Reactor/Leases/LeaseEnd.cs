namespace EventReactor.Reactor.Leases;

/// <summary>Why this reactor stopped running the work of a lease it held.</summary>
internal enum LeaseEnd
{
    /// <summary>The reactor is stopping; the lease is let go for another to take at once.</summary>
    Stopping,

    /// <summary>The work ended on its own: it failed, or a write of it was refused by the fence.</summary>
    WorkEnded,

    /// <summary>The clock passed the expiry before a renewal got through (a pause, or the database out of reach).</summary>
    Expired,

    /// <summary>A renewal found another holder.</summary>
    TakenByAnother,

    /// <summary>A renewal found the lease expired and took it again with a new epoch: what ran under the old one stops.</summary>
    TakenAfresh,
}
