using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Reactions;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresReactorOutboxTests : ReactorOutboxContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresReactorOutboxTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Outbox = new PostgresReactorOutbox(_database, Time);
        Ledger = new PostgresReactionLedger(_database, new ReactorLiveness(new PostgresLeaseStore(_database, Time), "reactor", TimeSpan.FromSeconds(15), Time), Time);
    }

    private protected override IReactorOutbox Outbox { get; }

    private protected override IReactionLedger Ledger { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
