using System.Text.RegularExpressions;

namespace EventReactor.Core.Rules;

/// <summary>
/// The hint for a rule author's common trap: in a flow mapping (<c>{ n: ${{ x }} }</c>) the braces of an unquoted
/// <c>${{ }}</c> are YAML flow indicators, and the parser's own message says nothing about quoting.
/// </summary>
internal static partial class FlowTemplateHint
{
    /// <summary>The hint for a YAML error at <paramref name="line"/> (1-based), or null when the trap is not there.</summary>
    public static string? For(string text, long line)
    {
        var lines = text.Split('\n');

        // The parser may stop on the line after the one that opened the trouble.
        for (var index = (int)Math.Min(line, lines.Length) - 1; index >= Math.Max(0, line - 2); index--)
        {
            var match = UnquotedTemplateInFlow().Match(lines[index]);
            if (match.Success)
            {
                var key = match.Groups["key"].Value;
                var template = match.Groups["template"].Value.TrimEnd();
                return $"in a flow mapping '{{ }}', quote a ${{{{ }}}} value: {key}: \"{template}\" "
                    + "(a value that is exactly ${{ expr }} keeps the expression's type when quoted)";
            }
        }

        return null;
    }

    // A '{' before an unquoted `key: ${{ ... }}` on the same line.
    [GeneratedRegex(@"\{[^""'#]*?(?<key>[\w.-]+):\s*(?<template>\$\{\{[^""']*?\}\})")]
    private static partial Regex UnquotedTemplateInFlow();
}
