using System.Globalization;
using EventReactor.Minion.Storage;
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
        using (var scope = database.EnterWrite())
        {
            using var select = scope.Connection.CreateCommand();
            select.CommandText = "SELECT id, name, image, running, last_action, last_nano FROM containers";
            using var reader = select.ExecuteReader();
            var states = new List<ContainerState>();
            while (reader.Read())
            {
                states.Add(new ContainerState(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetInt64(3) != 0,
                    reader.GetString(4),
                    reader.GetInt64(5)));
            }

            return states;
        }
    }

    /// <summary>Saves changed container states, removes forgotten ones and moves the stream position, in one transaction.</summary>
    public void Save(IEnumerable<ContainerState> changed, IEnumerable<string> forgotten, long lastSeenNano, bool baseline = false, string? seenId = null, long seenNano = 0)
    {
        using (var scope = database.EnterWrite())
        {
            using var transaction = scope.Connection.BeginTransaction();
            using (var upsert = scope.Connection.CreateCommand())
            {
                upsert.CommandText = """
                    INSERT INTO containers (id, name, image, running, last_action, last_nano) VALUES ($id, $name, $image, $running, $action, $nano)
                    ON CONFLICT (id) DO UPDATE SET name = $name, image = $image, running = $running, last_action = $action, last_nano = $nano
                    """;
                var id = upsert.Parameters.Add("$id", SqliteType.Text);
                var name = upsert.Parameters.Add("$name", SqliteType.Text);
                var image = upsert.Parameters.Add("$image", SqliteType.Text);
                var running = upsert.Parameters.Add("$running", SqliteType.Integer);
                var action = upsert.Parameters.Add("$action", SqliteType.Text);
                var nano = upsert.Parameters.Add("$nano", SqliteType.Integer);
                foreach (var state in changed)
                {
                    id.Value = state.Id;
                    name.Value = (object?)state.Name ?? DBNull.Value;
                    image.Value = (object?)state.Image ?? DBNull.Value;
                    running.Value = state.Running ? 1 : 0;
                    action.Value = state.LastAction;
                    nano.Value = state.LastNano;
                    upsert.ExecuteNonQuery();
                }
            }

            using (var delete = scope.Connection.CreateCommand())
            {
                delete.CommandText = "DELETE FROM containers WHERE id = $id";
                var id = delete.Parameters.Add("$id", SqliteType.Text);
                foreach (var gone in forgotten)
                {
                    id.Value = gone;
                    delete.ExecuteNonQuery();
                }
            }

            if (seenId is not null)
            {
                using var insert = scope.Connection.CreateCommand();
                insert.CommandText = "INSERT OR IGNORE INTO seen (id, nano) VALUES ($id, $nano)";
                insert.Parameters.AddWithValue("$id", seenId);
                insert.Parameters.AddWithValue("$nano", seenNano);
                insert.ExecuteNonQuery();
            }

            WriteMeta(scope.Connection, LastSeenKey, lastSeenNano.ToString(CultureInfo.InvariantCulture));
            if (baseline)
            {
                WriteMeta(scope.Connection, BaselineKey, lastSeenNano.ToString(CultureInfo.InvariantCulture));
            }

            transaction.Commit();
        }
    }

    /// <summary>Ids of the engine events already handled at or after <paramref name="sinceNano"/>; older ones are forgotten.</summary>
    public IReadOnlyDictionary<string, long> LoadSeen(long sinceNano)
    {
        using (var scope = database.EnterWrite())
        {
            ForgetSeenBefore(scope.Connection, sinceNano);
            using var select = scope.Connection.CreateCommand();
            select.CommandText = "SELECT id, nano FROM seen";
            using var reader = select.ExecuteReader();
            var seen = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read())
            {
                seen[reader.GetString(0)] = reader.GetInt64(1);
            }

            return seen;
        }
    }

    public void ForgetSeenBefore(long nano)
    {
        using var scope = database.EnterWrite();
        ForgetSeenBefore(scope.Connection, nano);
    }

    private static void ForgetSeenBefore(SqliteConnection connection, long nano)
    {
        using var prune = connection.CreateCommand();
        prune.CommandText = "DELETE FROM seen WHERE nano < $before";
        prune.Parameters.AddWithValue("$before", nano);
        prune.ExecuteNonQuery();
    }

    private string? ReadMeta(string key)
    {
        using (var scope = database.EnterWrite())
        {
            using var select = scope.Connection.CreateCommand();
            select.CommandText = "SELECT value FROM meta WHERE key = $key";
            select.Parameters.AddWithValue("$key", key);
            return select.ExecuteScalar() as string;
        }
    }

    private static void WriteMeta(SqliteConnection connection, string key, string value)
    {
        using var upsert = connection.CreateCommand();
        upsert.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = $value";
        upsert.Parameters.AddWithValue("$key", key);
        upsert.Parameters.AddWithValue("$value", value);
        upsert.ExecuteNonQuery();
    }
}
