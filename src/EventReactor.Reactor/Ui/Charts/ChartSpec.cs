using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventReactor.Reactor.Ui.Charts;

/// <summary>A chart as the page hands it to ui.js (JSON in the page): what to draw, never how it looks.</summary>
public sealed record ChartSpec(string Id, ChartKind Kind, string Title, string Unit, IReadOnlyList<double> X, IReadOnlyList<ChartSeries> Series)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Category names under the x positions 0..n−1 (bars and grouped points).</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>The JSON for a <c>script type="application/json"</c> block; '&lt;' is escaped so no text can close the block.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json).Replace("<", "\\u003c", StringComparison.Ordinal);
}
