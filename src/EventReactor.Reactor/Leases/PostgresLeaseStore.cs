using EventReactor.Reactor.State;
using Npgsql;

namespace EventReactor.Reactor.Leases;

/// <summary>
/// Leases in PostgreSQL (migration 22): a row per lease, taken or renewed by one upsert, so two reactors racing for it
/// are ordered by the row's lock and exactly one gets it. Not an advisory lock: that is held by a session, and a
/// reactor paused with its connection open would keep it for as long as TCP keeps the connection (see docs/scale-out.md).
/// </summary>
internal sealed class PostgresLeaseStore(ReactorPostgresDatabase database, TimeProvider time) : ILeaseStore
{
    // The WHERE of ON CONFLICT leaves a lease held by someone else untouched: no row comes back.
    private const string AcquireSql = """
        INSERT INTO leases AS l (name, holder, epoch, acquired_at, expires_at) VALUES (@name, @holder, 1, @now, @expires)
        ON CONFLICT (name) DO UPDATE SET
            epoch       = CASE WHEN l.holder = excluded.holder AND l.expires_at > @now THEN l.epoch ELSE l.epoch + 1 END,
            acquired_at = CASE WHEN l.holder = excluded.holder AND l.expires_at > @now THEN l.acquired_at ELSE @now END,
            holder      = excluded.holder,
            expires_at  = excluded.expires_at
        WHERE l.holder = excluded.holder OR l.expires_at <= @now
        RETURNING holder, epoch, expires_at
        """;

    public async Task<LeaseToken?> TryAcquireAsync(LeaseName name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await database.QueryAsync(AcquireSql, r => Read(name, r), cancellationToken,
            ("name", LeaseRow.Key(name, holder)), ("holder", holder), ("now", now.ToUnixTimeMilliseconds()), ("expires", (now + duration).ToUnixTimeMilliseconds()));
        return rows.SingleOrDefault();
    }

    public Task ReleaseAsync(LeaseToken token, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE leases SET expires_at = @now WHERE name = @name AND holder = @holder AND epoch = @epoch AND expires_at > @now", cancellationToken,
            ("name", LeaseRow.Key(token.Name, token.Holder)), ("holder", token.Holder), ("epoch", token.Epoch), ("now", time.GetUtcNow().ToUnixTimeMilliseconds()));

    public async Task<LeaseToken?> ReadAsync(LeaseName name, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT holder, epoch, expires_at FROM leases WHERE name = @name", r => Read(name, r), cancellationToken, ("name", name.ToString()))).SingleOrDefault();

    private static LeaseToken Read(LeaseName name, NpgsqlDataReader reader) =>
        new(name, reader.GetString(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
}
