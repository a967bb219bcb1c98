using EventReactor.Reactor.Pools;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqlitePoolStoreTests : PoolStoreContract
{
    private readonly TempReactorDatabase _state = new();

    public SqlitePoolStoreTests()
    {
        Store = new SqlitePoolStore(_state.Database, TimeProvider.System);
    }

    private protected override IPoolStore Store { get; }

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
