using System.Runtime.CompilerServices;
using EventReactor.Messaging.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EventReactor.Messaging;

public static class TelemetryExtensions
{
    /// <summary>
    /// Collects EventReactor's traces (and MassTransit's) and metrics and exports them with OTLP when the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set (the other <c>OTEL_*</c> variables apply as usual). Without it
    /// nothing is registered and OpenTelemetry's assemblies are never loaded: spans and metrics that nothing exports cost a
    /// minion memory on the host it measures (docs/performance.md, "Minion footprint").
    /// </summary>
    public static IHostApplicationBuilder AddEventReactorTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
        {
            AddExport(builder, serviceName);
        }

        return builder;
    }

    // A method of its own, never inlined, so that compiling the caller does not load OpenTelemetry's assemblies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddExport(IHostApplicationBuilder builder, string serviceName) =>
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? serviceName))
            .WithTracing(tracing => tracing.AddSource(EventReactorTelemetry.Name, "MassTransit").AddOtlpExporter())
            .WithMetrics(metrics => metrics.AddMeter(EventReactorTelemetry.Name).AddOtlpExporter());
}
