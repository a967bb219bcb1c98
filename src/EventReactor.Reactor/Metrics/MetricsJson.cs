using System.Text.Json;

namespace EventReactor.Reactor.Metrics;

/// <summary>How batches are read (camelCase, as the minion writes them) and documents are written.</summary>
internal static class MetricsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
