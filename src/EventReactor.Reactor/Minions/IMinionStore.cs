namespace EventReactor.Reactor.Minions;

/// <summary>The minions the reactor knows; SQLite by default, a shared database when several reactors share the work.</summary>
internal interface IMinionStore
{
    Task<IReadOnlyList<MinionRecord>> ListAsync(CancellationToken cancellationToken);

    Task<MinionRecord?> FindAsync(string id, CancellationToken cancellationToken);
}
