using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EventReactor.Core.Rules;

/// <summary>Reads the values of rule files from YAML nodes, each problem raised at its node's position.</summary>
internal static class RuleYamlReader
{
    public static ThrottlePolicy ParseThrottle(string file, YamlNode node)
    {
        var settings = RequireMapping(file, node, "'throttle'", "{ once_within: 30s, key: \"${{ event.minion }}\" }", ["once_within", "key"]);
        var window = settings.TryGetValue("once_within", out var windowNode)
            ? RequireDuration(file, windowNode, "'once_within'")
            : throw new RuleSyntaxException(Error(file, node, "'throttle' needs 'once_within', e.g. 30s"));
        return new ThrottlePolicy(window, settings.TryGetValue("key", out var keyNode) ? ParseValue(file, keyNode) : null);
    }

    public static RetryPolicy ParseRetry(string file, YamlNode node)
    {
        var settings = RequireMapping(file, node, "'retry'", "{ attempts: 5, backoff: 2s }", ["attempts", "backoff"]);
        var attempts = settings.TryGetValue("attempts", out var attemptsNode)
            ? attemptsNode is YamlScalarNode scalar && YamlScalars.Resolve(scalar) is long count and >= 1 and <= 100
                ? (int)count
                : throw new RuleSyntaxException(Error(file, attemptsNode, "'attempts' must be a whole number from 1 to 100"))
            : throw new RuleSyntaxException(Error(file, node, "'retry' needs 'attempts', e.g. 5"));
        var backoff = settings.TryGetValue("backoff", out var backoffNode) ? RequireDuration(file, backoffNode, "'backoff'") : TimeSpan.FromSeconds(1);
        return new RetryPolicy(attempts, backoff);
    }

    public static Dictionary<string, YamlNode> RequireMapping(string file, YamlNode node, string what, string example, string[] keys)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new RuleSyntaxException(Error(file, node, $"{what} must be a mapping such as {example}"));
        }

        var settings = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!keys.Contains(key))
            {
                throw new RuleSyntaxException(Error(file, keyNode, $"unknown key '{key}' in {what}; expected {string.Join(" or ", keys)}"));
            }

            settings[key] = value;
        }

        return settings;
    }

    public static TimeSpan RequireDuration(string file, YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } text } && DurationParser.TryParse(text, out var duration) && duration > TimeSpan.Zero
            ? duration
            : throw new RuleSyntaxException(Error(file, node, $"{what} must be a duration such as 500ms, 2s, 30s, 5m or 1h"));

    public static ValueTemplate ParseValue(string file, YamlNode node) => node switch
    {
        YamlScalarNode scalar => TemplateParser.Parse(scalar.Value ?? string.Empty, ContentStart(file, scalar), YamlScalars.Resolve(scalar)),
        YamlMappingNode mapping => new MapTemplate(Location(file, node), mapping.Children
            .Select(entry => new KeyValuePair<string, ValueTemplate>(RequireString(file, entry.Key, "a map key"), ParseValue(file, entry.Value)))
            .ToList()),
        YamlSequenceNode sequence => new ListTemplate(Location(file, node), sequence.Children.Select(child => ParseValue(file, child)).ToList()),
        _ => throw new RuleSyntaxException(Error(file, node, "unsupported YAML node")),
    };

    public static string RequireString(string file, YamlNode node, string what) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw new RuleSyntaxException(Error(file, node, $"{what} must be a non-empty string"));

    public static bool RequireBool(string file, YamlNode node, string what) =>
        node is YamlScalarNode scalar && YamlScalars.Resolve(scalar) is bool value ? value : throw new RuleSyntaxException(Error(file, node, $"{what} must be true or false"));

    // A quoted scalar's text starts one column after its opening quote.
    public static SourceLocation ContentStart(string file, YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted }
            ? Location(file, node).Offset(0, 1)
            : Location(file, node);

    public static SourceLocation Location(string file, YamlNode node) => At(file, node.Start);

    public static SourceLocation At(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    public static RuleDiagnostic Error(string file, YamlNode node, string message) => new(Location(file, node), message);
}
