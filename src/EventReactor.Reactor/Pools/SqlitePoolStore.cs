using EventReactor.Reactor.State;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Pools;

/// <summary>Pool state in the reactor's SQLite file (migration 3).</summary>
internal sealed class SqlitePoolStore(ReactorDatabase database) : IPoolStore
{
    public Task<IReadOnlyList<PoolMember>> MembersAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT pool, minion, reason, since FROM pool_members ORDER BY pool, minion", r => new PoolMember(r.GetString(0), r.GetString(1), r.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3))), cancellationToken);

    public Task SaveMembershipChangesAsync(IReadOnlyList<PoolMember> joined, IReadOnlyList<PoolMember> left, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            foreach (var member in left)
            {
                await ExecuteAsync(connection, transaction, "DELETE FROM pool_members WHERE pool = $a AND minion = $b", cancellationToken, member.Pool, member.Minion);
            }

            foreach (var member in joined)
            {
                await ExecuteAsync(connection, transaction, "INSERT OR REPLACE INTO pool_members VALUES ($a, $b, $c, $d)", cancellationToken, member.Pool, member.Minion, member.Reason, member.Since.ToUnixTimeMilliseconds());
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<(string Pool, string Minion)>> AdditionsAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SELECT pool, minion FROM pool_additions ORDER BY pool, minion", r => (r.GetString(0), r.GetString(1)), cancellationToken);

    public Task SetAddedAsync(string pool, string minion, bool added, CancellationToken cancellationToken) =>
        WriteAsync(
            added ? "INSERT OR IGNORE INTO pool_additions VALUES ($a, $b, $c)" : "DELETE FROM pool_additions WHERE pool = $a AND minion = $b",
            cancellationToken,
            pool,
            minion,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public async Task<IReadOnlyDictionary<string, int>> DesiredSizesAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT pool, desired FROM pool_sizes", r => (Pool: r.GetString(0), Size: r.GetInt32(1)), cancellationToken)).ToDictionary(p => p.Pool, p => p.Size, StringComparer.Ordinal);

    public Task SetDesiredSizeAsync(string pool, int size, CancellationToken cancellationToken) =>
        WriteAsync("INSERT OR REPLACE INTO pool_sizes VALUES ($a, $b, $c)", cancellationToken, pool, size, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public Task<IReadOnlyList<ProvisionedMinion>> ProvisionedAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT minion, pool, provider, handle, created_at FROM provisioned ORDER BY pool, minion", r => new ProvisionedMinion(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4))), cancellationToken);

    public Task SaveProvisionedAsync(ProvisionedMinion minion, CancellationToken cancellationToken) =>
        WriteAsync("INSERT OR REPLACE INTO provisioned VALUES ($a, $b, $c, $d, $e)", cancellationToken, minion.Minion, minion.Pool, minion.Provider, minion.Handle, minion.CreatedAt.ToUnixTimeMilliseconds());

    public Task DeleteProvisionedAsync(string minion, CancellationToken cancellationToken) =>
        WriteAsync("DELETE FROM provisioned WHERE minion = $a", cancellationToken, minion);

    private Task WriteAsync(string sql, CancellationToken cancellationToken, params object[] values) =>
        database.WriteAsync(async connection =>
        {
            await ExecuteAsync(connection, null, sql, cancellationToken, values);
            return true;
        }, cancellationToken);

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            // Parameters are named $a, $b, ... in the order given.
            command.Parameters.AddWithValue($"${(char)('a' + i)}", values[i]);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
