using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Reactions;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteReactorOutboxTests : ReactorOutboxContract
{
    private readonly TempReactorDatabase _state = new();

    public SqliteReactorOutboxTests()
    {
        Outbox = new SqliteReactorOutbox(_state.Database, Time);
        Ledger = new SqliteReactionLedger(_state.Database, new ReactorLiveness(new SqliteLeaseStore(_state.Database, Time), "reactor", TimeSpan.FromSeconds(15), Time), Time);
    }

    private protected override IReactorOutbox Outbox { get; }

    private protected override IReactionLedger Ledger { get; }

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
