namespace EventReactor.Reactor.Leases;

/// <summary>The work that must run on one reactor at a time; each has a lease of its own, stored under its name.</summary>
public enum LeaseName
{
    /// <summary>The presence sweep and its <c>presence/change</c> announcements.</summary>
    PresenceMonitor,

    /// <summary>The pool reconciler: providers' create and destroy, membership and its announcements.</summary>
    PoolReconciler,

    /// <summary>The benchmark runner's sweep of runs left unfinished by a reactor that stopped.</summary>
    BenchmarkRunner,

    /// <summary>The <c>reactor/rules/loaded</c> and <c>reactor/rules/invalid</c> announcements (every reactor still loads the rules).</summary>
    RuleAnnouncements,

    /// <summary>
    /// This reactor's liveness: each reactor holds its own (row <c>reactor/&lt;holder&gt;</c>), and a claim it left
    /// running is taken over once that lease has expired.
    /// </summary>
    Reactor,
}
