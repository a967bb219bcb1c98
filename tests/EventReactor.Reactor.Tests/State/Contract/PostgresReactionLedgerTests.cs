using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Reactions;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresReactionLedgerTests : ReactionLedgerContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresReactionLedgerTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Leases = new PostgresLeaseStore(_database, Time);
    }

    private protected override ILeaseStore Leases { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();

    private protected override IReactionLedger LedgerOf(ReactorLiveness liveness) => new PostgresReactionLedger(_database, liveness, Time);

    private protected override IReactorOutbox OutboxOf(ReactorLiveness liveness) => new PostgresReactorOutbox(_database, liveness, Time);
}
