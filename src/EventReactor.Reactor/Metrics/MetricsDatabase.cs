using EventReactor.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Metrics;

/// <summary>
/// <c>metrics.db</c> in the reactor's data folder: its own file, so that thousands of samples a second never queue
/// behind the reaction ledger in <c>reactor.db</c> (SQLite has one writer per file). Samples are re-sent by the
/// minion's outbox until confirmed, so NORMAL sync, which loses at most the last commit on power loss, is enough.
/// </summary>
internal sealed class MetricsDatabase(IOptions<ReactorOptions> options)
    : SqliteDatabase(Path.Combine(options.Value.DataPath, "metrics.db"), MetricsSchema.Migrations, SqliteSharing.Shared);
