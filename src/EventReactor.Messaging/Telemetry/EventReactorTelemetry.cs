using System.Diagnostics;
using System.Diagnostics.Metrics;
using EventReactor.Contracts;

namespace EventReactor.Messaging.Telemetry;

/// <summary>
/// Traces and metrics of EventReactor. The trace context travels inside each event (the CloudEvents
/// <c>traceparent</c> attribute), so one trace follows a Docker event through the outbox, the bus, the rules and the
/// actions to the command a minion runs, whatever the transport does with headers.
/// </summary>
public static class EventReactorTelemetry
{
    public const string Name = "EventReactor";

    /// <summary>The span attribute holding the event's id (OpenTelemetry's messaging convention), set on the reactor's <c>event</c> span.</summary>
    public const string MessageIdAttribute = "messaging.message.id";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    public static Counter<long> EventsReceived { get; } = Meter.CreateCounter<long>("eventreactor.events.received", "{event}", "Events the reactor consumed, by tag prefix");

    public static Counter<long> EventsPublished { get; } = Meter.CreateCounter<long>("eventreactor.events.published", "{event}", "Events published, by tag prefix");

    public static Counter<long> RuleEvaluations { get; } = Meter.CreateCounter<long>("eventreactor.rules.evaluations", "{evaluation}", "Rule evaluations, by outcome");

    public static Histogram<double> ActionDuration { get; } = Meter.CreateHistogram<double>("eventreactor.actions.duration", "ms", "How long actions took, by action and status");

    /// <summary>The first segment of a tag, e.g. <c>minion</c> or <c>job</c>: a label with few values.</summary>
    public static KeyValuePair<string, object?> TagPrefix(string tag) => new("tag.prefix", tag.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? tag[..slash] : tag);

    /// <summary>Starts a span continuing the trace that came with a message, or a new trace when none did.</summary>
    public static Activity? StartFrom(string name, ActivityKind kind, string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);

    /// <summary>The event carrying the current span's context, unless it already carries one.</summary>
    public static EventEnvelope Stamp(EventEnvelope envelope) =>
        envelope.TraceParent is null && Activity.Current?.Id is { } current ? envelope with { TraceParent = current } : envelope;
}
