using EventReactor.Core.Evaluation;
using EventReactor.Messaging;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.Health;
using EventReactor.Reactor.Http;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Metrics;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Pools.Provisioning;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.Reactions;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.Security;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Streaming;
using EventReactor.Reactor.Targeting;
using EventReactor.Reactor.Ui;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor;

public static class ReactorHostExtensions
{
    /// <summary>Adds the reactor: rules, actions, state, pools, the event consumer and the HTTP API's services.</summary>
    public static WebApplicationBuilder AddReactor(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReactorOptions>().BindConfiguration(ReactorOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReactorOptions>, ReactorOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        AddState(builder.Services);
        AddRules(builder.Services);
        AddActions(builder.Services);
        AddBenchmarks(builder.Services);
        AddMinionsJobsAndPools(builder.Services);
        builder.Services.AddMetricSinks(builder.Configuration);
        builder.Services.AddDashboard();
        AddHttpApi(builder);

        // Start-up steps run in the host's starting phase, before any hosted service starts: the schema is migrated
        // (StateInitializer) and the rules are loaded (RuleSetStartupLoader). The bus is registered when the host is
        // built, after all of these, so no registration order carries meaning.
        builder.Services.AddHostedService<StateInitializer>();
        builder.Services.AddHostedService<RuleSetStartupLoader>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AuditWriter>());
        builder.Services.AddHostedService<RulesWatcher>();
        builder.Services.AddHostedService<PresenceMonitor>();
        builder.Services.AddHostedService<PoolReconciler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BenchmarkRunner>());
        builder.Services.AddHostedService<ApiSecurityNotice>();
        builder.Services.AddHostedService<TopologyDeclarer>();
        builder.Services.AddHostedService<OutboxEvaluator>();
        builder.Services.AddHostedService<OutboxPublisher>();

        var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        builder.AddEventBusPart(registration =>
        {
            registration.AddConsumer<EventConsumer>().Endpoint(endpoint =>
            {
                endpoint.Name = EventBusNames.ReactorQueue;
                endpoint.ConcurrentMessageLimit = bus.ConcurrentMessageLimit;
                endpoint.PrefetchCount = bus.PrefetchCount;
            });

            // On RabbitMQ the queue binds the ingress exchange with '#' (the empty key of a plain publisher included),
            // never eventreactor.all, which carries what the reactor emits and chains in-process.
            registration.AddConfigureEndpointsCallback((_, name, endpoint) =>
            {
                if (name == EventBusNames.ReactorQueue && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.ConfigureConsumeTopology = false;
                    rabbit.Bind(EventBusNames.EventsExchange, binding =>
                    {
                        binding.ExchangeType = RabbitMQ.Client.ExchangeType.Topic;
                        binding.RoutingKey = EventBusNames.EveryKey;
                    });
                }
            });
        });
        return builder;
    }

    private static void AddState(IServiceCollection services)
    {
        services.AddSingleton<ReactorDatabase>();
        services.AddSingleton<IReactionLedger, SqliteReactionLedger>();
        services.AddSingleton<IReactorOutbox, SqliteReactorOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IEventEmitter, OutboxEventEmitter>();
        services.AddSingleton<IAuditStore, SqliteAuditStore>();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<IAuditLog>(provider => provider.GetRequiredService<AuditWriter>());
    }

    private static void AddRules(IServiceCollection services)
    {
        services.AddSingleton<RuleSetProvider>();
        services.AddSingleton<IThrottleGate>(provider => new ThrottleGate(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new RuleEvaluator(
            provider.GetRequiredService<IOptions<ReactorOptions>>().Value.MaxDepth,
            provider.GetRequiredService<IThrottleGate>()));
        services.AddSingleton<EventStreamHub>();
        services.AddScoped<EventProcessor>();
        services.AddScoped<EventPipeline>();
    }

    private static void AddActions(IServiceCollection services)
    {
        services.AddHttpClient(HttpPostAction.ClientName);
        services.AddSingleton<IActionHandler, EventFireAction>();
        services.AddSingleton<IActionHandler, LogAction>();
        services.AddSingleton<IActionHandler, HttpPostAction>();
        services.AddSingleton<IActionHandler, MinionRunAction>();
        services.AddSingleton<IActionHandler, PoolAddAction>();
        services.AddSingleton<IActionHandler, PoolRemoveAction>();
        services.AddSingleton<IActionHandler, PoolScaleAction>();
        services.AddSingleton<IActionHandler, BenchmarkRunAction>();
        services.AddSingleton<ActionRegistry>();
        services.AddSingleton<RetryPipelines>();
        services.AddScoped<ActionExecutor>();
    }

    // State that follows the bus (IEventObserver) and what is built on it: targeting, jobs, pools and provisioning.
    private static void AddMinionsJobsAndPools(IServiceCollection services)
    {
        services.AddSingleton<SqliteMinionStore>();
        services.AddSingleton(provider => new MinionCache(provider.GetRequiredService<SqliteMinionStore>()));
        services.AddSingleton<IMinionStore>(provider => provider.GetRequiredService<MinionCache>());
        services.AddSingleton<MinionPresence>();
        services.AddSingleton<IEventObserver>(provider => provider.GetRequiredService<MinionPresence>());
        services.AddSingleton<IJobStore, SqliteJobStore>();
        services.AddSingleton<IEventObserver, JobReturnObserver>();
        services.AddSingleton<IJobDispatcher, JobDispatcher>();
        services.AddSingleton<TargetResolver>();
        services.AddSingleton<PoolCatalog>();
        services.AddSingleton<IPoolStore, SqlitePoolStore>();
        services.AddSingleton<PoolState>();
        services.AddSingleton<PoolSignal>();
        services.AddSingleton<PoolService>();
        services.AddSingleton<IMinionProvider, ProcessMinionProvider>();
        services.AddSingleton<IEventObserver, PoolMembershipObserver>();
    }

    // Benchmark runs (issue #6): suites from Reactor:Benchmarks:Path, a runner that follows its jobs on the bus, results.
    private static void AddBenchmarks(IServiceCollection services)
    {
        services.AddOptions<BenchmarkOptions>().BindConfiguration(BenchmarkOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BenchmarkOptions>, BenchmarkOptionsValidator>();
        services.AddSingleton<IBenchmarkStore, SqliteBenchmarkStore>();
        services.AddSingleton<RepetitionExecutor>();
        services.AddSingleton<IEventObserver>(provider => provider.GetRequiredService<RepetitionExecutor>());
        services.AddSingleton<BenchmarkRunner>();
        services.AddSingleton<BenchmarkService>();
        services.AddSingleton<BenchmarkResultsQuery>();
        services.AddSingleton<BenchmarkComparer>();
        services.AddSingleton<RegressionCheck>();
        services.AddSingleton<NoisyHostsQuery>();
    }

    private static void AddHttpApi(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiToken>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<RulesLoadedCheck>("rules")
            .AddCheck<StoreWritableCheck>("store");
        var http = builder.Configuration.GetSection(ReactorOptions.Section).Get<ReactorOptions>()?.Http ?? new ReactorOptions().Http;
        builder.WebHost.UseUrls(http);
    }

    /// <summary>Maps the reactor's HTTP API.</summary>
    public static WebApplication MapReactor(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ApiTokenMiddleware>();
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapEventEndpoints();
        app.MapAuditEndpoints();
        app.MapStateEndpoints();
        app.MapStatusEndpoints();
        app.MapBenchmarkEndpoints();
        app.MapPoolEndpoints();
        app.MapMetricsEndpoints();
        app.MapDashboard();
        return app;
    }
}
