using Microsoft.Data.Sqlite;

namespace EventReactor.Storage.Sqlite;

/// <summary>Holds a database's write gate until disposed; a struct, so that taking it costs no allocation on a hot path.</summary>
public readonly ref struct SqliteWriteScope
{
    private readonly SemaphoreSlim _gate;

    internal SqliteWriteScope(SemaphoreSlim gate, SqliteConnection connection)
    {
        _gate = gate;
        Connection = connection;
    }

    public SqliteConnection Connection { get; }

    public void Dispose() => _gate.Release();
}
