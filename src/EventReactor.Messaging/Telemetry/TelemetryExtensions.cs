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
    /// Collects EventReactor's traces (and MassTransit's) and metrics; exports them with OTLP when the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set (the other <c>OTEL_*</c> variables apply as usual).
    /// </summary>
    public static IHostApplicationBuilder AddEventReactorTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var export = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(EventReactorTelemetry.Name, "MassTransit");
                if (export)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EventReactorTelemetry.Name);
                if (export)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }
}
