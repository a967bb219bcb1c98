using EventReactor.Minion.Storage;

namespace EventReactor.Minion.Tests;

/// <summary>A minion data folder for one test, removed afterwards.</summary>
internal sealed class TempDataFolder : IDisposable
{
    private readonly List<MinionDatabase> _opened = [];

    public string Path { get; } = Directory.CreateTempSubdirectory("eventreactor-minion-").FullName;

    /// <summary>Opens the folder's database, as a (re)started minion does: the previous process, and its connection, are gone.</summary>
    public MinionDatabase Open()
    {
        _opened.ForEach(d => d.Dispose());
        var database = MinionDatabase.Open(Path);
        _opened.Add(database);
        return database;
    }

    public void Dispose()
    {
        _opened.ForEach(d => d.Dispose());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
