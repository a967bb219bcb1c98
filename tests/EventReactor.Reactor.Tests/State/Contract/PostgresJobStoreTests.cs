using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State.Contract;

public sealed class PostgresJobStoreTests : JobStoreContract, IClassFixture<PostgresTestDatabase>
{
    private readonly ReactorPostgresDatabase _database;

    public PostgresJobStoreTests(PostgresTestDatabase state)
    {
        _database = state.OpenEmpty();
        Store = new PostgresJobStore(_database);
    }

    private protected override IJobStore Store { get; }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
