using EventReactor.Messaging;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Http;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.Streaming;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor;

public static class ReactorHostExtensions
{
    /// <summary>Adds the reactor: rules, actions, the event consumer and the HTTP API's services.</summary>
    public static WebApplicationBuilder AddReactor(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReactorOptions>().BindConfiguration(ReactorOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReactorOptions>, ReactorOptionsValidator>();
        builder.Services.AddSingleton<IActionHandler, EventFireAction>();
        builder.Services.AddSingleton<IActionHandler, LogAction>();
        builder.Services.AddSingleton<ActionRegistry>();
        builder.Services.AddSingleton<RuleSetProvider>();
        builder.Services.AddSingleton<EventStreamHub>();
        builder.Services.AddScoped<EventProcessor>();

        // Registered before the bus so that rules are in force before the first event is consumed.
        builder.Services.AddHostedService<RuleSetStartupLoader>();

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
        app.MapHealthEndpoints();
        app.MapEventEndpoints();
        return app;
    }
}
