using System.Globalization;
using System.Text.RegularExpressions;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EventReactor.Core.Pools;

/// <summary>Parses a pools file (<c>pools: [{name, select, provider, min, max, idle_shutdown, grains, hosts}]</c>), reporting every problem as <c>file:line:column: message</c>.</summary>
public static partial class PoolFileParser
{
    private static readonly string[] PoolKeys = ["name", "select", "provider", "min", "max", "idle_shutdown", "grains", "hosts"];

    public static IReadOnlyList<PoolDefinition> Parse(string file, string text, ICollection<RuleDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new RuleDiagnostic(At(file, ex.Start), $"YAML: {(ex.InnerException as YamlException ?? ex).Message}"));
            return [];
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping || mapping.Children.Count != 1 || !mapping.Children.TryGetValue(new YamlScalarNode("pools"), out var poolsNode))
        {
            diagnostics.Add(Error(file, root, "a pools file is a mapping with one key, 'pools', a list of pools"));
            return [];
        }

        if (poolsNode is not YamlSequenceNode list)
        {
            diagnostics.Add(Error(file, poolsNode, "'pools' must be a list of pools"));
            return [];
        }

        var pools = new List<PoolDefinition>();
        foreach (var item in list.Children)
        {
            if (ParsePool(file, item, diagnostics) is { } pool)
            {
                if (pools.Any(p => p.Name == pool.Name))
                {
                    diagnostics.Add(Error(file, item, $"pool '{pool.Name}' is declared twice"));
                    continue;
                }

                pools.Add(pool);
            }
        }

        return pools;
    }

    private static PoolDefinition? ParsePool(string file, YamlNode node, ICollection<RuleDiagnostic> diagnostics)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Add(Error(file, node, "a pool is a mapping with at least 'name'"));
            return null;
        }

        var errors = diagnostics.Count;
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!PoolKeys.Contains(name))
            {
                diagnostics.Add(Error(file, key, $"unknown key '{name}'; a pool has {string.Join(", ", PoolKeys)}"));
                continue;
            }

            values[name] = value;
        }

        var poolName = Text(file, values, "name", diagnostics);
        if (poolName is null)
        {
            diagnostics.Add(Error(file, node, "a pool needs a 'name'"));
        }
        else if (!NamePattern().IsMatch(poolName))
        {
            diagnostics.Add(Error(file, values["name"], $"pool name '{poolName}' must be letters, digits, '-' or '_' (it sits in tags and minion ids)"));
        }

        CelExpression? select = null;
        if (Text(file, values, "select", diagnostics) is { } selectText && values["select"] is YamlScalarNode selectNode)
        {
            try
            {
                select = CelCompiler.Compile(selectText, At(file, selectNode.Start));
            }
            catch (RuleSyntaxException ex)
            {
                diagnostics.Add(ex.Diagnostic);
            }
        }

        var provider = Text(file, values, "provider", diagnostics);
        var min = Integer(file, values, "min", 0, diagnostics);
        var max = Integer(file, values, "max", provider is null ? 0 : 10, diagnostics);
        if (min > max && provider is not null)
        {
            diagnostics.Add(Error(file, values.GetValueOrDefault("min") ?? node, $"'min' ({min}) must not exceed 'max' ({max})"));
        }

        if (provider is null && (values.ContainsKey("min") || values.ContainsKey("max") || values.ContainsKey("idle_shutdown") || values.ContainsKey("grains")))
        {
            diagnostics.Add(Error(file, node, "'min', 'max', 'idle_shutdown' and 'grains' need a 'provider'"));
        }

        if (provider is null && values.TryGetValue("hosts", out var unusedHosts))
        {
            diagnostics.Add(Error(file, unusedHosts, "'hosts' is the inventory of a provider such as ssh; it needs a 'provider'"));
        }

        TimeSpan? idle = null;
        if (Text(file, values, "idle_shutdown", diagnostics) is { } idleText)
        {
            if (DurationParser.TryParse(idleText, out var parsed) && parsed > TimeSpan.Zero)
            {
                idle = parsed;
            }
            else
            {
                diagnostics.Add(Error(file, values["idle_shutdown"], $"'idle_shutdown' must be a duration such as 30m, got '{idleText}'"));
            }
        }

        var grains = new Dictionary<string, string>(StringComparer.Ordinal);
        if (values.TryGetValue("grains", out var grainsNode))
        {
            if (grainsNode is not YamlMappingNode grainMap)
            {
                diagnostics.Add(Error(file, grainsNode, "'grains' must be a mapping of names to values"));
            }
            else
            {
                foreach (var (key, value) in grainMap.Children)
                {
                    if (key is YamlScalarNode { Value: { Length: > 0 } grainKey } && value is YamlScalarNode { Value: { } grainValue })
                    {
                        grains[grainKey] = grainValue;
                    }
                    else
                    {
                        diagnostics.Add(Error(file, key, "each custom grain is a name with a plain value"));
                    }
                }
            }
        }

        var hosts = values.TryGetValue("hosts", out var hostsNode) ? PoolHostParser.Parse(file, hostsNode, diagnostics) : [];
        return diagnostics.Count > errors || poolName is null ? null : new PoolDefinition(poolName, select, provider, min, max, idle, grains, hosts);
    }

    private static string? Text(string file, Dictionary<string, YamlNode> values, string key, ICollection<RuleDiagnostic> diagnostics)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }

        diagnostics.Add(Error(file, node, $"'{key}' must be a non-empty string"));
        return null;
    }

    private static int Integer(string file, Dictionary<string, YamlNode> values, string key, int fallback, ICollection<RuleDiagnostic> diagnostics)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        diagnostics.Add(Error(file, node, $"'{key}' must be a whole number of at least 0"));
        return fallback;
    }

    internal static RuleDiagnostic Error(string file, YamlNode node, string message) => new(At(file, node.Start), message);

    private static SourceLocation At(string file, Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex NamePattern();
}
