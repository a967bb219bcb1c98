using EventReactor.Reactor.Audit;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteAuditStoreTests : AuditStoreContract
{
    private readonly TempReactorDatabase _state = new();

    public SqliteAuditStoreTests()
    {
        Store = new SqliteAuditStore(_state.Database);
    }

    private protected override IAuditStore Store { get; }

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
