using EventReactor.Storage;
using EventReactor.Storage.Sqlite;

namespace EventReactor.Minion.Storage;

/// <summary>
/// The minion's SQLite file in its data folder: the outbox and the state that reconciliation compares against. Held
/// exclusively by this process (a second minion on the same data folder fails at open instead of sharing the outbox).
/// </summary>
internal sealed class MinionDatabase : SqliteDatabase
{
    public const string FileName = "minion.db";

    private MinionDatabase(string dataPath)
        : base(System.IO.Path.Combine(dataPath, FileName), MinionSchema.Migrations, SqliteSharing.Exclusive)
    {
    }

    /// <summary>Opens the file and migrates it: the minion's stores never see it otherwise.</summary>
    public static MinionDatabase Open(string dataPath)
    {
        var database = new MinionDatabase(dataPath);
        try
        {
            database.Migrate(TimeProvider.System);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }
}
