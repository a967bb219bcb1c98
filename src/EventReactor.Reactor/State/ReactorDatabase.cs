using EventReactor.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.State;

/// <summary><c>reactor.db</c> in the reactor's data folder: the ledger, audit, minions, jobs, pools and benchmark runs.</summary>
internal sealed class ReactorDatabase(IOptions<ReactorOptions> options)
    : SqliteDatabase(Path.Combine(options.Value.DataPath, "reactor.db"), ReactorSchema.Migrations, SqliteSharing.Shared);
