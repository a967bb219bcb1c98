using EventReactor.Reactor.Minions;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteMinionStoreTests : MinionStoreContract
{
    private readonly TempReactorDatabase _state = new();

    public SqliteMinionStoreTests()
    {
        Store = new SqliteMinionStore(_state.Database);
    }

    private protected override IMinionStore Store { get; }

    private protected override IMinionStore Reopen() => new SqliteMinionStore(_state.Reopen());

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
