using EventReactor.Contracts.Api;
using EventReactor.Reactor.State;
using EventReactor.Storage.Postgres;
using Npgsql;

namespace EventReactor.Reactor.Keys;

/// <summary>Minion keys and enrollment tokens in PostgreSQL (migration 20), shared by every reactor on the database.</summary>
internal sealed class PostgresMinionKeyStore(ReactorPostgresDatabase database) : IMinionKeyStore
{
    private const string Columns = "minion, fingerprint, public_key, state, enrolled_at, updated_at";

    // Enrollments of every reactor take this lock in turn, so the bound on untrusted keys and "first key wins" hold.
    private const long EnrollLock = 0x6576_7265_6B65_7973;

    public async Task<IReadOnlyList<MinionKeyRecord>> ListAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {Columns} FROM minion_keys ORDER BY minion COLLATE \"C\", enrolled_at, fingerprint COLLATE \"C\"", Read, cancellationToken);

    public async Task<IReadOnlyList<MinionKeyRecord>> FindAsync(string minion, CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {Columns} FROM minion_keys WHERE minion = @minion ORDER BY enrolled_at, fingerprint COLLATE \"C\"", Read, cancellationToken, ("minion", minion));

    public Task<MinionKeyRecord?> EnrollAsync(string minion, string fingerprint, string publicKey, MinionKeyState initial, int maxUntrusted, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync($"SELECT pg_advisory_xact_lock({EnrollLock})", transaction, cancellationToken);
                var known = await connection.QueryAsync($"SELECT {Columns} FROM minion_keys WHERE minion = @minion", Read, cancellationToken, ("minion", minion));
                var result = await EnrollmentDecision.DecideAsync(known, minion, fingerprint, publicKey, initial, maxUntrusted, now, async () => (await connection.QueryAsync(
                    "SELECT count(*) FROM minion_keys WHERE state IN (@pending, @denied)",
                    reader => reader.GetInt64(0),
                    cancellationToken,
                    ("pending", MinionKeyState.Pending.ToWire()),
                    ("denied", MinionKeyState.Denied.ToWire())))[0]);
                if (result is not null && !known.Contains(result))
                {
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO minion_keys (minion, fingerprint, public_key, state, enrolled_at, updated_at) VALUES (@minion, @fingerprint, @key, @state, @enrolled, @updated)
                        ON CONFLICT (minion, fingerprint) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                        """,
                        transaction,
                        cancellationToken,
                        ("minion", result.Minion),
                        ("fingerprint", result.Fingerprint),
                        ("key", result.PublicKey),
                        ("state", result.State.ToWire()),
                        ("enrolled", result.EnrolledAt.ToUnixTimeMilliseconds()),
                        ("updated", result.UpdatedAt.ToUnixTimeMilliseconds()));
                }

                return result;
            },
            cancellationToken);

    public async Task<bool> SetStateAsync(string minion, MinionKeyState to, IReadOnlyCollection<MinionKeyState> from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Denied keys never move: the id must be deleted for a new key to enroll.
        var allowed = from.Where(s => s != MinionKeyState.Denied).Select(s => s.ToWire()).ToArray();
        return allowed.Length > 0 && await database.ExecuteAsync(
            "UPDATE minion_keys SET state = @to, updated_at = @now WHERE minion = @minion AND state = ANY(@from)",
            cancellationToken,
            ("to", to.ToWire()),
            ("now", now.ToUnixTimeMilliseconds()),
            ("minion", minion),
            ("from", allowed)) > 0;
    }

    public Task<int> DeleteAsync(string minion, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM minion_keys WHERE minion = @minion", cancellationToken, ("minion", minion));

    public Task CreateTokenAsync(string hash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync("DELETE FROM enrollment_tokens WHERE expires_at <= @now OR used_at IS NOT NULL", transaction, cancellationToken, ("now", now.ToUnixTimeMilliseconds()));
                return await connection.ExecuteAsync(
                    "INSERT INTO enrollment_tokens (hash, created_at, expires_at) VALUES (@hash, @now, @expires)",
                    transaction,
                    cancellationToken,
                    ("hash", hash),
                    ("now", now.ToUnixTimeMilliseconds()),
                    ("expires", expiresAt.ToUnixTimeMilliseconds()));
            },
            cancellationToken);

    // One statement: of two reactors redeeming the same token at once, the row lock lets one update it.
    public async Task<bool> RedeemTokenAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE enrollment_tokens SET used_at = @now WHERE hash = @hash AND used_at IS NULL AND expires_at > @now",
            cancellationToken,
            ("hash", hash),
            ("now", now.ToUnixTimeMilliseconds())) == 1;

    private static MinionKeyRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        WireNames.Parse<MinionKeyState>(reader.GetString(3)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));
}
