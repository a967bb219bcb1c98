using System.Data.Common;
using System.Globalization;

namespace EventReactor.Storage;

/// <summary>
/// Brings a database to its schema: every migration not yet recorded in <c>schema_version</c> is applied, in order,
/// each in its own transaction with its record. Plain ADO.NET with portable SQL, so that any provider (SQLite now,
/// PostgreSQL later) uses the same table and rules; a provider shared by several processes serialises the call itself.
/// Synchronous: it runs once, at start, before anything else touches the database.
/// </summary>
public static class SchemaMigrator
{
    private const string CreateTable = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at BIGINT NOT NULL)";

    /// <summary>Applies what is missing and returns it; an empty list when the database was up to date.</summary>
    public static IReadOnlyList<Migration> Migrate(DbConnection connection, IReadOnlyList<Migration> migrations, TimeProvider time)
    {
        Execute(connection, null, CreateTable);

        // Every migration not yet applied, not just those above the highest: branches that add migrations merge in any
        // order (a database at 5 must still get 4 when 4 arrives later).
        var applied = AppliedVersions(connection);
        var missing = migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version).ToList();
        foreach (var migration in missing)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, migration.Sql);
            var at = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            Execute(connection, transaction, $"INSERT INTO schema_version (version, applied_at) VALUES ({migration.Version.ToString(CultureInfo.InvariantCulture)}, {at})");
            transaction.Commit();
        }

        return missing;
    }

    /// <summary>The versions recorded as applied.</summary>
    public static HashSet<int> AppliedVersions(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
