using EventReactor.Reactor.Reactions;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteReactionLedgerTests : ReactionLedgerContract
{
    private readonly TempReactorDatabase _state = new();

    public SqliteReactionLedgerTests()
    {
        Ledger = new SqliteReactionLedger(_state.Database, Time);
    }

    private protected override IReactionLedger Ledger { get; }

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
