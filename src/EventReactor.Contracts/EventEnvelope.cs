using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventReactor.Contracts;

/// <summary>
/// An event on the EventReactor bus. Its JSON form, everywhere (bus, HTTP, CLI), is a CloudEvents 1.0
/// structured event with the tag in the <c>tag</c> extension attribute; see <see cref="CloudEventJsonConverter"/>.
/// </summary>
[JsonConverter(typeof(CloudEventJsonConverter))]
public sealed record EventEnvelope
{
    /// <summary>Unique id; reactions are idempotent per (rule, id).</summary>
    public required string Id { get; init; }

    /// <summary>Slash-separated tag, most general first, e.g. <c>minion/web1/docker/container/die</c>.</summary>
    public required string Tag { get; init; }

    /// <summary>Who published the event, as a URI reference such as <c>/minion/web1</c>.</summary>
    public required string Source { get; init; }

    /// <summary>When the event happened at its source.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The minion the event came from, when it came from one.</summary>
    public string? Minion { get; init; }

    /// <summary>The payload; always a JSON object.</summary>
    public JsonElement Data { get; init; } = EmptyData;

    /// <summary>Id of the event whose reaction published this one.</summary>
    public string? CausedBy { get; init; }

    /// <summary>Length of the causation chain: 0 for an original event.</summary>
    public int Depth { get; init; }

    /// <summary>W3C trace context (CloudEvents distributed tracing extension), so one trace follows an event through its reactions.</summary>
    public string? TraceParent { get; init; }

    /// <summary>An empty JSON object.</summary>
    public static JsonElement EmptyData { get; } = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Creates an original event with a fresh id and the current time.</summary>
    public static EventEnvelope Create(string tag, string source, JsonElement? data = null, string? minion = null) => new()
    {
        Id = NewId(),
        Tag = tag,
        Source = source,
        Time = DateTimeOffset.UtcNow,
        Minion = minion,
        Data = data ?? EmptyData,
    };

    /// <summary>Creates an event caused by this one: it points back here and sits one level deeper.</summary>
    public EventEnvelope CreateCaused(string tag, string source, JsonElement? data = null) => Create(tag, source, data) with
    {
        CausedBy = Id,
        Depth = Depth + 1,
    };

    /// <summary>The payload read as one of the payload records (see <see cref="EventData.Read{T}"/>); null when it has another shape.</summary>
    public T? DataAs<T>() where T : class => EventData.Read<T>(Data);

    /// <summary>A new event id: time-ordered (UUID v7) so ids sort by creation.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
