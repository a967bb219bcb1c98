using System.Globalization;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace EventReactor.Core.Benchmarks;

/// <summary>Reads typed values from a suite file's YAML nodes; each problem becomes a diagnostic at its node, and the value null.</summary>
internal sealed class SuiteNodeReader(string file, ICollection<RuleDiagnostic> diagnostics)
{
    public int Errors => diagnostics.Count;

    public void Error(YamlNode node, string message) => diagnostics.Add(RuleYamlReader.Error(file, node, message));

    /// <summary>The mapping's entries by key; unknown keys are reported with the keys that are allowed.</summary>
    public Dictionary<string, YamlNode>? Mapping(YamlNode node, string what, IReadOnlyList<string> keys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping with {string.Join(", ", keys)}");
            return null;
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!keys.Contains(key))
            {
                Error(keyNode, $"unknown key '{key}' in {what}; expected one of {string.Join(", ", keys)}");
                continue;
            }

            values[key] = value;
        }

        return values;
    }

    public string? String(IReadOnlyDictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }

        Error(node, $"'{key}' must be a non-empty string");
        return null;
    }

    public int? Integer(IReadOnlyDictionary<string, YamlNode> values, string key, int min, int max)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar && YamlScalars.Resolve(scalar) is long value && value >= min && value <= max)
        {
            return (int)value;
        }

        Error(node, $"'{key}' must be a whole number from {min} to {max}");
        return null;
    }

    public double? Number(IReadOnlyDictionary<string, YamlNode> values, string key, double min, double max)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return null;
        }

        var value = node is YamlScalarNode scalar ? YamlScalars.Resolve(scalar) switch
        {
            long whole => whole,
            double real => real,
            _ => (double?)null,
        } : null;
        if (value is { } number && number > min && number <= max)
        {
            return number;
        }

        Error(node, $"'{key}' must be a number above {min.ToString(CultureInfo.InvariantCulture)} and at most {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    public bool? Bool(IReadOnlyDictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar && YamlScalars.Resolve(scalar) is bool value)
        {
            return value;
        }

        Error(node, $"'{key}' must be true or false");
        return null;
    }

    public TimeSpan? Duration(IReadOnlyDictionary<string, YamlNode> values, string key, TimeSpan min)
    {
        if (String(values, key) is not { } text)
        {
            return null;
        }

        if (DurationParser.TryParse(text, out var duration) && duration >= min)
        {
            return duration;
        }

        Error(values[key], $"'{key}' must be a duration of at least {FormatDuration(min)}, such as 500ms, 30s or 5m; got '{text}'");
        return null;
    }

    /// <summary>A list of strings, or one string meaning <c>sh -c</c> with it.</summary>
    public IReadOnlyList<string>? Command(IReadOnlyDictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return null;
        }

        switch (node)
        {
            case YamlScalarNode { Value: { Length: > 0 } script }:
                return ["sh", "-c", script];
            case YamlSequenceNode list when list.Children.Count > 0 && list.Children.All(c => c is YamlScalarNode { Value: not null }):
                return list.Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
            default:
                Error(node, $"'{key}' must be a list of strings such as [sh, -c, 'echo hi'], or a shell script as one string");
                return null;
        }
    }

    public IReadOnlyDictionary<string, string> StringMap(IReadOnlyDictionary<string, YamlNode> values, string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!values.TryGetValue(key, out var node))
        {
            return map;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"'{key}' must be a mapping of names to values");
            return map;
        }

        foreach (var (name, value) in mapping.Children)
        {
            if (name is YamlScalarNode { Value: { Length: > 0 } text } && value is YamlScalarNode { Value: { } scalar })
            {
                map[text] = scalar;
            }
            else
            {
                Error(name, $"each entry of '{key}' is a name with a plain value");
            }
        }

        return map;
    }

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds >= 1 ? $"{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s" : $"{duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";
}
