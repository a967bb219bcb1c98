using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Reactions;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteReactorOutboxTests : ReactorOutboxContract
{
    private readonly TempReactorDatabase _state = new();

    public SqliteReactorOutboxTests()
    {
        Leases = new SqliteLeaseStore(_state.Database, Time);
    }

    private protected override bool SharedByReactors => false;

    private protected override ILeaseStore Leases { get; }

    public override ValueTask DisposeAsync() => _state.DisposeAsync();

    private protected override IReactorOutbox OutboxOf(ReactorLiveness liveness) => new SqliteReactorOutbox(_state.Database, Time);

    private protected override IReactionLedger LedgerOf(ReactorLiveness liveness) => new SqliteReactionLedger(_state.Database, liveness, Time);
}
