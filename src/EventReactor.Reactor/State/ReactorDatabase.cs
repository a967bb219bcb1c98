using System.Data.Common;
using EventReactor.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.State;

/// <summary><c>reactor.db</c> in the reactor's data folder: the ledger, audit, minions, jobs, pools and benchmark runs.</summary>
internal sealed class ReactorDatabase(IOptions<ReactorOptions> options)
    : SqliteDatabase(Path.Combine(options.Value.DataPath, "reactor.db"), ReactorSchema.Migrations, SqliteSharing.Shared), IStateDatabase
{
    public string Location => FilePath;

    Task<T> IStateDatabase.ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken) =>
        ReadAsync(connection => read(connection), cancellationToken);
}
