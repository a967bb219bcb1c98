using System.Text.Json;
using EventReactor.Reactor.State;
using Npgsql;

namespace EventReactor.Reactor.Minions;

/// <summary>Minions in PostgreSQL (migration 2).</summary>
internal sealed class PostgresMinionStore(ReactorPostgresDatabase database) : IMinionStore
{
    private const string Columns = "id, first_seen, last_seen, present, heartbeat_seconds, grains";

    public async Task<IReadOnlyList<MinionRecord>> ListAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {Columns} FROM minions ORDER BY id COLLATE \"C\"", Read, cancellationToken);

    public async Task<MinionRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await database.QueryAsync($"SELECT {Columns} FROM minions WHERE id = @id", Read, cancellationToken, ("id", id))).FirstOrDefault();

    public Task SaveAsync(MinionRecord minion, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            """
            INSERT INTO minions (id, first_seen, last_seen, present, heartbeat_seconds, grains) VALUES (@id, @first, @last, @present, @heartbeat, @grains)
            ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen, present = excluded.present, heartbeat_seconds = excluded.heartbeat_seconds, grains = excluded.grains
            """,
            cancellationToken,
            ("id", minion.Id),
            ("first", minion.FirstSeen.ToUnixTimeMilliseconds()),
            ("last", minion.LastSeen.ToUnixTimeMilliseconds()),
            ("present", minion.Present),
            ("heartbeat", minion.HeartbeatSeconds),
            ("grains", minion.Grains?.GetRawText()));

    private static MinionRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        reader.GetBoolean(3),
        reader.GetDouble(4),
        reader.IsDBNull(5) ? null : JsonDocument.Parse(reader.GetString(5)).RootElement.Clone());
}
