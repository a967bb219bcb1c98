using System.Text.RegularExpressions;
using EventReactor.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace EventReactor.Core.Benchmarks;

/// <summary>Reads a suite's <c>results</c>: a list of readers, each a <c>regex</c> with a <c>value</c> group or <c>json_lines: true</c>.</summary>
internal static class SuiteResultsParser
{
    // Bounds a pathological pattern over a large output; a benchmark's output is read once per repetition.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private static readonly string[] ReaderKeys = ["regex", "json_lines", "metric", "unit", "higher_is_better"];

    public static IReadOnlyList<ResultReader>? Parse(SuiteNodeReader reader, YamlNode node)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            reader.Error(node, "'results' must be a non-empty list of readers such as - { regex: 'rate: (?<value>[0-9.]+)', metric: rate, unit: op/s }");
            return null;
        }

        var readers = new List<ResultReader>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (ParseReader(reader, list.Children[i], $"results[{i}]") is { } parsed)
            {
                readers.Add(parsed);
            }
        }

        return readers;
    }

    private static ResultReader? ParseReader(SuiteNodeReader reader, YamlNode node, string where)
    {
        if (reader.Mapping(node, where, ReaderKeys) is not { } settings)
        {
            return null;
        }

        var metric = reader.String(settings, "metric");
        var unit = reader.String(settings, "unit");
        var higherIsBetter = reader.Bool(settings, "higher_is_better") ?? true;
        var jsonLines = reader.Bool(settings, "json_lines") ?? false;
        if (settings.ContainsKey("regex") == jsonLines)
        {
            reader.Error(node, $"{where} needs exactly one of 'regex' (a pattern with a (?<value>...) group) and 'json_lines: true'");
            return null;
        }

        if (jsonLines)
        {
            if (metric is not null || unit is not null)
            {
                reader.Error(settings.GetValueOrDefault("metric") ?? settings["unit"], $"{where}: with json_lines each line names its own 'metric' and 'unit'");
                return null;
            }

            return new ResultReader(ResultReaderKind.JsonLines, null, null, null, higherIsBetter, where);
        }

        if (reader.String(settings, "regex") is not { } pattern)
        {
            return null;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            reader.Error(settings["regex"], $"{where}: the regex does not compile: {ex.Message}");
            return null;
        }

        var groups = regex.GetGroupNames();
        if (!groups.Contains("value"))
        {
            reader.Error(settings["regex"], $"{where}: the regex needs a named group 'value', e.g. 'rate: (?<value>[0-9.]+)'");
            return null;
        }

        if (metric is null && !groups.Contains("metric"))
        {
            reader.Error(node, $"{where} needs 'metric', or a named group 'metric' in its regex");
            return null;
        }

        return new ResultReader(ResultReaderKind.Regex, regex, metric, unit, higherIsBetter, where);
    }
}
