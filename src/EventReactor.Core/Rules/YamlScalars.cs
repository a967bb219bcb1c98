using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EventReactor.Core.Rules;

/// <summary>Resolves YAML scalars to typed values the way YAML 1.2's core schema does (plain scalars only).</summary>
internal static partial class YamlScalars
{
    public static object? Resolve(YamlScalarNode node)
    {
        var text = node.Value ?? string.Empty;
        if (node.Style != ScalarStyle.Plain)
        {
            return text;
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ when IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => integer,
            _ when FloatPattern().IsMatch(text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => text,
        };
    }

    /// <summary>A node as a plain value (no expressions): used for <c>vars</c>.</summary>
    public static object? ToPlain(YamlNode node) => node switch
    {
        YamlScalarNode scalar => Resolve(scalar),
        YamlSequenceNode sequence => sequence.Children.Select(ToPlain).ToList(),
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value ?? string.Empty,
            entry => ToPlain(entry.Value),
            StringComparer.Ordinal),
        _ => null,
    };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
