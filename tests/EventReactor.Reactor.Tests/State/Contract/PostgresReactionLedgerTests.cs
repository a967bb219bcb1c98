using EventReactor.Reactor.Reactions;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresReactionLedgerTests : ReactionLedgerContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresReactionLedgerTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Ledger = new PostgresReactionLedger(_database, Time);
    }

    private protected override IReactionLedger Ledger { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
