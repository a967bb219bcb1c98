using EventReactor.Reactor.State;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.State;

/// <summary>A migrated <c>reactor.db</c> in a temporary folder for one test, removed afterwards.</summary>
internal sealed class TempReactorDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reactor-state-");

    public TempReactorDatabase()
    {
        Database = Open();
    }

    public ReactorDatabase Database { get; private set; }

    public string DataPath => _root.FullName;

    /// <summary>Closes the file and opens it again, as a restarted reactor does.</summary>
    public ReactorDatabase Reopen()
    {
        Database.Dispose();
        Database = Open();
        return Database;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
    }

    private ReactorDatabase Open()
    {
        var database = new ReactorDatabase(Options.Create(new ReactorOptions { DataPath = _root.FullName }));
        database.Migrate(TimeProvider.System);
        return database;
    }
}
