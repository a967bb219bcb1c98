using System.Text.RegularExpressions;

namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>s.matches('re')</c> with a literal pattern, compiled once.</summary>
internal sealed class MatchesNode(CelNode target, Regex pattern) : CelNode
{
    public override object? Evaluate(CelContext context) => target.Evaluate(context) switch
    {
        string text => RuntimeValues.Bool(pattern.IsMatch(text)),
        var other => throw CelError.NoOverload("matches", other, pattern.ToString()),
    };
}
