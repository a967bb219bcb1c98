using EventReactor.Reactor.Audit;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>The queued, batched audit log over the SQLite store.</summary>
public sealed class AuditWriterTests : AuditLogContract, IAsyncLifetime
{
    private readonly TempReactorDatabase _state = new();
    private readonly AuditWriter _audit;

    public AuditWriterTests()
    {
        _audit = new AuditWriter(new SqliteAuditStore(_state.Database));
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
