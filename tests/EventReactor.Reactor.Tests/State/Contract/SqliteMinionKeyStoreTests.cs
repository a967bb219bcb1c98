using EventReactor.Reactor.Keys;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteMinionKeyStoreTests : MinionKeyStoreContract
{
    private readonly TempReactorDatabase _state = new();

    public SqliteMinionKeyStoreTests()
    {
        Store = new SqliteMinionKeyStore(_state.Database);
    }

    private protected override IMinionKeyStore Store { get; }

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
