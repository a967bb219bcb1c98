using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteLeaseStoreTests : LeaseStoreContract
{
    private readonly TempReactorDatabase _state = new();

    public SqliteLeaseStoreTests()
    {
        Leases = new SqliteLeaseStore(_state.Database, Time);
        Outbox = new SqliteReactorOutbox(_state.Database, Time);
    }

    private protected override ILeaseStore Leases { get; }

    private protected override IReactorOutbox Outbox { get; }

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
