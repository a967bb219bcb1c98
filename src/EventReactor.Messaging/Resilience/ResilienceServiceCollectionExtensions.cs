using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Polly;
using Polly.Registry;
using Polly.Retry;
using Polly.Telemetry;

namespace EventReactor.Messaging.Resilience;

/// <summary>Registers named pipelines on the process's <see cref="TimeProvider"/>, so that a fake clock drives every wait in tests.</summary>
public static class ResilienceServiceCollectionExtensions
{
    /// <summary>The bus's own pipelines (<see cref="ResiliencePipelineNames.DirectPublish"/>, <see cref="ResiliencePipelineNames.BrokerManagement"/>); safe to call more than once.</summary>
    public static IServiceCollection AddEventReactorResilience(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(EventReactorResilienceMarker)))
        {
            return services;
        }

        services.AddSingleton<EventReactorResilienceMarker>();
        services.TryAddSingleton(TimeProvider.System);

        // The callers log each wait in their own words; Polly's own events stay at debug.
        services.Configure<TelemetryOptions>(options => options.SeverityProvider = static _ => ResilienceEventSeverity.Debug);
        services.AddForeverRetry(ResiliencePipelineNames.DirectPublish, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        services.AddResiliencePipeline(ResiliencePipelineNames.BrokerManagement, (builder, context) =>
        {
            builder.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(250),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(ex => (int?)ex.StatusCode >= 500),
            });
        });
        return services;
    }

    /// <summary>Adds a named <see cref="ForeverRetry"/> pipeline, optionally with a timeout on each try.</summary>
    public static IServiceCollection AddForeverRetry(this IServiceCollection services, string name, TimeSpan first, TimeSpan max, TimeSpan? attemptTimeout = null) =>
        services.AddForeverRetry(name, _ => (first, max, attemptTimeout));

    /// <summary>Adds a named <see cref="ForeverRetry"/> pipeline whose settings come from the service provider (options).</summary>
    public static IServiceCollection AddForeverRetry(this IServiceCollection services, string name, Func<IServiceProvider, (TimeSpan First, TimeSpan Max, TimeSpan? AttemptTimeout)> settings) =>
        services.AddResiliencePipeline(name, (builder, context) =>
        {
            builder.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var (first, max, attemptTimeout) = settings(context.ServiceProvider);
            builder.AddRetry(ForeverRetry.Options(first, max));
            if (attemptTimeout is { } timeout)
            {
                builder.AddTimeout(timeout);
            }
        });

    /// <summary>The pipeline registered under <paramref name="name"/>.</summary>
    public static ResiliencePipeline GetResiliencePipeline(this IServiceProvider services, string name) =>
        services.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(name);
}
