namespace EventReactor.Reactor.Minions;

/// <summary>The minions the reactor knows; SQLite by default, a shared database when several reactors share the work.</summary>
internal interface IMinionStore
{
    /// <summary>Every known minion, by id.</summary>
    Task<IReadOnlyList<MinionRecord>> ListAsync(CancellationToken cancellationToken);

    Task<MinionRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds the minion or replaces what is known of it; a known minion keeps its first-seen time.</summary>
    Task SaveAsync(MinionRecord minion, CancellationToken cancellationToken);
}
