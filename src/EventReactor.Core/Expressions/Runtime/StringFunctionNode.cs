namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>s.startsWith(x)</c>, <c>s.endsWith(x)</c>, <c>s.contains(x)</c>, ordinal.</summary>
internal sealed class StringFunctionNode(string function, CelNode target, CelNode argument) : CelNode
{
    public override object? Evaluate(CelContext context)
    {
        var text = target.Evaluate(context);
        var part = argument.Evaluate(context);
        return text is string value && part is string search
            ? RuntimeValues.Bool(Apply(function, value, search))
            : throw CelError.NoOverload(function, text, part);
    }

    public static bool Apply(string function, string text, string part) => function switch
    {
        "startsWith" => text.StartsWith(part, StringComparison.Ordinal),
        "endsWith" => text.EndsWith(part, StringComparison.Ordinal),
        _ => text.Contains(part, StringComparison.Ordinal),
    };
}
