using EventReactor.Core.Evaluation;
using EventReactor.Messaging;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.Broker;
using EventReactor.Reactor.Health;
using EventReactor.Reactor.Http;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Metrics;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Pools.Provisioning;
using EventReactor.Reactor.Pools.Provisioning.Ssh;
using EventReactor.Messaging.Resilience;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.Reactions;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.Security;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Streaming;
using EventReactor.Reactor.Targeting;
using EventReactor.Reactor.Throttles;
using EventReactor.Reactor.Ui;
using MassTransit;
using Polly;
using Polly.Retry;
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
        AddState(builder.Services, builder.Configuration);
        AddRules(builder.Services);
        AddActions(builder.Services);
        AddBenchmarks(builder.Services);
        AddKeys(builder.Services);
        AddMinionsJobsAndPools(builder.Services);
        builder.Services.AddMetricSinks(builder.Configuration);
        AddJournal(builder.Services);
        builder.Services.AddDashboard();
        AddHttpApi(builder);

        // Start-up steps run in the host's starting phase, before any hosted service starts: the schema is migrated
        // (StateInitializer) and the rules are loaded (RuleSetStartupLoader). The bus is registered when the host is
        // built, after all of these, so no registration order carries meaning.
        builder.Services.AddHostedService<StateInitializer>();
        builder.Services.AddHostedService<RuleSetStartupLoader>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AuditWriter>());
        builder.Services.AddHostedService<RulesWatcher>();
        builder.Services.AddHostedService<ReactorLivenessRenewer>();
        builder.Services.AddHostedService<PresenceMonitor>();
        builder.Services.AddHostedService<PoolReconciler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BenchmarkRunner>());
        builder.Services.AddHostedService<ApiSecurityNotice>();
        builder.Services.AddSingleton<TopologyState>();
        builder.Services.AddSingleton<BusStarted>();
        builder.Services.AddHostedService<TopologyDeclarer>();
        builder.Services.AddHostedService<PartitionConsumers>();
        builder.Services.AddHostedService<OutboxEvaluator>();
        builder.Services.AddHostedService<OutboxPublisher>();

        ReactorBusRegistration.Add(builder);
        return builder;
    }

    // One back end holds every store: SQLite in the data folder unless Reactor:State names a PostgreSQL database (a bad
    // URL is reported by ReactorOptionsValidator at start, naming the key, before any store is used).
    private static void AddState(IServiceCollection services, IConfiguration configuration)
    {
        var state = configuration.GetSection(ReactorOptions.Section).GetValue<string?>(nameof(ReactorOptions.State));
        if (string.IsNullOrWhiteSpace(state))
        {
            services.AddSingleton<ReactorDatabase>();
            services.AddSingleton<IStateDatabase>(provider => provider.GetRequiredService<ReactorDatabase>());
            services.AddSingleton<IReactionLedger, SqliteReactionLedger>();
            services.AddSingleton<IReactorOutbox, SqliteReactorOutbox>();
            services.AddSingleton<IAuditStore, SqliteAuditStore>();
            services.AddSingleton(provider => new MinionCache(ActivatorUtilities.CreateInstance<SqliteMinionStore>(provider)));
            services.AddSingleton<IJobStore, SqliteJobStore>();
            services.AddSingleton<IPoolStore, SqlitePoolStore>();
            services.AddSingleton<IMinionKeyStore, SqliteMinionKeyStore>();
            services.AddSingleton<IBenchmarkStore, SqliteBenchmarkStore>();
            services.AddSingleton<IEventJournalStore, SqliteEventJournalStore>();
            services.AddSingleton<ILeaseStore, SqliteLeaseStore>();
            services.AddSingleton<IThrottleGate>(provider => new ThrottleGate(provider.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton<ReactorPostgresDatabase>();
            services.AddSingleton<IStateDatabase>(provider => provider.GetRequiredService<ReactorPostgresDatabase>());
            services.AddSingleton<IReactionLedger, PostgresReactionLedger>();
            services.AddSingleton<IReactorOutbox, PostgresReactorOutbox>();
            services.AddSingleton<IAuditStore, PostgresAuditStore>();
            services.AddSingleton(provider => new MinionCache(ActivatorUtilities.CreateInstance<PostgresMinionStore>(provider)));
            services.AddSingleton<IJobStore, PostgresJobStore>();
            services.AddSingleton<IPoolStore, PostgresPoolStore>();
            services.AddSingleton<IMinionKeyStore, PostgresMinionKeyStore>();
            services.AddSingleton<IBenchmarkStore, PostgresBenchmarkStore>();
            services.AddSingleton<IEventJournalStore, PostgresEventJournalStore>();
            services.AddSingleton<ILeaseStore, PostgresLeaseStore>();
            services.AddSingleton<IThrottleGate, PostgresThrottleGate>();

            // Only a shared outbox has another reactor's events to take over (on SQLite every event is this reactor's).
            services.AddHostedService<OutboxAdopter>();
        }

        services.AddOptions<LeaseOptions>().BindConfiguration(LeaseOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LeaseOptions>, LeaseOptionsValidator>();
        services.AddSingleton<LeaseKeeper>();
        services.AddSingleton(provider => new ReactorLiveness(
            provider.GetRequiredService<ILeaseStore>(),
            provider.GetRequiredService<LeaseKeeper>().Holder,
            provider.GetRequiredService<IOptions<LeaseOptions>>().Value.Duration,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IEventEmitter, OutboxEventEmitter>();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<IAuditLog>(provider => provider.GetRequiredService<AuditWriter>());
    }

    // The journal of evaluated events (Reactor:Journal) and what reads it: the dashboard's event pages and replays.
    private static void AddJournal(IServiceCollection services)
    {
        services.AddOptions<JournalOptions>().BindConfiguration(JournalOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JournalOptions>, JournalOptionsValidator>();
        services.AddSingleton<EventJournal>();
        services.AddSingleton<IEventObserver>(provider => provider.GetRequiredService<EventJournal>());
        services.AddHostedService(provider => provider.GetRequiredService<EventJournal>());
        services.AddSingleton<RuleReplay>();
    }

    private static void AddRules(IServiceCollection services)
    {
        services.AddOptions<RuleHealthOptions>().BindConfiguration(RuleHealthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RuleHealthOptions>, RuleHealthOptionsValidator>();
        services.AddSingleton<RuleHealthFlagger>();
        services.AddSingleton<RuleStatsQuery>();
        services.AddSingleton<RuleSetProvider>();
        services.AddSingleton(provider => new RuleEvaluator(
            provider.GetRequiredService<IOptions<ReactorOptions>>().Value.MaxDepth,
            provider.GetRequiredService<IThrottleGate>()));
        services.AddSingleton<EventStreamHub>();
        // Singletons, like everything they use: resolving their graph for every event was a visible share of a flood's CPU.
        services.AddSingleton<EventProcessor>();
        services.AddSingleton<EventPipeline>();
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
        services.AddSingleton<ActionExecutor>();
    }

    // Minion keys and enrollment, the reactor's own key (issue #11).
    private static void AddKeys(IServiceCollection services)
    {
        services.AddOptions<KeyOptions>().BindConfiguration(KeyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyOptions>, KeyOptionsValidator>();
        services.AddSingleton<ReactorKey>();
        services.AddSingleton<MinionKeyService>();
        services.AddSingleton<IMinionTrust>(provider => provider.GetRequiredService<MinionKeyService>());
        services.AddSingleton<MinionEventTrust>();
        AddBrokerIdentity(services);
    }

    // Per-minion broker users and the identity check on events (issue #14 part 3).
    private static void AddBrokerIdentity(IServiceCollection services)
    {
        services.AddOptions<BrokerIdentityOptions>().BindConfiguration(BrokerIdentityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrokerIdentityOptions>, BrokerIdentityOptionsValidator>();
        services.AddHttpClient<RabbitManagementClient>(RabbitManagementClient.ClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<BrokerAccounts>();
        services.AddSingleton<IEventIdentityCheck, BrokerIdentityCheck>();
        services.AddHostedService<BrokerIdentityStartupCheck>();
    }

    // State that follows the bus (IEventObserver) and what is built on it: targeting, jobs, pools and provisioning.
    private static void AddMinionsJobsAndPools(IServiceCollection services)
    {
        services.AddSingleton<IMinionStore>(provider => provider.GetRequiredService<MinionCache>());
        services.AddSingleton<MinionPresence>();
        services.AddSingleton<IEventObserver>(provider => provider.GetRequiredService<MinionPresence>());
        services.AddSingleton<IEventObserver, JobReturnObserver>();
        services.AddSingleton<IJobDispatcher, JobDispatcher>();
        services.AddSingleton<TargetResolver>();
        services.AddSingleton<PoolCatalog>();
        services.AddSingleton<PoolState>();
        services.AddSingleton<PoolSignal>();
        services.AddSingleton<PoolService>();
        services.AddSingleton<IMinionProvider, ProcessMinionProvider>();
        services.AddSingleton<IMinionProvider, SshMinionProvider>();
        services.AddOptions<SshProviderOptions>().BindConfiguration(SshProviderOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SshProviderOptions>, SshProviderOptionsValidator>();
        services.AddSingleton<MinionBuild>();
        services.AddResiliencePipeline(ResiliencePipelineNames.SshProvision, (builder, context) =>
        {
            builder.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<MinionProvisioningException>(ex => ex.Transient),
            });
        });
        services.AddSingleton<IEventObserver, PoolMembershipObserver>();
    }

    // Benchmark runs (issue #6): suites from Reactor:Benchmarks:Path, a runner that follows its jobs on the bus, results.
    private static void AddBenchmarks(IServiceCollection services)
    {
        services.AddOptions<BenchmarkOptions>().BindConfiguration(BenchmarkOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BenchmarkOptions>, BenchmarkOptionsValidator>();
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
        builder.Services.AddSingleton<ApiTokens>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<RulesLoadedCheck>("rules")
            .AddCheck<StoreWritableCheck>("store")
            .AddCheck<TopologyDeclaredCheck>("topology");
        var reactor = builder.Configuration.GetSection(ReactorOptions.Section).Get<ReactorOptions>() ?? new ReactorOptions();
        builder.WebHost.UseUrls(reactor.Http);

        // Read when Kestrel binds, after the options validator has named any missing or bad file.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            https.ServerCertificate = CertificateTrust.LoadPair(reactor.HttpsCertificateFile, reactor.HttpsKeyFile)));
    }

    /// <summary>Maps the reactor's HTTP API.</summary>
    public static WebApplication MapReactor(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ScopeMiddleware>();
        app.MapOpenApi().RequireScope(ApiScope.Read);
        app.MapHealthEndpoints();
        app.MapEventEndpoints();
        app.MapAuditEndpoints();
        app.MapRuleEndpoints();
        app.MapReplayEndpoints();
        app.MapStateEndpoints();
        app.MapStatusEndpoints();
        app.MapBenchmarkEndpoints();
        app.MapPoolEndpoints();
        app.MapKeyEndpoints();
        app.MapMetricsEndpoints();
        app.MapDashboard();
        return app;
    }
}
