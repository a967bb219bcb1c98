using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Reactions;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventReactor.Reactor.Tests;

public sealed class ReactorHostExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eventreactor-wiring-").FullName;

    [Fact]
    public async Task AddReactor_BusAddedFirstAndRuleLoaderRegisteredLast_LoadsRulesBeforeAnyServiceStartsAndConsumesEvents()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_folder, "rules")).FullName;
        await File.WriteAllTextAsync(Path.Combine(rules, "order.yaml"), """
            rules:
              - name: noted
                on: test/order/*
                do:
                  - log: { message: seen }
            """);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reactor:RulesPath"] = rules,
            ["Reactor:DataPath"] = Path.Combine(_folder, "data"),
            ["Reactor:Http"] = "http://127.0.0.1:0",
            ["Reactor:PoolsFile"] = Path.Combine(_folder, "no-pools.yaml"),
            ["Bus:Url"] = "memory://",
        });

        // The bus first, a service that needs the rules before the reactor's, and the rule loader moved last.
        builder.AddEventBus();
        builder.Services.AddSingleton<RulesSeenAtStart>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RulesSeenAtStart>());
        builder.AddReactor();
        var loader = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(RuleSetStartupLoader));
        builder.Services.Remove(loader);
        builder.Services.Add(loader);

        await using var app = builder.Build();
        app.MapReactor();
        await app.StartAsync();
        try
        {
            Assert.True(app.Services.GetRequiredService<RulesSeenAtStart>().Loaded, "the rules were not loaded when the first hosted service started");
            using var watch = await app.Services.GetRequiredService<EventStreamHub>().SubscribeAsync(null, CancellationToken.None);
            var sent = EventEnvelope.Create("test/order/1", "/test");
            var consumed = await PublishUntilConsumedAsync(app.Services.GetRequiredService<IEventPublisher>(), watch, sent);
            Assert.True(consumed, "an event published on the bus never reached the reactor's consumer");
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Theory]
    [InlineData(null, typeof(ReactorDatabase), typeof(SqliteReactionLedger), typeof(SqliteJobStore), typeof(SqliteEventJournalStore))]
    [InlineData("postgres://eventreactor:eventreactor@localhost:5432/eventreactor", typeof(ReactorPostgresDatabase), typeof(PostgresReactionLedger), typeof(PostgresJobStore), typeof(PostgresEventJournalStore))]
    public void AddReactor_ReactorState_EveryStoreOnThatBackEnd(string? state, Type database, Type ledger, Type jobs, Type journal)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reactor:DataPath"] = Path.Combine(_folder, "data"),
            ["Reactor:State"] = state,
            ["Bus:Url"] = "memory://",
        });

        builder.AddEventBus();
        builder.AddReactor();
        using var app = builder.Build();

        // Resolving opens nothing: neither back end connects before the host starts.
        Assert.IsType(database, app.Services.GetRequiredService<IStateDatabase>());
        Assert.IsType(ledger, app.Services.GetRequiredService<IReactionLedger>());
        Assert.IsType(jobs, app.Services.GetRequiredService<IJobStore>());
        Assert.IsType(journal, app.Services.GetRequiredService<IEventJournalStore>());
        Assert.IsType<MinionCache>(app.Services.GetRequiredService<IMinionStore>());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // The in-memory bus starts without holding up the host, so the first publish may come before its endpoint.
    private static async Task<bool> PublishUntilConsumedAsync(IEventPublisher publisher, StreamSubscription watch, EventEnvelope sent)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!deadline.IsCancellationRequested)
        {
            await publisher.PublishAsync(sent, CancellationToken.None);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                // The reactor's own events go by too.
                while ((await watch.Reader.ReadAsync(wait.Token)).Id != sent.Id)
                {
                }

                return true;
            }
            catch (OperationCanceledException)
            {
                // Not consumed yet: publish again (the same id) until the deadline.
            }
        }

        return false;
    }
}
