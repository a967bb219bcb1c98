namespace EventReactor.Reactor.Leases;

/// <summary>The key of a lease's row: its name, except a reactor's liveness lease, of which each reactor has its own.</summary>
internal static class LeaseRow
{
    /// <summary>The row-name prefix of liveness leases; the ledger's takeover joins on it.</summary>
    public const string ReactorPrefix = "reactor/";

    public static string Key(LeaseName name, string holder) => name == LeaseName.Reactor ? ReactorPrefix + holder : name.ToString();
}
