using System.Text.RegularExpressions;

namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>s.matches('re')</c> with a literal pattern, compiled once.</summary>
internal sealed class MatchesNode(FastNode target, Regex pattern) : FastNode
{
    public override object? Evaluate(FastContext context) =>
        target.Evaluate(context) is string text ? FastValues.Bool(pattern.IsMatch(text)) : FastPathBailout.Raise();
}
