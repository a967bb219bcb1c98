using EventReactor.Reactor.Broker;
using EventReactor.Reactor.Keys;
using EventReactor.Messaging;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Pools.Provisioning;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Tests.Broker;
using EventReactor.Reactor.Tests.Minions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Registry;

namespace EventReactor.Reactor.Tests.Pools;

public sealed class PoolServiceTests : IAsyncLifetime
{
    private const string PoolsYaml = """
        pools:
          - name: gpu-k80
            select: id.startsWith('gpu')
          - name: sim
            provider: process
            min: 1
            max: 5
        """;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pools-");
    private ReactorDatabase? _database;

    private ReactorOptions Settings => new() { DataPath = Path.Combine(_root.FullName, "data"), PoolsFile = Path.Combine(_root.FullName, "pools.yaml") };

    public async Task InitializeAsync()
    {
        File.WriteAllText(Settings.PoolsFile, PoolsYaml);
        _database = new ReactorDatabase(Options.Create(Settings));
        _database.Migrate(TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _database!.DisposeAsync();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task ScaleAsync_PoolWithoutProvider_RefusesSayingWhy()
    {
        var error = await Assert.ThrowsAsync<PoolException>(() => Service("rabbitmq://localhost/").ScaleAsync("gpu-k80", 2, CancellationToken.None));
        Assert.Equal("pool 'gpu-k80' has no provider, so it cannot be scaled; its members come from its selector and explicit adds", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task ScaleAsync_OutsideMinMax_RefusesNamingTheRange(int size)
    {
        var error = await Assert.ThrowsAsync<PoolException>(() => Service("rabbitmq://localhost/").ScaleAsync("sim", size, CancellationToken.None));
        Assert.Equal($"pool 'sim' can be scaled to 1..5 (its min and max), not {size}", error.Message);
    }

    [Fact]
    public async Task ScaleAsync_UnknownPool_NotFoundListingPools()
    {
        var error = await Assert.ThrowsAsync<PoolException>(() => Service("rabbitmq://localhost/").ScaleAsync("nope", 1, CancellationToken.None));
        Assert.True(error.NotFound);
        Assert.EndsWith("pools: gpu-k80, sim", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScaleAsync_ProcessProviderOnMemoryBus_RefusesSayingWhy()
    {
        var error = await Assert.ThrowsAsync<PoolException>(() => Service("memory://").ScaleAsync("sim", 3, CancellationToken.None));
        Assert.Contains("need a real broker; Bus:Url is memory://", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScaleAsync_Valid_StoresDesiredSize()
    {
        var service = Service("rabbitmq://localhost/");
        await service.ScaleAsync("sim", 4, CancellationToken.None);
        Assert.Equal(4, (await service.GetAsync("sim", CancellationToken.None)).Desired);
    }

    [Fact]
    public async Task RemoveAsync_MemberBySelector_RefusesSayingWhy()
    {
        var state = new PoolState();
        state.Replace([new PoolMember("gpu-k80", "gpu-1", "selector", DateTimeOffset.UnixEpoch)]);
        var error = await Assert.ThrowsAsync<PoolException>(() => Service("rabbitmq://localhost/", state).RemoveAsync("gpu-k80", "gpu-1", CancellationToken.None));
        Assert.Equal("minion 'gpu-1' is in pool 'gpu-k80' by selector, not because it was added; only added members can be removed", error.Message);
    }

    [Fact]
    public async Task AddAsync_ThenRemove_UpdatesExplicitMembers()
    {
        var store = new SqlitePoolStore(_database!, TimeProvider.System);
        var service = Service("rabbitmq://localhost/");
        await service.AddAsync("sim", "extra-1", CancellationToken.None);
        Assert.Contains(("sim", "extra-1"), await store.AdditionsAsync(CancellationToken.None));
        await service.RemoveAsync("sim", "extra-1", CancellationToken.None);
        Assert.Empty(await store.AdditionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_BadMinionId_RefusesSayingWhy()
    {
        var error = await Assert.ThrowsAsync<PoolException>(() => Service("rabbitmq://localhost/").AddAsync("sim", "a/b", CancellationToken.None));
        Assert.StartsWith("'a/b' is not a minion id", error.Message, StringComparison.Ordinal);
    }

    // Broker identity off: the accounts are never asked for.
    private static BrokerAccounts Brokerless(IOptions<ReactorOptions> options)
    {
        var management = new RabbitManagementClient(new HttpClient(), Options.Create(new BrokerIdentityOptions()), Options.Create(new BusOptions()), ManagementRecorder.Pipelines.GetRequiredService<ResiliencePipelineProvider<string>>());
        return new BrokerAccounts(Options.Create(new BrokerIdentityOptions()), management, new ReactorKey(options), NullLogger<BrokerAccounts>.Instance);
    }

    private PoolService Service(string busUrl, PoolState? state = null)
    {
        var options = Options.Create(Settings);
        var catalog = new PoolCatalog(options, NullLogger<PoolCatalog>.Instance);
        Assert.Empty(catalog.Refresh());
        var keys = new MinionKeyService(new SqliteMinionKeyStore(_database!), new ReactorKey(options), Brokerless(options), Options.Create(new KeyOptions()), TimeProvider.System, NullLogger<MinionKeyService>.Instance);
        var provider = new ProcessMinionProvider(options, Options.Create(new BusOptions { Url = busUrl }), keys, TimeProvider.System, NullLogger<ProcessMinionProvider>.Instance);
        return new PoolService(catalog, new SqlitePoolStore(_database!, TimeProvider.System), state ?? new PoolState(), new PoolSignal(), new FakeMinionStore(), [provider]);
    }
}
