using EventReactor.Reactor.Audit;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>The queued, batched audit log over the PostgreSQL store.</summary>
public sealed class PostgresAuditWriterTests : AuditLogContract, IClassFixture<PostgresTestDatabase>, IAsyncLifetime
{
    private readonly ReactorPostgresDatabase _database;
    private readonly AuditWriter _audit;

    public PostgresAuditWriterTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        _audit = new AuditWriter(new PostgresAuditStore(_database));
    }

    private protected override IAuditLog Audit => _audit;

    public Task InitializeAsync() => _audit.StartAsync(CancellationToken.None);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await _audit.StopAsync(CancellationToken.None);
        _audit.Dispose();
        await _database.DisposeAsync();
    }
}
