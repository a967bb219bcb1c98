using EventReactor.Contracts.Api;
using EventReactor.Reactor.State;
using EventReactor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EventReactor.Reactor.Keys;

/// <summary>Minion keys and enrollment tokens in the reactor's SQLite file (migration 20).</summary>
internal sealed class SqliteMinionKeyStore(ReactorDatabase database) : IMinionKeyStore
{
    private const string Columns = "minion, fingerprint, public_key, state, enrolled_at, updated_at";

    public async Task<IReadOnlyList<MinionKeyRecord>> ListAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {Columns} FROM minion_keys ORDER BY minion, enrolled_at, fingerprint", Read, cancellationToken);

    public async Task<IReadOnlyList<MinionKeyRecord>> FindAsync(string minion, CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {Columns} FROM minion_keys WHERE minion = $minion ORDER BY enrolled_at, fingerprint", Read, cancellationToken, ("$minion", minion));

    public Task<MinionKeyRecord?> EnrollAsync(string minion, string fingerprint, string publicKey, MinionKeyState initial, int maxUntrusted, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async connection =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                var known = await connection.QueryAsync($"SELECT {Columns} FROM minion_keys WHERE minion = $minion", Read, cancellationToken, ("$minion", minion));
                var result = await EnrollmentDecision.DecideAsync(known, minion, fingerprint, publicKey, initial, maxUntrusted, now, async () => Convert.ToInt64(
                    await connection.ScalarAsync("SELECT COUNT(*) FROM minion_keys WHERE state IN ($pending, $denied)", cancellationToken, ("$pending", MinionKeyState.Pending.ToWire()), ("$denied", MinionKeyState.Denied.ToWire())),
                    System.Globalization.CultureInfo.InvariantCulture));
                if (result is not null && !known.Contains(result))
                {
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO minion_keys (minion, fingerprint, public_key, state, enrolled_at, updated_at) VALUES ($minion, $fingerprint, $key, $state, $enrolled, $updated)
                        ON CONFLICT (minion, fingerprint) DO UPDATE SET state = $state, updated_at = $updated
                        """,
                        cancellationToken,
                        ("$minion", result.Minion),
                        ("$fingerprint", result.Fingerprint),
                        ("$key", result.PublicKey),
                        ("$state", result.State.ToWire()),
                        ("$enrolled", result.EnrolledAt.ToUnixTimeMilliseconds()),
                        ("$updated", result.UpdatedAt.ToUnixTimeMilliseconds()));
                }

                await transaction.CommitAsync(cancellationToken);
                return result;
            },
            cancellationToken);

    public async Task<bool> SetStateAsync(string minion, MinionKeyState to, IReadOnlyCollection<MinionKeyState> from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Denied keys never move: the id must be deleted for a new key to enroll.
        var allowed = from.Where(s => s != MinionKeyState.Denied).Select(s => s.ToWire()).ToList();
        if (allowed.Count == 0)
        {
            return false;
        }

        var names = string.Join(", ", allowed.Select((_, i) => $"$from{i}"));
        var parameters = allowed.Select((s, i) => ($"$from{i}", (object?)s))
            .Append(("$minion", minion)).Append(("$to", to.ToWire())).Append(("$now", now.ToUnixTimeMilliseconds())).ToArray();
        return await database.ExecuteAsync($"UPDATE minion_keys SET state = $to, updated_at = $now WHERE minion = $minion AND state IN ({names})", cancellationToken, parameters) > 0;
    }

    public Task<int> DeleteAsync(string minion, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM minion_keys WHERE minion = $minion", cancellationToken, ("$minion", minion));

    public Task CreateTokenAsync(string hash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            DELETE FROM enrollment_tokens WHERE expires_at <= $now OR used_at IS NOT NULL;
            INSERT INTO enrollment_tokens (hash, created_at, expires_at) VALUES ($hash, $now, $expires);
            """,
            cancellationToken,
            ("$hash", hash),
            ("$now", now.ToUnixTimeMilliseconds()),
            ("$expires", expiresAt.ToUnixTimeMilliseconds()));

    public async Task<bool> RedeemTokenAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE enrollment_tokens SET used_at = $now WHERE hash = $hash AND used_at IS NULL AND expires_at > $now",
            cancellationToken,
            ("$hash", hash),
            ("$now", now.ToUnixTimeMilliseconds())) == 1;

    private static MinionKeyRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        WireNames.Parse<MinionKeyState>(reader.GetString(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
}
