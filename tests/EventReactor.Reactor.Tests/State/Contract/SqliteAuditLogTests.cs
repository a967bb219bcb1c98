using EventReactor.Reactor.Audit;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteAuditLogTests : AuditLogContract, IAsyncLifetime
{
    private readonly TempReactorDatabase _state = new();
    private readonly SqliteAuditLog _audit;

    public SqliteAuditLogTests()
    {
        _audit = new SqliteAuditLog(_state.Database);
    }

    private protected override IAuditLog Audit => _audit;

    public Task InitializeAsync() => _audit.StartAsync(CancellationToken.None);

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await _audit.StopAsync(CancellationToken.None);
        _audit.Dispose();
        await _state.DisposeAsync();
    }
}
