using System.Data.Common;
using EventReactor.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.State;

/// <summary>The reactor's state in the PostgreSQL database named by <c>Reactor:State</c>, shared by every reactor that names it.</summary>
internal sealed class ReactorPostgresDatabase(IOptions<ReactorOptions> options, TimeProvider time)
    : PostgresDatabase(options.Value.State ?? string.Empty, PostgresReactorSchema.Migrations, options.Value.StateConnections, time), IStateDatabase
{
    Task<T> IStateDatabase.ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken) =>
        ReadAsync(connection => read(connection), cancellationToken);
}
