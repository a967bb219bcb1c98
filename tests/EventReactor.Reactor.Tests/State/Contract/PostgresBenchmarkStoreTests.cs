using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresBenchmarkStoreTests : BenchmarkStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresBenchmarkStoreTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Store = new PostgresBenchmarkStore(_database);
    }

    private protected override IBenchmarkStore Store { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
