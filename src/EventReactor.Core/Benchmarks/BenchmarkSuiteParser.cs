using System.Text.RegularExpressions;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Rules;
using EventReactor.Core.Targeting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EventReactor.Core.Benchmarks;

/// <summary>Parses a suite file, reporting every problem as <c>file:line:column: message</c>; null when there is any.</summary>
public static partial class BenchmarkSuiteParser
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private static readonly string[] SuiteKeys =
        ["name", "description", "image", "command", "env", "resources", "devices", "gpus", "network", "requirements", "warmup", "repetitions", "retries", "timeout", "metrics", "results"];

    public static BenchmarkSuite? Parse(string file, string text, ICollection<RuleDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new RuleDiagnostic(RuleYamlReader.At(file, ex.Start), $"YAML: {(ex.InnerException as YamlException ?? ex).Message}"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new RuleDiagnostic(new SourceLocation(file, 1, 1), "the suite file is empty; a suite needs at least 'image' and 'results'"));
            return null;
        }

        var reader = new SuiteNodeReader(file, diagnostics);
        var root = stream.Documents[0].RootNode;
        var errors = reader.Errors;
        if (reader.Mapping(root, "a suite", SuiteKeys) is not { } values)
        {
            return null;
        }

        var fallbackName = Path.GetFileNameWithoutExtension(file);
        var name = reader.String(values, "name") ?? fallbackName;
        if (!NamePattern().IsMatch(name))
        {
            reader.Error(values.GetValueOrDefault("name") ?? root, $"suite name '{name}' must be letters, digits, '.', '-' or '_' (it sits in tags and file names)");
        }
        else if (name != fallbackName)
        {
            reader.Error(values["name"], $"suite name '{name}' must match its file name '{fallbackName}' (suites are found by file name)");
        }

        var image = reader.String(values, "image");
        if (image is null && !values.ContainsKey("image"))
        {
            reader.Error(root, "a suite needs 'image', e.g. eventreactor/busybox:latest");
        }

        var repetitions = ParseRepetitions(reader, values);
        var requirements = values.TryGetValue("requirements", out var requirementsNode) ? ParseTarget(reader, requirementsNode) : null;
        var results = values.TryGetValue("results", out var resultsNode) ? SuiteResultsParser.Parse(reader, resultsNode) : null;
        if (results is null && !values.ContainsKey("results"))
        {
            reader.Error(root, "a suite needs 'results': how to read values from the output (regex or json_lines)");
        }

        var suite = new BenchmarkSuite(
            name,
            reader.String(values, "description"),
            image ?? string.Empty,
            reader.Command(values, "command"),
            reader.StringMap(values, "env"),
            SuiteResourcesParser.Parse(reader, values),
            requirements,
            repetitions,
            reader.Integer(values, "retries", 0, 100) ?? 0,
            reader.Duration(values, "timeout", TimeSpan.FromSeconds(1)) ?? DefaultTimeout,
            values.TryGetValue("metrics", out var metricsNode) ? ParseMetrics(reader, metricsNode) : null,
            reader.String(values, "network") ?? "none",
            results ?? [],
            file);
        return reader.Errors > errors ? null : suite;
    }

    private static RepetitionPolicy ParseRepetitions(SuiteNodeReader reader, Dictionary<string, YamlNode> values)
    {
        var warmup = reader.Integer(values, "warmup", 0, 100) ?? 0;
        if (!values.TryGetValue("repetitions", out var node))
        {
            return RepetitionPolicy.Default with { Warmup = warmup };
        }

        // A bare number is an exact count.
        if (node is YamlScalarNode)
        {
            var exact = reader.Integer(values, "repetitions", 1, 1000) ?? 1;
            return new RepetitionPolicy(warmup, exact, exact, RepetitionPolicy.DefaultRsdThreshold);
        }

        if (reader.Mapping(node, "'repetitions'", ["min", "max", "rsd_threshold"]) is not { } settings)
        {
            return RepetitionPolicy.Default;
        }

        var min = reader.Integer(settings, "min", 1, 1000) ?? RepetitionPolicy.Default.Min;
        var max = reader.Integer(settings, "max", 1, 1000) ?? Math.Max(min, RepetitionPolicy.Default.Max);
        if (min > max)
        {
            reader.Error(settings.GetValueOrDefault("min") ?? node, $"repetitions 'min' ({min}) must not exceed 'max' ({max})");
        }

        var threshold = reader.Number(settings, "rsd_threshold", 0, 100) ?? RepetitionPolicy.DefaultRsdThreshold;
        return new RepetitionPolicy(warmup, min, max, threshold);
    }

    private static SuiteTarget? ParseTarget(SuiteNodeReader reader, YamlNode node)
    {
        if (reader.Mapping(node, "'requirements'", ["tgt", "tgt_type"]) is not { } settings)
        {
            return null;
        }

        var target = reader.String(settings, "tgt");
        var type = reader.String(settings, "tgt_type") ?? TargetTypes.Glob;
        if (target is null)
        {
            reader.Error(node, "'requirements' needs 'tgt', e.g. { tgt: 'gpus:*K80*', tgt_type: grain }");
            return null;
        }

        try
        {
            // Matching against no minions checks the target's syntax (globs, grain paths, CEL) without a reactor.
            TargetMatcher.Match(target, type, []);
        }
        catch (Exception ex) when (ex is TargetException or RuleSyntaxException or ArgumentException)
        {
            reader.Error(settings.GetValueOrDefault("tgt_type") is { } typeNode && !TargetTypes.All.Contains(type) ? typeNode : settings["tgt"], $"'requirements': {ex.Message}");
            return null;
        }

        return new SuiteTarget(target, type);
    }

    private static TimeSpan? ParseMetrics(SuiteNodeReader reader, YamlNode node) =>
        reader.Mapping(node, "'metrics'", ["interval"]) is { } settings
            ? reader.Duration(settings, "interval", TimeSpan.FromMilliseconds(100)) ?? TimeSpan.FromSeconds(1)
            : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();
}
