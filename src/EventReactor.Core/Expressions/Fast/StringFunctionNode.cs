namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>s.startsWith(x)</c>, <c>s.endsWith(x)</c>, <c>s.contains(x)</c>, ordinal.</summary>
internal sealed class StringFunctionNode(StringFunction function, FastNode target, FastNode argument) : FastNode
{
    public override object? Evaluate(FastContext context)
    {
        if (target.Evaluate(context) is not string text || argument.Evaluate(context) is not string part)
        {
            return FastPathBailout.Raise();
        }

        return FastValues.Bool(function switch
        {
            StringFunction.StartsWith => text.StartsWith(part, StringComparison.Ordinal),
            StringFunction.EndsWith => text.EndsWith(part, StringComparison.Ordinal),
            _ => text.Contains(part, StringComparison.Ordinal),
        });
    }
}
