using System.Globalization;
using EventReactor.Minion.Storage;
using EventReactor.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EventReactor.Minion.Docker;

/// <summary>
/// Persists, in the minion's database, the last engine event time seen (where a resumed stream starts) and the last
/// known state of every container (what reconciliation compares with), so both survive a minion restart.
/// </summary>
internal sealed class ContainerStateStore(MinionDatabase database)
{
    private const string LastSeenKey = "docker.last_seen_nano";
    private const string BaselineKey = "docker.baseline";

    public long LastSeenNano => long.TryParse(ReadMeta(LastSeenKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var nano) ? nano : 0;

    /// <summary>Whether a first list of containers was ever stored; without one there is nothing to reconcile against.</summary>
    public bool HasBaseline => ReadMeta(BaselineKey) is not null;

    /// <summary>Engine time of the first list of containers: nothing before it is ever reported; 0 without one.</summary>
    public long BaselineNano => long.TryParse(ReadMeta(BaselineKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var nano) ? nano : 0;

    public IReadOnlyList<ContainerState> LoadAll()
    {
        using var scope = database.EnterWrite();
        return scope.Connection.Query(
            "SELECT id, name, image, running, last_action, last_nano FROM containers",
            reader => new ContainerState(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3) != 0,
                reader.GetString(4),
                reader.GetInt64(5)));
    }

    /// <summary>Saves changed container states, removes forgotten ones and moves the stream position, in one transaction.</summary>
    public void Save(IEnumerable<ContainerState> changed, IEnumerable<string> forgotten, long lastSeenNano, bool baseline = false, string? seenId = null, long seenNano = 0)
    {
        using var scope = database.EnterWrite();
        var connection = scope.Connection;
        using var transaction = connection.BeginTransaction();
        using (var upsert = connection.Prepare(
            """
            INSERT INTO containers (id, name, image, running, last_action, last_nano) VALUES ($id, $name, $image, $running, $action, $nano)
            ON CONFLICT (id) DO UPDATE SET name = $name, image = $image, running = $running, last_action = $action, last_nano = $nano
            """,
            ("$id", SqliteType.Text),
            ("$name", SqliteType.Text),
            ("$image", SqliteType.Text),
            ("$running", SqliteType.Integer),
            ("$action", SqliteType.Text),
            ("$nano", SqliteType.Integer)))
        {
            foreach (var state in changed)
            {
                upsert.Parameters[0].Value = state.Id;
                upsert.Parameters[1].Value = (object?)state.Name ?? DBNull.Value;
                upsert.Parameters[2].Value = (object?)state.Image ?? DBNull.Value;
                upsert.Parameters[3].Value = state.Running ? 1 : 0;
                upsert.Parameters[4].Value = state.LastAction;
                upsert.Parameters[5].Value = state.LastNano;
                upsert.ExecuteNonQuery();
            }
        }

        using (var delete = connection.Prepare("DELETE FROM containers WHERE id = $id", ("$id", SqliteType.Text)))
        {
            foreach (var gone in forgotten)
            {
                delete.Parameters[0].Value = gone;
                delete.ExecuteNonQuery();
            }
        }

        if (seenId is not null)
        {
            connection.Execute("INSERT OR IGNORE INTO seen (id, nano) VALUES ($id, $nano)", ("$id", seenId), ("$nano", seenNano));
        }

        WriteMeta(connection, LastSeenKey, lastSeenNano.ToString(CultureInfo.InvariantCulture));
        if (baseline)
        {
            WriteMeta(connection, BaselineKey, lastSeenNano.ToString(CultureInfo.InvariantCulture));
        }

        transaction.Commit();
    }

    /// <summary>Ids of the engine events already handled at or after <paramref name="sinceNano"/>; older ones are forgotten.</summary>
    public IReadOnlyDictionary<string, long> LoadSeen(long sinceNano)
    {
        using var scope = database.EnterWrite();
        ForgetSeenBefore(scope.Connection, sinceNano);
        return scope.Connection.Query("SELECT id, nano FROM seen", reader => (Id: reader.GetString(0), Nano: reader.GetInt64(1)))
            .ToDictionary(seen => seen.Id, seen => seen.Nano, StringComparer.Ordinal);
    }

    public void ForgetSeenBefore(long nano)
    {
        using var scope = database.EnterWrite();
        ForgetSeenBefore(scope.Connection, nano);
    }

    private static void ForgetSeenBefore(SqliteConnection connection, long nano) =>
        connection.Execute("DELETE FROM seen WHERE nano < $before", ("$before", nano));

    private static void WriteMeta(SqliteConnection connection, string key, string value) =>
        connection.Execute("INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = $value", ("$key", key), ("$value", value));

    private string? ReadMeta(string key)
    {
        using var scope = database.EnterWrite();
        return scope.Connection.Scalar("SELECT value FROM meta WHERE key = $key", ("$key", key)) as string;
    }
}
