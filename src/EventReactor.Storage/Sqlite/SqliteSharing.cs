namespace EventReactor.Storage.Sqlite;

/// <summary>Who uses a SQLite file besides its one writer connection.</summary>
public enum SqliteSharing
{
    /// <summary>Readers open their own connections beside the writer (WAL); a busy file is waited on for a while.</summary>
    Shared,

    /// <summary>
    /// This process's one connection is the file's only user: SQLite need not take and drop file locks for every
    /// transaction (about a quarter less CPU per stored event, issue #8), and a second process fails at open.
    /// </summary>
    Exclusive,
}
