using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EventReactor.Core.Benchmarks;

/// <summary>
/// Reads a repetition's values from its container's output with the suite's readers. Where a metric is printed more
/// than once, the last value counts (benchmarks often print progress before the final figure). A reader that finds
/// nothing is an error: a run that printed no result did not measure anything.
/// </summary>
public static class ResultExtractor
{
    public static IReadOnlyList<MetricValue> Extract(IReadOnlyList<ResultReader> readers, string output)
    {
        var values = new Dictionary<string, MetricValue>(StringComparer.Ordinal);
        foreach (var reader in readers)
        {
            var found = reader.Kind == ResultReaderKind.Regex ? FromRegex(reader, output) : FromJsonLines(reader, output);
            if (found.Count == 0)
            {
                throw new ResultExtractionException(reader.Kind == ResultReaderKind.Regex
                    ? $"{reader.Where}: the regex '{reader.Pattern}' matched nothing in the output"
                    : $"{reader.Where}: no line of the output is a JSON object with 'metric' and a numeric 'value'");
            }

            foreach (var value in found)
            {
                values[value.Metric] = value;
            }
        }

        return values.Values.ToList();
    }

    private static List<MetricValue> FromRegex(ResultReader reader, string output)
    {
        var found = new List<MetricValue>();
        try
        {
            foreach (Match match in reader.Pattern!.Matches(output))
            {
                var text = match.Groups["value"].Value;
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    throw new ResultExtractionException($"{reader.Where}: the value '{text}' is not a number");
                }

                var metric = match.Groups["metric"] is { Success: true } m && m.Length > 0 ? m.Value : reader.Metric!;
                var unit = match.Groups["unit"] is { Success: true } u && u.Length > 0 ? u.Value : reader.Unit ?? string.Empty;
                found.Add(new MetricValue(metric, value, unit, reader.HigherIsBetter));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            throw new ResultExtractionException($"{reader.Where}: the regex '{reader.Pattern}' took too long over the output");
        }

        return found;
    }

    private static List<MetricValue> FromJsonLines(ResultReader reader, string output)
    {
        var found = new List<MetricValue>();
        foreach (var line in output.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith('{'))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(trimmed);
                var root = document.RootElement;
                if (root.TryGetProperty("metric", out var metric) && metric.ValueKind == JsonValueKind.String
                    && root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number)
                {
                    var unit = root.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : string.Empty;
                    var higher = root.TryGetProperty("higherIsBetter", out var h) && h.ValueKind is JsonValueKind.True or JsonValueKind.False ? h.GetBoolean() : reader.HigherIsBetter;
                    found.Add(new MetricValue(metric.GetString()!, value.GetDouble(), unit, higher));
                }
            }
            catch (JsonException)
            {
                // Other output that happens to start with a brace.
            }
        }

        return found;
    }
}
