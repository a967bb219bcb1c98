using System.Data.Common;
using EventReactor.Storage;

namespace EventReactor.Reactor.State;

/// <summary>The reactor's state database, whichever back end holds it: what start-up and the health check need of it.</summary>
internal interface IStateDatabase
{
    /// <summary>Where it is: the SQLite file's path or the PostgreSQL URL without its password.</summary>
    string Location { get; }

    /// <summary>Applies the migrations it lacks and returns them.</summary>
    IReadOnlyList<Migration> Migrate(TimeProvider time);

    /// <summary>
    /// Runs <paramref name="read"/> on a connection of its own. For the few readers whose SQL is the same on both back
    /// ends (plain SELECTs, parameters written <c>@name</c>); a store with back-end specific SQL has one class per back end.
    /// </summary>
    Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>Throws when it cannot take a write.</summary>
    Task CheckWritableAsync(CancellationToken cancellationToken);
}
