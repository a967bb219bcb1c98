using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class SqliteBenchmarkStoreTests : BenchmarkStoreContract
{
    private readonly TempReactorDatabase _state = new();

    public SqliteBenchmarkStoreTests()
    {
        Store = new SqliteBenchmarkStore(_state.Database);
    }

    private protected override IBenchmarkStore Store { get; }

    public override ValueTask DisposeAsync() => _state.DisposeAsync();
}
