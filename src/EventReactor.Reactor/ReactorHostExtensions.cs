using EventReactor.Core.Evaluation;
using EventReactor.Messaging;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Health;
using EventReactor.Reactor.Http;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Pools.Provisioning;
using EventReactor.Reactor.Targeting;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.Reactions;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.Security;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Streaming;
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
    /// <summary>Adds the reactor: rules, actions, the event consumer and the HTTP API's services.</summary>
    public static WebApplicationBuilder AddReactor(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReactorOptions>().BindConfiguration(ReactorOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReactorOptions>, ReactorOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(HttpPostAction.ClientName);
        builder.Services.AddSingleton<IActionHandler, EventFireAction>();
        builder.Services.AddSingleton<IActionHandler, LogAction>();
        builder.Services.AddSingleton<IActionHandler, HttpPostAction>();
        builder.Services.AddSingleton<IActionHandler, MinionRunAction>();
        builder.Services.AddSingleton<MinionRegistry>();
        builder.Services.AddSingleton<IMinionStore>(services => services.GetRequiredService<MinionRegistry>());
        builder.Services.AddSingleton<IEventObserver>(services => services.GetRequiredService<MinionRegistry>());
        builder.Services.AddSingleton<IActionHandler, PoolAddAction>();
        builder.Services.AddSingleton<IActionHandler, PoolRemoveAction>();
        builder.Services.AddSingleton<IActionHandler, PoolScaleAction>();
        builder.Services.AddSingleton<TargetResolver>();
        builder.Services.AddSingleton<PoolCatalog>();
        builder.Services.AddSingleton<IPoolStore, SqlitePoolStore>();
        builder.Services.AddSingleton<PoolState>();
        builder.Services.AddSingleton<PoolSignal>();
        builder.Services.AddSingleton<PoolService>();
        builder.Services.AddSingleton<IMinionProvider, ProcessMinionProvider>();
        builder.Services.AddSingleton<IEventObserver, PoolMembershipObserver>();
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddSingleton<IEventObserver>(services => services.GetRequiredService<JobStore>());
        builder.Services.AddSingleton<ActionRegistry>();
        builder.Services.AddSingleton<RuleSetProvider>();
        builder.Services.AddSingleton<EventStreamHub>();
        builder.Services.AddSingleton<IThrottleGate>(services => new ThrottleGate(services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(services => new RuleEvaluator(
            services.GetRequiredService<IOptions<ReactorOptions>>().Value.MaxDepth,
            services.GetRequiredService<IThrottleGate>()));
        builder.Services.AddSingleton<ReactorDatabase>();
        builder.Services.AddSingleton<IReactionLedger, SqliteReactionLedger>();
        builder.Services.AddSingleton<SqliteAuditLog>();
        builder.Services.AddSingleton<IAuditLog>(services => services.GetRequiredService<SqliteAuditLog>());
        builder.Services.AddSingleton<RetryPipelines>();
        builder.Services.AddScoped<ActionExecutor>();
        builder.Services.AddScoped<EventProcessor>();

        // Registered before the bus, in this order, so that the schema and the rules are in place before the first event.
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHostedService<RuleSetStartupLoader>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SqliteAuditLog>());
        builder.Services.AddHostedService<RulesWatcher>();
        builder.Services.AddHostedService<PresenceMonitor>();
        builder.Services.AddHostedService<PoolReconciler>();

        builder.Services.AddSingleton<ApiToken>();
        builder.Services.AddHostedService<ApiSecurityNotice>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<RulesLoadedCheck>("rules")
            .AddCheck<StoreWritableCheck>("store");

        var http = builder.Configuration.GetSection(ReactorOptions.Section).Get<ReactorOptions>()?.Http ?? new ReactorOptions().Http;
        builder.WebHost.UseUrls(http);

        var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        builder.AddEventBusPart(registration => registration.AddConsumer<EventConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = EventBusNames.ReactorQueue;
            endpoint.ConcurrentMessageLimit = bus.ConcurrentMessageLimit;
            endpoint.PrefetchCount = bus.PrefetchCount;
        }));
        return builder;
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
        app.MapPoolEndpoints();
        return app;
    }
}
