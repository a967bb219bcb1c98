using EventReactor.Reactor.State;
using EventReactor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Leases;

/// <summary>
/// Leases in <c>reactor.db</c> (migration 22). One reactor per file is the usual case, and it always gets its leases;
/// the code path is the same as PostgreSQL's, so a second process on the same data folder waits its turn as it would there.
/// </summary>
internal sealed class SqliteLeaseStore(ReactorDatabase database, TimeProvider time) : ILeaseStore
{
    private const string AcquireSql = """
        INSERT INTO leases AS l (name, holder, epoch, acquired_at, expires_at) VALUES ($name, $holder, 1, $now, $expires)
        ON CONFLICT (name) DO UPDATE SET
            epoch       = CASE WHEN l.holder = excluded.holder AND l.expires_at > $now THEN l.epoch ELSE l.epoch + 1 END,
            acquired_at = CASE WHEN l.holder = excluded.holder AND l.expires_at > $now THEN l.acquired_at ELSE $now END,
            holder      = excluded.holder,
            expires_at  = excluded.expires_at
        WHERE l.holder = excluded.holder OR l.expires_at <= $now
        RETURNING holder, epoch, expires_at
        """;

    public async Task<LeaseToken?> TryAcquireAsync(LeaseName name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await database.WriteAsync(connection => connection.QueryAsync(AcquireSql, r => Read(name, r), cancellationToken,
            ("$name", LeaseRow.Key(name, holder)), ("$holder", holder), ("$now", now.ToUnixTimeMilliseconds()), ("$expires", (now + duration).ToUnixTimeMilliseconds())), cancellationToken);
        return rows.SingleOrDefault();
    }

    public Task ReleaseAsync(LeaseToken token, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE leases SET expires_at = $now WHERE name = $name AND holder = $holder AND epoch = $epoch AND expires_at > $now", cancellationToken,
            ("$name", LeaseRow.Key(token.Name, token.Holder)), ("$holder", token.Holder), ("$epoch", token.Epoch), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()));

    public async Task<LeaseToken?> ReadAsync(LeaseName name, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT holder, epoch, expires_at FROM leases WHERE name = $name", r => Read(name, r), cancellationToken, ("$name", name.ToString()))).SingleOrDefault();

    private static LeaseToken Read(LeaseName name, SqliteDataReader reader) =>
        new(name, reader.GetString(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
}
