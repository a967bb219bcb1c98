using EventReactor.Reactor.State;
using EventReactor.Storage.Postgres;

namespace EventReactor.Reactor.Pools;

/// <summary>Pool state in PostgreSQL (migration 3).</summary>
internal sealed class PostgresPoolStore(ReactorPostgresDatabase database, TimeProvider time) : IPoolStore
{
    public async Task<IReadOnlyList<PoolMember>> MembersAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync("SELECT pool, minion, reason, since FROM pool_members ORDER BY pool COLLATE \"C\", minion COLLATE \"C\"", r => new PoolMember(r.GetString(0), r.GetString(1), r.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3))), cancellationToken);

    public Task SaveMembershipChangesAsync(IReadOnlyList<PoolMember> joined, IReadOnlyList<PoolMember> left, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var member in left)
            {
                await connection.ExecuteAsync("DELETE FROM pool_members WHERE pool = @pool AND minion = @minion", transaction, cancellationToken, ("pool", member.Pool), ("minion", member.Minion));
            }

            foreach (var member in joined)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO pool_members (pool, minion, reason, since) VALUES (@pool, @minion, @reason, @since) ON CONFLICT (pool, minion) DO UPDATE SET reason = excluded.reason, since = excluded.since",
                    transaction, cancellationToken, ("pool", member.Pool), ("minion", member.Minion), ("reason", member.Reason), ("since", member.Since.ToUnixTimeMilliseconds()));
            }

            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<(string Pool, string Minion)>> AdditionsAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync("SELECT pool, minion FROM pool_additions ORDER BY pool COLLATE \"C\", minion COLLATE \"C\"", r => (r.GetString(0), r.GetString(1)), cancellationToken);

    public Task SetAddedAsync(string pool, string minion, bool added, CancellationToken cancellationToken) =>
        added
            ? database.ExecuteAsync("INSERT INTO pool_additions (pool, minion, at) VALUES (@pool, @minion, @at) ON CONFLICT DO NOTHING", cancellationToken,
                ("pool", pool), ("minion", minion), ("at", time.GetUtcNow().ToUnixTimeMilliseconds()))
            : database.ExecuteAsync("DELETE FROM pool_additions WHERE pool = @pool AND minion = @minion", cancellationToken, ("pool", pool), ("minion", minion));

    public async Task<IReadOnlyDictionary<string, int>> DesiredSizesAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT pool, desired FROM pool_sizes", r => (Pool: r.GetString(0), Size: r.GetInt32(1)), cancellationToken)).ToDictionary(p => p.Pool, p => p.Size, StringComparer.Ordinal);

    public Task SetDesiredSizeAsync(string pool, int size, CancellationToken cancellationToken) =>
        database.ExecuteAsync("INSERT INTO pool_sizes (pool, desired, at) VALUES (@pool, @size, @at) ON CONFLICT (pool) DO UPDATE SET desired = excluded.desired, at = excluded.at", cancellationToken,
            ("pool", pool), ("size", size), ("at", time.GetUtcNow().ToUnixTimeMilliseconds()));

    public async Task<IReadOnlyList<ProvisionedMinion>> ProvisionedAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync("SELECT minion, pool, provider, handle, created_at FROM provisioned ORDER BY pool COLLATE \"C\", minion COLLATE \"C\"", r => new ProvisionedMinion(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))), cancellationToken);

    public Task SaveProvisionedAsync(ProvisionedMinion minion, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO provisioned (minion, pool, provider, handle, created_at) VALUES (@minion, @pool, @provider, @handle, @at)
            ON CONFLICT (minion) DO UPDATE SET pool = excluded.pool, provider = excluded.provider, handle = excluded.handle, created_at = excluded.created_at
            """,
            cancellationToken,
            ("minion", minion.Minion), ("pool", minion.Pool), ("provider", minion.Provider), ("handle", minion.Handle), ("at", minion.CreatedAt.ToUnixTimeMilliseconds()));

    public Task DeleteProvisionedAsync(string minion, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM provisioned WHERE minion = @minion", cancellationToken, ("minion", minion));
}
